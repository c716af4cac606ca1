package org.socius.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socius.cases.Agreement;
import org.socius.cases.CaseAccess;
import org.socius.cases.ClientAccess;
import org.socius.platform.api.ImportReport;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.support.AgreedCases;
import org.socius.support.AgreedCases.Agreed;
import org.socius.support.AgreedCases.Planned;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.socius.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ClaimsAndPaymentsTest {

  private static final String HARBOUR = "Harbour Care Association";
  private static final String PARISH = "St Nicholas Parish Charity";

  @Autowired Fixtures fixtures;
  @Autowired AgreedCases agreedCases;
  @Autowired Deliveries deliveries;
  @Autowired Claims claims;
  @Autowired Payments payments;
  @Autowired ClientAccess clientAccess;
  @Autowired Vouchers vouchers;
  @Autowired org.socius.catalogue.Catalogue catalogue;
  @Autowired TestClock clock;

  private final String carer = "Carer " + UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void giveBack() {
    clock.reset();
    agreedCases.closeAll();
  }

  private NewDelivery visit(Agreement a, LocalDate day, int hour) {
    return new NewDelivery(
        a.reference(),
        "HOME-CARE",
        day,
        LocalTime.of(hour, 0),
        LocalTime.of(hour + 1, 0),
        null,
        carer,
        "At home",
        "");
  }

  private <T> T asOfficer(java.util.function.Supplier<T> work) {
    return fixtures.as("officer.north", work);
  }

  @Test
  void theClaimHoldsTheConfirmedDeliveryLessTheContributionAndIsPaidThroughAPain001File()
      throws Exception {
    LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
    YearMonth month = YearMonth.from(today);
    Agreed agreed =
        agreedCases.agreed(
            "1400.00",
            today,
            List.of(
                new Planned("HOME-CARE", "4", HARBOUR, "provider.staff"),
                new Planned("HOT-MEALS", "31", PARISH, "staff.parish")));
    Agreement care = agreed.with(HARBOUR);
    UUID caseId = agreed.details().id();
    UUID north = agreed.details().regionId();
    Deliveries.Outcome sent =
        fixtures.as(
            "provider.staff",
            () ->
                deliveries.record(
                    care.providerId(),
                    "claim-" + care.id(),
                    Deliveries.Source.API,
                    List.of(
                        visit(care, today, 8), visit(care, today, 11), visit(care, today, 15))));
    assertThat(sent.accepted()).isTrue();
    CaseAccess access =
        fixtures.as(
            "worker.harbour",
            () -> clientAccess.give(caseId, "beneficiary", CaseAccess.Capacity.CLIENT));
    List<DeliveryRecord> recorded;
    try {
      recorded = fixtures.as("beneficiary", () -> deliveries.forClient(caseId).records());
      for (DeliveryRecord r : recorded.subList(0, 2)) {
        fixtures.as("beneficiary", () -> deliveries.confirm(r.id(), r.version()));
      }
      DeliveryRecord third = recorded.get(2);
      fixtures.as(
          "beneficiary", () -> deliveries.dispute(third.id(), third.version(), "Nobody came."));
    } finally {
      fixtures.as(
          "worker.harbour",
          () -> {
            clientAccess.end(caseId, access.id());
            return null;
          });
    }
    List<UUID> confirmed = recorded.subList(0, 2).stream().map(DeliveryRecord::id).toList();

    // The client also holds meal vouchers, three of which Harbour serves.
    Voucher.Scheme lunches =
        asOfficer(
            () ->
                vouchers.defineScheme(
                    north,
                    new Vouchers.NewScheme(
                        "Lunches " + UUID.randomUUID().toString().substring(0, 6),
                        Voucher.Kind.UNITS,
                        new BigDecimal("10"),
                        60,
                        true,
                        List.of("HOT-MEALS"))));
    UUID holder = agreed.details().personId();
    Voucher voucher = fixtures.as("worker.harbour", () -> vouchers.issue(lunches.id(), holder));
    UUID harbourMeals = fixtures.registeredService(HARBOUR, "HOT-MEALS");
    fixtures.as(
        "provider.staff", () -> vouchers.redeem(voucher.code(), harbourMeals, new BigDecimal("3")));
    BigDecimal mealPrice =
        catalogue
            .tariffOn(catalogue.serviceTypeByCode("HOT-MEALS").orElseThrow().id(), north, today)
            .orElseThrow()
            .price();

    // The month is not over: no claim yet.
    assertThatThrownBy(() -> asOfficer(() -> claims.build(north, month, care.providerId())))
        .hasMessageContaining("DLV-0201");
    clock.advance(Duration.ofDays(40));

    Claim claim = asOfficer(() -> claims.build(north, month, care.providerId())).getFirst();
    assertThat(claim.status()).isEqualTo(Claim.Status.SUBMITTED);
    List<Claim.Line> lines = asOfficer(() -> claims.lines(claim.id()));
    List<Claim.Line> ours =
        lines.stream().filter(l -> l.agreementReference().equals(care.reference())).toList();
    assertThat(ours).extracting(Claim.Line::itemId).containsExactlyInAnyOrderElementsOf(confirmed);
    BigDecimal price = care.services().getFirst().unitPrice();
    BigDecimal share =
        care.services()
            .getFirst()
            .monthlyCopayment()
            .divide(care.services().getFirst().monthlyCost(), 8, RoundingMode.HALF_UP);
    for (Claim.Line l : ours) {
      assertThat(l.amount()).isEqualByComparingTo(price);
      assertThat(l.copayment())
          .isEqualByComparingTo(price.multiply(share).setScale(2, RoundingMode.HALF_UP));
    }
    assertThat(ours.getFirst().copayment()).isPositive();
    assertThat(lines)
        .filteredOn(l -> l.agreementReference().equals(voucher.code()))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.kind()).isEqualTo(Claim.Line.Kind.VOUCHER);
              assertThat(l.amount()).isEqualByComparingTo(mealPrice.multiply(new BigDecimal("3")));
              assertThat(l.copayment()).isZero();
            });
    assertThat(claim.gross())
        .isEqualByComparingTo(
            lines.stream().map(Claim.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    // Built again, the month has nothing more to claim.
    assertThat(asOfficer(() -> claims.build(north, month, care.providerId()))).isEmpty();

    // The officer rejects a line with its reason, then approves; an advance is offset first.
    Claim.Line rejected = ours.get(1);
    assertThatThrownBy(
            () ->
                asOfficer(
                    () -> claims.rejectLine(claim.id(), claim.version(), rejected.itemId(), " ")))
        .hasMessageContaining("DLV-0202");
    Claim afterReject =
        asOfficer(
            () ->
                claims.rejectLine(
                    claim.id(), claim.version(), rejected.itemId(), "Twice the same hour."));
    assertThat(afterReject.rejected()).isEqualByComparingTo(rejected.net());
    // An advance dated in the future is refused; one paid is offset.
    assertThatThrownBy(
            () ->
                asOfficer(
                    () -> {
                      claims.recordAdvance(
                          north,
                          new Claims.NewAdvance(
                              care.providerId(),
                              "C-2026-17",
                              LocalDate.now(clock).plusDays(1),
                              BigDecimal.ONE));
                      return null;
                    }))
        .hasMessageContaining("DLV-0205");
    asOfficer(
        () -> {
          claims.recordAdvance(
              north,
              new Claims.NewAdvance(care.providerId(), "C-2026-17", today, new BigDecimal("1.00")));
          return null;
        });
    Claim approved = asOfficer(() -> claims.approve(claim.id(), afterReject.version()));
    assertThat(approved.status()).isEqualTo(Claim.Status.APPROVED);
    // Approving again (a retry) is refused and offsets nothing twice.
    assertThatThrownBy(() -> asOfficer(() -> claims.approve(claim.id(), approved.version())))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("DLV-0207");
    assertThat(approved.advanceOffset()).isEqualByComparingTo("1.00");
    assertThat(approved.payable())
        .isEqualByComparingTo(
            approved
                .gross()
                .subtract(approved.copayment())
                .subtract(approved.rejected())
                .subtract(new BigDecimal("1.00")));

    // Paid from the region's account to the provider's, through a pain.001 file.
    assertThatThrownBy(
            () ->
                asOfficer(
                    () ->
                        payments.setRegionAccount(
                            north,
                            BankAccount.typed(
                                "Northern Region", "NV73NOVB0001000200030099", "NOVBNVN1"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("DLV-0302");
    asOfficer(
        () ->
            payments.setRegionAccount(
                north,
                BankAccount.typed(
                    "Northern Region Treasury", "NV73 NOVB 0001 0002 0003 0004", "novbnvn1")));
    fixtures.as(
        "provider.staff",
        () ->
            payments.setPayeeAccount(
                care.providerId(),
                BankAccount.typed(HARBOUR, "NV54NOVB0009000800070006", "NOVBNVN1XXX")));
    LocalDate payDay = LocalDate.now(clock);
    PaymentRun run = asOfficer(() -> payments.createRun(north, payDay));
    PaymentRun.Order order =
        run.orders().stream().filter(o -> o.claimId().equals(claim.id())).findFirst().orElseThrow();
    assertThat(order.amount()).isEqualByComparingTo(approved.payable());
    assertThat(order.endToEndId()).isEqualTo(claim.reference());
    // A second run finds nothing left to pay: the claim is ordered once.
    assertThatThrownBy(() -> asOfficer(() -> payments.createRun(north, payDay)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("DLV-0304");

    byte[] xml = asOfficer(() -> payments.pain001(run.id()));
    var schema =
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
            .newSchema(getClass().getResource("/pain.001.001.09.xsd"));
    schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    String text = new String(xml, StandardCharsets.UTF_8);
    assertThat(text)
        .contains("<EndToEndId>" + claim.reference() + "</EndToEndId>")
        .contains("<InstdAmt Ccy=\"EUR\">" + order.amount().toPlainString() + "</InstdAmt>")
        .contains("<IBAN>NV54NOVB0009000800070006</IBAN>");
    assertThat(asOfficer(() -> payments.csv(run.id()))).contains(claim.reference(), "ORDERED");

    // The bank's report: a wrong amount changes nothing; the right one marks the claim paid.
    String header = Payments.BOOKED_HEADER + "\n";
    ImportReport wrong =
        asOfficer(
            () ->
                payments.reconcile(
                    run.id(), header + claim.reference() + ",0.01," + payDay + "\n"));
    assertThat(wrong.accepted()).isFalse();
    assertThat(wrong.findings().getFirst().finding().code()).isEqualTo("DLV-0312");
    assertThat(asOfficer(() -> claims.get(claim.id())).status()).isEqualTo(Claim.Status.APPROVED);
    StringBuilder report = new StringBuilder(header);
    run.orders()
        .forEach(
            o ->
                report
                    .append(o.endToEndId())
                    .append(',')
                    .append(o.amount().toPlainString())
                    .append(',')
                    .append(payDay)
                    .append('\n'));
    ImportReport booked = asOfficer(() -> payments.reconcile(run.id(), report.toString()));
    assertThat(booked.accepted()).isTrue();
    assertThat(asOfficer(() -> claims.get(claim.id())).status()).isEqualTo(Claim.Status.PAID);
    // The same report uploaded again changes nothing more.
    ImportReport again = asOfficer(() -> payments.reconcile(run.id(), report.toString()));
    assertThat(again.accepted()).isTrue();
    assertThat(again.imported()).isZero();
    assertThat(asOfficer(() -> claims.get(claim.id())).advanceOffset())
        .isEqualByComparingTo("1.00");
    // The provider sees its claim paid; another provider does not see it.
    assertThat(fixtures.as("provider.staff", () -> claims.ofProvider(care.providerId())))
        .extracting(Claim::id)
        .contains(claim.id());
    assertThatThrownBy(() -> fixtures.as("staff.southcentre", () -> claims.get(claim.id())))
        .isInstanceOf(org.socius.platform.errors.NotFoundException.class);
    clock.reset();
    agreedCases.close(agreed);
  }
}
