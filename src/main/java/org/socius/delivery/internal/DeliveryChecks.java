package org.socius.delivery.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.socius.cases.Agreement;
import org.socius.catalogue.Classification.NormPeriod;
import org.socius.catalogue.Classification.Unit;
import org.socius.delivery.NewDelivery;
import org.socius.platform.api.ImportReport.LineFinding;
import org.socius.platform.errors.Finding;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The rules a delivery must meet before it is taken: an agreement of the provider that is in force
 * on the day and covers the service, a day neither in the future nor outside the service's term nor
 * after the case closed, a volume within the plan's for its period unless a reason is given, and no
 * visit of one staff member overlapping another. Every problem of every record is found at once;
 * records are numbered from 1 in the order sent.
 */
public final class DeliveryChecks {

  static final int MAX_TEXT = 200;
  static final int MAX_REASON = 500;

  /** A visit already recorded for a staff member of the provider. */
  public record Visit(String staff, LocalDate day, LocalTime start, LocalTime end) {}

  /** A delivery found right, with what it is checked against. */
  public record Accepted(
      int index, NewDelivery sent, Agreement agreement, Agreement.Line line, BigDecimal units) {}

  public record Outcome(List<Accepted> accepted, List<LineFinding> findings) {}

  /**
   * What the checks read from the database: the provider's agreements named, the services' codes,
   * the volume already recorded per planned service and day, and the visits already recorded.
   */
  public record Known(
      UUID providerId,
      Map<String, Agreement> agreements,
      Map<String, UUID> serviceTypes,
      Map<UUID, NavigableMap<LocalDate, BigDecimal>> recordedVolume,
      List<Visit> visits) {}

  private DeliveryChecks() {}

  public static Outcome check(List<NewDelivery> sent, Known known, LocalDate today) {
    List<Accepted> accepted = new ArrayList<>();
    List<LineFinding> findings = new ArrayList<>();
    Map<UUID, NavigableMap<LocalDate, BigDecimal>> volume = new HashMap<>();
    known.recordedVolume().forEach((k, v) -> volume.put(k, new TreeMap<>(v)));
    Map<String, List<Visit>> visits = new HashMap<>();
    for (Visit v : known.visits()) {
      visits.computeIfAbsent(v.staff(), s -> new ArrayList<>()).add(v);
    }
    for (int i = 0; i < sent.size(); i++) {
      NewDelivery d = sent.get(i);
      List<Finding> problems = new ArrayList<>();
      Optional<Accepted> ok = checkOne(i, d, known, today, volume, visits, problems);
      int line = i + 1;
      problems.forEach(f -> findings.add(new LineFinding(line, f)));
      ok.ifPresent(accepted::add);
    }
    return new Outcome(accepted, findings);
  }

  private static Optional<Accepted> checkOne(
      int index,
      NewDelivery d,
      Known known,
      LocalDate today,
      Map<UUID, NavigableMap<LocalDate, BigDecimal>> volume,
      Map<String, List<Visit>> visits,
      List<Finding> problems) {
    if (d == null) {
      problems.add(Finding.of(null, "DLV-0100"));
      return Optional.empty();
    }
    String staff = text(d.staff());
    String place = text(d.place());
    String reason = text(d.abovePlanReason());
    if (staff.length() > MAX_TEXT) {
      problems.add(Finding.of("staff", "DLV-0112", MAX_TEXT));
    }
    if (place.length() > MAX_TEXT) {
      problems.add(Finding.of("place", "DLV-0112", MAX_TEXT));
    }
    if (reason.length() > MAX_REASON) {
      problems.add(Finding.of("abovePlanReason", "DLV-0112", MAX_REASON));
    }
    if (d.date() == null) {
      problems.add(Finding.of("date", "DLV-0103"));
    } else if (d.date().isAfter(today)) {
      problems.add(Finding.of("date", "DLV-0104", d.date()));
    }
    if ((d.start() == null) != (d.end() == null)) {
      problems.add(Finding.of(d.start() == null ? "start" : "end", "DLV-0109"));
    } else if (d.start() != null && !d.end().isAfter(d.start())) {
      problems.add(Finding.of("end", "DLV-0115", d.start(), d.end()));
    }
    if (d.units() != null
        && (d.units().signum() <= 0
            || d.units().compareTo(new BigDecimal("1000")) > 0
            || d.units().stripTrailingZeros().scale() > 2)) {
      problems.add(Finding.of("units", "DLV-0108", d.units().toPlainString()));
    }

    Agreement agreement = known.agreements().get(text(d.agreement()));
    if (agreement == null || !agreement.providerId().equals(known.providerId())) {
      problems.add(Finding.of("agreement", "DLV-0101", text(d.agreement())));
      return Optional.empty();
    }
    UUID type = known.serviceTypes().get(text(d.service()));
    Agreement.Line line =
        type == null
            ? null
            : agreement.services().stream()
                .filter(l -> l.serviceTypeId().equals(type))
                .findFirst()
                .orElse(null);
    if (line == null) {
      problems.add(Finding.of("service", "DLV-0102", text(d.service()), agreement.reference()));
      return Optional.empty();
    }
    if (agreement.status() == Agreement.Status.PROPOSED
        || agreement.status() == Agreement.Status.DECLINED) {
      problems.add(Finding.of("agreement", "DLV-0106", agreement.reference()));
    }
    if (d.date() != null) {
      if (d.date().isBefore(line.startsOn()) || d.date().isAfter(line.endsOn())) {
        problems.add(Finding.of("date", "DLV-0105", d.date(), line.startsOn(), line.endsOn()));
      } else if (agreement.endedOn() != null && d.date().isAfter(agreement.endedOn())) {
        problems.add(
            Finding.of(
                "date",
                agreement.endReason() == Agreement.EndReason.CASE_CLOSED ? "DLV-0107" : "DLV-0116",
                d.date(),
                agreement.endedOn()));
      }
    }
    if (!problems.isEmpty()) {
      return Optional.empty();
    }

    BigDecimal units = d.units() != null ? d.units() : unitsOf(line.unit(), d.start(), d.end());
    NavigableMap<LocalDate, BigDecimal> byDay =
        volume.computeIfAbsent(line.planServiceId(), k -> new TreeMap<>());
    BigDecimal already = windowSum(byDay, line.period(), d.date());
    if (already.add(units).compareTo(line.units()) > 0 && reason.isEmpty()) {
      problems.add(
          Finding.of(
              "units",
              "DLV-0110",
              units.stripTrailingZeros().toPlainString(),
              line.units().stripTrailingZeros().toPlainString(),
              new DefaultMessageSourceResolvable("catalogue.period." + line.period().name()),
              already.stripTrailingZeros().toPlainString()));
    }
    Visit visit = null;
    if (d.start() != null && !staff.isEmpty()) {
      visit = new Visit(staff, d.date(), d.start(), d.end());
      for (Visit other : visits.getOrDefault(staff, List.of())) {
        if (overlap(visit, other)) {
          problems.add(
              Finding.of("start", "DLV-0111", staff, other.day(), other.start(), other.end()));
          break;
        }
      }
    }
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    // Counted only once taken, so that a refused record does not count against those after it.
    byDay.merge(d.date(), units, BigDecimal::add);
    if (visit != null) {
      visits.computeIfAbsent(staff, s -> new ArrayList<>()).add(visit);
    }
    return Optional.of(new Accepted(index, d, agreement, line, units));
  }

  /** An hourly service counts the visit's hours (to the hundredth); any other, one unit. */
  static BigDecimal unitsOf(Unit unit, LocalTime start, LocalTime end) {
    if (unit == Unit.HOUR && start != null && end != null) {
      long minutes = Duration.between(start, end).toMinutes();
      return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }
    return BigDecimal.ONE;
  }

  /** The first day of the period of the plan's volume that a day falls in. */
  public static LocalDate periodStart(NormPeriod period, LocalDate day) {
    return switch (period) {
      case DAY -> day;
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
      case YEAR -> day.withDayOfYear(1);
    };
  }

  /** The last day of that period. */
  public static LocalDate periodEnd(NormPeriod period, LocalDate day) {
    return switch (period) {
      case DAY -> day;
      case WEEK -> periodStart(period, day).plusDays(6);
      case MONTH -> day.with(TemporalAdjusters.lastDayOfMonth());
      case YEAR -> day.with(TemporalAdjusters.lastDayOfYear());
    };
  }

  private static BigDecimal windowSum(
      NavigableMap<LocalDate, BigDecimal> byDay, NormPeriod period, LocalDate day) {
    return byDay
        .subMap(periodStart(period, day), true, periodEnd(period, day), true)
        .values()
        .stream()
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static boolean overlap(Visit a, Visit b) {
    return a.day().equals(b.day()) && a.start().isBefore(b.end()) && b.start().isBefore(a.end());
  }

  static String text(String s) {
    return s == null ? "" : s.trim();
  }
}
