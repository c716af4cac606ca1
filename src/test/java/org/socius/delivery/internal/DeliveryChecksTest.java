package org.socius.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socius.cases.Agreement;
import org.socius.catalogue.Classification.NormPeriod;
import org.socius.catalogue.Classification.Unit;
import org.socius.delivery.NewDelivery;
import org.socius.platform.api.ImportReport.LineFinding;

/**
 * The rules a delivery must meet, without a database: what the checks are given is all they see.
 */
class DeliveryChecksTest {

  private static final UUID PROVIDER = UUID.randomUUID();
  private static final UUID HOME_CARE = UUID.randomUUID();
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 20); // a Friday

  private static Agreement agreement(
      String reference,
      UUID provider,
      Agreement.Status status,
      LocalDate endedOn,
      Agreement.EndReason endReason,
      String units,
      NormPeriod period) {
    UUID id = UUID.randomUUID();
    Agreement.Line line =
        new Agreement.Line(
            UUID.randomUUID(),
            1,
            HOME_CARE,
            "Home care",
            Unit.HOUR,
            new BigDecimal(units),
            period,
            "",
            "Centre",
            TODAY.minusMonths(3),
            TODAY.plusMonths(3),
            UUID.randomUUID(),
            new BigDecimal("9.80"),
            new BigDecimal("600.00"),
            new BigDecimal("60.00"));
    return new Agreement(
        id,
        reference,
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        provider,
        "Provider",
        "Client",
        null,
        "Address",
        "en",
        TODAY.minusMonths(3),
        TODAY.plusMonths(3),
        "EUR",
        new BigDecimal("600.00"),
        new BigDecimal("60.00"),
        null,
        status,
        null,
        "",
        null,
        null,
        null,
        endedOn,
        endReason,
        0,
        List.of(line));
  }

  private static Agreement accepted(String reference, String units, NormPeriod period) {
    return agreement(reference, PROVIDER, Agreement.Status.ACCEPTED, null, null, units, period);
  }

  private static NewDelivery visit(String agreement, LocalDate day, String start, String end) {
    return new NewDelivery(
        agreement,
        "HOME-CARE",
        day,
        LocalTime.parse(start),
        LocalTime.parse(end),
        null,
        "Anna",
        "",
        "");
  }

  private static DeliveryChecks.Known known(
      List<Agreement> agreements, Map<UUID, NavigableMap<LocalDate, BigDecimal>> volume) {
    Map<String, Agreement> byReference = new TreeMap<>();
    agreements.forEach(a -> byReference.put(a.reference(), a));
    return new DeliveryChecks.Known(
        PROVIDER, byReference, Map.of("HOME-CARE", HOME_CARE), volume, List.of());
  }

  private static List<String> codes(DeliveryChecks.Outcome o) {
    return o.findings().stream().map(LineFinding::finding).map(f -> f.code()).toList();
  }

  @Test
  void aWeeklyVolumeCountsFromMondayToSundayWithWhatWasRecordedBefore() {
    Agreement weekly = accepted("A-1", "3", NormPeriod.WEEK);
    UUID line = weekly.services().getFirst().planServiceId();
    NavigableMap<LocalDate, BigDecimal> recorded = new TreeMap<>();
    recorded.put(TODAY.minusDays(4), new BigDecimal("2")); // Monday of the same week
    recorded.put(TODAY.minusDays(5), new BigDecimal("5")); // the Sunday before: another week
    DeliveryChecks.Outcome outcome =
        DeliveryChecks.check(
            List.of(
                visit("A-1", TODAY.minusDays(1), "09:00", "10:00"),
                visit("A-1", TODAY, "09:00", "10:00")),
            known(List.of(weekly), Map.of(line, recorded)),
            TODAY);
    // 2 already + 1 fits the week's 3; one more does not.
    assertThat(outcome.accepted()).hasSize(1);
    assertThat(outcome.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.line()).isEqualTo(2);
              assertThat(f.finding().code()).isEqualTo("DLV-0110");
            });
  }

  @Test
  void aVisitCountsItsHoursAndTwoOverlappingVisitsInOneSetAreCaught() {
    DeliveryChecks.Outcome outcome =
        DeliveryChecks.check(
            List.of(
                visit("A-1", TODAY, "09:00", "10:30"),
                visit("A-1", TODAY, "10:15", "11:00"),
                visit("A-1", TODAY.minusDays(1), "10:15", "11:00")),
            known(List.of(accepted("A-1", "8", NormPeriod.DAY)), Map.of()),
            TODAY);
    assertThat(outcome.accepted())
        .extracting(DeliveryChecks.Accepted::units)
        .containsExactly(new BigDecimal("1.50"), new BigDecimal("0.75"));
    assertThat(codes(outcome)).containsExactly("DLV-0111");
  }

  @Test
  void agreementsNotInForceOrOfAnotherProviderAreRefusedWithTheirReason() {
    Agreement proposed =
        agreement("A-2", PROVIDER, Agreement.Status.PROPOSED, null, null, "8", NormPeriod.DAY);
    Agreement replaced =
        agreement(
            "A-3",
            PROVIDER,
            Agreement.Status.ENDED,
            TODAY.minusDays(10),
            Agreement.EndReason.PLAN_REPLACED,
            "8",
            NormPeriod.DAY);
    Agreement theirs =
        agreement(
            "A-4", UUID.randomUUID(), Agreement.Status.ACCEPTED, null, null, "8", NormPeriod.DAY);
    DeliveryChecks.Outcome outcome =
        DeliveryChecks.check(
            List.of(
                visit("A-2", TODAY, "09:00", "10:00"),
                visit("A-3", TODAY.minusDays(2), "09:00", "10:00"),
                visit("A-3", TODAY.minusDays(12), "09:00", "10:00"),
                visit("A-4", TODAY, "12:00", "13:00"),
                new NewDelivery("A-3", "HOME-CARE", TODAY, LocalTime.NOON, null, null, "", "", "")),
            known(List.of(proposed, replaced, theirs), Map.of()),
            TODAY);
    assertThat(codes(outcome))
        .containsExactly("DLV-0106", "DLV-0116", "DLV-0101", "DLV-0109", "DLV-0116");
    assertThat(outcome.accepted()).extracting(DeliveryChecks.Accepted::index).containsExactly(2);
  }

  @Test
  void periodsRunFromTheirFirstDayToTheirLast() {
    assertThat(DeliveryChecks.periodStart(NormPeriod.WEEK, TODAY)).isEqualTo("2026-11-16");
    assertThat(DeliveryChecks.periodEnd(NormPeriod.WEEK, TODAY)).isEqualTo("2026-11-22");
    assertThat(DeliveryChecks.periodEnd(NormPeriod.MONTH, LocalDate.of(2028, 2, 3)))
        .isEqualTo("2028-02-29");
    assertThat(DeliveryChecks.periodStart(NormPeriod.YEAR, TODAY)).isEqualTo("2026-01-01");
  }
}
