package org.socius.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socius.delivery.internal.VoucherCodes;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.security.CurrentScope;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.socius.support.SampleHouseholds;
import org.socius.support.SampleHouseholds.Member;
import org.socius.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class VouchersTest {

  @Autowired Fixtures fixtures;
  @Autowired Vouchers vouchers;
  @Autowired SampleHouseholds households;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired TestClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private UUID person() {
    return households
        .create(
            "worker.harbour",
            "NV-N-01",
            "Vo" + Long.toString(System.nanoTime() % 1_000_000_000L, 36),
            List.of(new Member(LocalDate.of(1945, 5, 5), "300.00")))
        .headId();
  }

  private Voucher issue(Voucher.Scheme scheme) {
    UUID holder = person();
    return fixtures.as("worker.harbour", () -> vouchers.issue(scheme.id(), holder));
  }

  private Voucher.Scheme scheme(String kind, String face, boolean partial) {
    UUID north = fixtures.unit("NV-N").id();
    return fixtures.as(
        "officer.north",
        () ->
            vouchers.defineScheme(
                north,
                new Vouchers.NewScheme(
                    "Hot lunches " + UUID.randomUUID().toString().substring(0, 6),
                    Voucher.Kind.valueOf(kind),
                    new BigDecimal(face),
                    30,
                    partial,
                    List.of("HOT-MEALS"))));
  }

  @Test
  void codesCannotBeGuessedAndAMistypedOneIsCaught() {
    String code = VoucherCodes.newCode();
    assertThat(code).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}-[0-9A-Z]");
    assertThat(VoucherCodes.normalised(code.toLowerCase().replace("-", " "))).isEqualTo(code);
    char first = code.charAt(0);
    String mistyped = (first == '7' ? '8' : '7') + code.substring(1);
    assertThat(VoucherCodes.normalised(mistyped)).isNull();
    assertThat(VoucherCodes.newCode()).isNotEqualTo(code);
  }

  @Test
  void aVoucherIsRedeemedPartlyAtAProviderOfItsServiceAndNeverBeyondWhatItHolds() {
    Voucher.Scheme meals = scheme("UNITS", "20", true);
    Voucher v = issue(meals);
    assertThat(v.remaining()).isEqualByComparingTo("20");
    assertThat(v.expiresOn()).isEqualTo(LocalDate.now(java.time.ZoneOffset.UTC).plusDays(29));
    UUID parishMeals = fixtures.registeredService("St Nicholas Parish Charity", "HOT-MEALS");
    UUID harbourCare = fixtures.registeredService("Harbour Care Association", "HOME-CARE");

    Vouchers.Redemption first =
        fixtures.as(
            "staff.parish", () -> vouchers.redeem(v.code(), parishMeals, new BigDecimal("5")));
    assertThat(first.remaining()).isEqualByComparingTo("15");
    // Another service than the voucher's, more than it holds, a negative amount, a wrong code, or
    // a service of another provider: each refused with its reason, nothing used.
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "provider.staff",
                    () -> vouchers.redeem(v.code(), harbourCare, new BigDecimal("1"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("DLV-0406");
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "staff.parish",
                    () -> vouchers.redeem(v.code(), parishMeals, new BigDecimal("16"))))
        .hasMessageContaining("DLV-0409");
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "staff.parish",
                    () -> vouchers.redeem(v.code(), parishMeals, new BigDecimal("-1"))))
        .hasMessageContaining("DLV-0402");
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "staff.parish",
                    () -> vouchers.redeem("0000-0000-0000-0000-0", parishMeals, BigDecimal.ONE)))
        .hasMessageContaining("DLV-0403");
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "provider.staff", () -> vouchers.redeem(v.code(), parishMeals, BigDecimal.ONE)))
        .isInstanceOf(org.socius.platform.errors.NotFoundException.class);
    assertThat(fixtures.as("worker.harbour", () -> vouchers.get(v.id())).remaining())
        .isEqualByComparingTo("15");

    fixtures.as("staff.parish", () -> vouchers.redeem(v.code(), parishMeals, new BigDecimal("15")));
    Voucher spent = fixtures.as("worker.harbour", () -> vouchers.get(v.id()));
    assertThat(spent.status()).isEqualTo(Voucher.Status.SPENT);
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "staff.parish", () -> vouchers.redeem(v.code(), parishMeals, BigDecimal.ONE)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("DLV-0404");
    // A worker of another region does not see the voucher.
    assertThatThrownBy(() -> fixtures.as("worker.riverside", () -> vouchers.get(v.id())))
        .isInstanceOf(org.socius.platform.errors.NotFoundException.class);
  }

  @org.springframework.boot.test.web.server.LocalServerPort int port;

  @Test
  void theWorkerPrintsTheVoucherWithItsQrCodeAndTheProviderRedeemsItOnItsPage() {
    Voucher.Scheme meals = scheme("UNITS", "10", true);
    UUID holder = person();
    org.socius.support.WebSession worker = new org.socius.support.WebSession(port);
    assertThat(worker.signIn("worker.harbour", Fixtures.DEMO_PASSWORD)).isTrue();
    var issued =
        worker.post(
            "/people/" + holder + "/vouchers",
            "/people/" + holder + "/vouchers",
            java.util.Map.of("schemeId", meals.id().toString()));
    assertThat(issued.statusCode()).isEqualTo(302);
    var print =
        worker.get(
            java.net.URI.create(issued.headers().firstValue("Location").orElseThrow()).getPath());
    assertThat(print.statusCode()).isEqualTo(200);
    Voucher v = fixtures.as("worker.harbour", () -> vouchers.ofPerson(holder)).getFirst();
    assertThat(print.body()).contains(v.code(), "<svg", meals.name());

    org.socius.support.WebSession parish = new org.socius.support.WebSession(port);
    assertThat(parish.signIn("staff.parish", Fixtures.DEMO_PASSWORD)).isTrue();
    UUID parishMeals = fixtures.registeredService("St Nicholas Parish Charity", "HOT-MEALS");
    var form = parish.get("/provider-vouchers");
    assertThat(form.statusCode()).isEqualTo(200);
    String provider =
        form.body().replaceAll("(?s).*name=\"provider\" value=\"([0-9a-f-]{36})\".*", "$1");
    var refused =
        parish.post(
            "/provider-vouchers",
            "/provider-vouchers/redemption",
            java.util.Map.of(
                "provider",
                provider,
                "code",
                v.code(),
                "registeredServiceId",
                parishMeals.toString(),
                "used",
                "11"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("The voucher holds only 10");
    var redeemed =
        parish.post(
            "/provider-vouchers",
            "/provider-vouchers/redemption",
            java.util.Map.of(
                "provider",
                provider,
                "code",
                v.code().toLowerCase(),
                "registeredServiceId",
                parishMeals.toString(),
                "used",
                "3"));
    assertThat(redeemed.statusCode()).isEqualTo(302);
    assertThat(fixtures.as("worker.harbour", () -> vouchers.get(v.id())).remaining())
        .isEqualByComparingTo("7");
  }

  @Test
  void aVoucherIsRedeemedOnlyInItsRegionAndWholeWhereItsSchemeSaysSo() {
    UUID north = fixtures.unit("NV-N").id();
    Voucher.Scheme care =
        fixtures.as(
            "officer.north",
            () ->
                vouchers.defineScheme(
                    north,
                    new Vouchers.NewScheme(
                        "Care budget " + UUID.randomUUID().toString().substring(0, 6),
                        Voucher.Kind.VALUE,
                        new BigDecimal("40.00"),
                        30,
                        false,
                        List.of("HOME-CARE"))));
    Voucher v = issue(care);
    UUID southernCare = fixtures.registeredService("Southern Social Services Centre", "HOME-CARE");
    UUID harbourCare = fixtures.registeredService("Harbour Care Association", "HOME-CARE");
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "staff.southcentre",
                    () -> vouchers.redeem(v.code(), southernCare, new BigDecimal("40.00"))))
        .hasMessageContaining("DLV-0407");
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "provider.staff",
                    () -> vouchers.redeem(v.code(), harbourCare, new BigDecimal("10.00"))))
        .hasMessageContaining("DLV-0408");
    String mistyped = (v.code().charAt(0) == '7' ? '8' : '7') + v.code().substring(1);
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "provider.staff",
                    () -> vouchers.redeem(mistyped, harbourCare, new BigDecimal("40.00"))))
        .hasMessageContaining("DLV-0401");
    assertThat(
            fixtures
                .as(
                    "provider.staff",
                    () -> vouchers.redeem(v.code(), harbourCare, new BigDecimal("40.00")))
                .remaining())
        .isZero();
  }

  @Test
  void anExpiredVoucherIsRefused() {
    Voucher.Scheme meals = scheme("UNITS", "10", true);
    Voucher v = issue(meals);
    clock.advance(Duration.ofDays(31));
    UUID parishMeals = fixtures.registeredService("St Nicholas Parish Charity", "HOT-MEALS");
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "staff.parish", () -> vouchers.redeem(v.code(), parishMeals, BigDecimal.ONE)))
        .hasMessageContaining("DLV-0405");
  }

  @Test
  void ofAHundredConcurrentRedemptionsOfOneVoucherExactlyOneSucceeds() throws Exception {
    Voucher.Scheme whole = scheme("VALUE", "40.00", false);
    Voucher v = issue(whole);
    UUID parishMeals = fixtures.registeredService("St Nicholas Parish Charity", "HOT-MEALS");
    int attempts = 100;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(attempts);
    List<Future<Boolean>> outcomes = new ArrayList<>();
    try {
      for (int i = 0; i < attempts; i++) {
        outcomes.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    fixtures.as(
                        "staff.parish",
                        () -> vouchers.redeem(v.code(), parishMeals, new BigDecimal("40.00")));
                    return true;
                  } catch (ConflictException e) {
                    return false;
                  }
                }));
      }
      start.countDown();
      int succeeded = 0;
      for (Future<Boolean> f : outcomes) {
        succeeded += f.get() ? 1 : 0;
      }
      assertThat(succeeded).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    long redemptions =
        CurrentScope.asSystem(
            () ->
                transaction.execute(
                    s ->
                        jdbc.sql("select count(*) from delivery.redemption where voucher_id = :v")
                            .param("v", v.id())
                            .query(Long.class)
                            .single()));
    assertThat(redemptions).isEqualTo(1);
    assertThat(fixtures.as("worker.harbour", () -> vouchers.get(v.id())).status())
        .isEqualTo(Voucher.Status.SPENT);
  }
}
