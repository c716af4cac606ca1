package org.socius.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socius.programmes.Programme;
import org.socius.programmes.Programmes;
import org.socius.support.Api;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.socius.support.SampleHouseholds;
import org.socius.support.SampleHouseholds.Member;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class MoneyApiTest {

  @Autowired Fixtures fixtures;
  @Autowired Vouchers vouchers;
  @Autowired Programmes programmes;
  @Autowired SampleHouseholds households;
  @LocalServerPort int port;

  @Test
  void vouchersBudgetsClaimsAndRunsAnswerThroughTheApi() {
    Api officer = new Api(port, fixtures.tokenFor("officer.north"));
    Api worker = new Api(port, fixtures.tokenFor("worker.harbour"));
    Api parish = new Api(port, fixtures.tokenFor("staff.parish"));
    UUID north = fixtures.unit("NV-N").id();

    // A voucher issued to a person and redeemed whole, once.
    Voucher.Scheme meals =
        fixtures.as(
            "officer.north",
            () ->
                vouchers.defineScheme(
                    north,
                    new Vouchers.NewScheme(
                        "Api lunches " + UUID.randomUUID().toString().substring(0, 6),
                        Voucher.Kind.VALUE,
                        new BigDecimal("30.00"),
                        30,
                        false,
                        List.of("HOT-MEALS"))));
    UUID person =
        households
            .create(
                "worker.harbour",
                "NV-N-01",
                "Ap" + Long.toString(System.nanoTime() % 1_000_000_000L, 36),
                List.of(new Member(LocalDate.of(1950, 1, 1), "200.00")))
            .headId();
    Api.Response issued =
        worker.post(
            "/api/v1/people/" + person + "/vouchers", "{\"schemeId\":\"" + meals.id() + "\"}");
    assertThat(issued.status()).isEqualTo(201);
    String code = issued.json().get("code").asString();
    assertThat(worker.get(issued.header("Location")).status()).isEqualTo(200);
    String parishMeals =
        fixtures.registeredService("St Nicholas Parish Charity", "HOT-MEALS").toString();
    String redemption =
        "{\"code\":\"%s\",\"registeredServiceId\":\"%s\",\"used\":30.00}"
            .formatted(code, parishMeals);
    assertThat(parish.post("/api/v1/voucher-redemptions", redemption).status()).isEqualTo(201);
    Api.Response twice = parish.post("/api/v1/voucher-redemptions", redemption);
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.body()).contains("DLV-0404");
    // The voucher's state reads as a word of the reader's language, not as its code name.
    assertThat(twice.json().get("detail").asString())
        .contains("is Used up")
        .doesNotContain("SPENT");

    // A budget line far ahead, and its administrative cost.
    Programme programme =
        programmes.all().stream()
            .filter(p -> !p.code().equals("SERVICE-CONTRIBUTION"))
            .findFirst()
            .orElseThrow();
    Api.Response line =
        officer.post(
            "/api/v1/budgets",
            """
            {"programmeId":"%s","year":2099,"amount":5000.00,"services":["HOME-CARE"]}"""
                .formatted(programme.id()));
    assertThat(line.status()).isEqualTo(201);
    Api.Response cost =
        officer.post(
            "/api/v1/budgets/" + line.json().get("id").asString() + "/administrative-costs",
            "{\"incurredOn\":\"2099-03-01\",\"amount\":120.00,\"description\":\"Forms\"}");
    assertThat(cost.status()).isEqualTo(200);
    assertThat(cost.json().get("administrativeCost").asDouble()).isEqualTo(120.00);
    assertThat(officer.get("/api/v1/budgets?year=2099").body()).contains(programme.name());

    // Claims of a month not over are refused; a payment run for a past day too.
    assertThat(officer.get("/api/v1/claims?month=" + YearMonth.now().minusMonths(1)).status())
        .isEqualTo(200);
    Api.Response early = officer.post("/api/v1/claims", "{\"month\":\"" + YearMonth.now() + "\"}");
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.body()).contains("DLV-0201");
    Api.Response past =
        officer.post(
            "/api/v1/payment-runs",
            "{\"requestedOn\":\"" + LocalDate.now(java.time.ZoneOffset.UTC).minusDays(3) + "\"}",
            Map.of());
    assertThat(past.status()).isEqualTo(400);
    assertThat(past.body()).contains("DLV-0307");
  }

  @Test
  void schemesAndAccountsAreKeptThroughTheApiAndBadOnesChangeNothing() {
    Api officer = new Api(port, fixtures.tokenFor("officer.north"));
    Api harbourStaff = new Api(port, fixtures.tokenFor("provider.staff"));
    Api parish = new Api(port, fixtures.tokenFor("staff.parish"));
    String name = "Api meals " + UUID.randomUUID().toString().substring(0, 6);

    Api.Response refused =
        officer.post(
            "/api/v1/voucher-schemes",
            """
            {"name":"%s","kind":"VALUE","face":-5,"validityDays":30,"partial":true,
             "services":["NO-SUCH-SERVICE"]}"""
                .formatted(name));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("DLV-0413", "DLV-0415");
    assertThat(officer.get("/api/v1/voucher-schemes").body()).doesNotContain(name);

    Api.Response defined =
        officer.post(
            "/api/v1/voucher-schemes",
            """
            {"name":"%s","kind":"VALUE","face":40.00,"validityDays":30,"partial":true,
             "services":["HOT-MEALS"]}"""
                .formatted(name));
    assertThat(defined.status()).isEqualTo(201);
    assertThat(defined.json().get("partial").asBoolean()).isTrue();
    assertThat(officer.get("/api/v1/voucher-schemes").body()).contains(name);

    // The region's account: a mistyped IBAN is refused and the account stays as it was.
    String before = officer.get("/api/v1/region-account").json().get("iban").asString();
    Api.Response mistyped =
        officer.put(
            "/api/v1/region-account",
            "{\"holder\":\"Northern Region\",\"iban\":\"NV73NOVB0001000200030099\","
                + "\"bic\":\"NOVBNVN1\"}",
            Map.of());
    assertThat(mistyped.status()).isEqualTo(400);
    assertThat(mistyped.body()).contains("DLV-0302");
    assertThat(officer.get("/api/v1/region-account").json().get("iban").asString())
        .isEqualTo(before);
    Api.Response set =
        officer.put(
            "/api/v1/region-account",
            "{\"holder\":\"Northern Region Treasury\",\"iban\":\"NV73 NOVB 0001 0002 0003 0004\","
                + "\"bic\":\"novbnvn1\"}",
            Map.of());
    assertThat(set.status()).isEqualTo(200);
    assertThat(set.json().get("iban").asString()).isEqualTo("NV73NOVB0001000200030004");

    // A provider's account is its own staff's to read and set; another provider's is not found.
    UUID harbour = fixtures.provider("Harbour Care Association");
    String payee = "/api/v1/providers/" + harbour + "/payee-account";
    assertThat(harbourStaff.get(payee).status()).isEqualTo(200);
    assertThat(parish.get(payee).status()).isEqualTo(404);
    Api.Response foreign =
        parish.put(
            payee,
            "{\"holder\":\"Parish\",\"iban\":\"NV54NOVB0009000800070006\",\"bic\":\"NOVBNVN1\"}",
            Map.of());
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(harbourStaff.get(payee).json().get("holder").asString())
        .isEqualTo("Harbour Care Association");
  }
}
