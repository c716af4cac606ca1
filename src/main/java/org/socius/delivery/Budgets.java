package org.socius.delivery;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socius.audit.AuditLog;
import org.socius.audit.AuditedEntity;
import org.socius.cases.Agreement;
import org.socius.cases.Agreements;
import org.socius.catalogue.Catalogue;
import org.socius.catalogue.ServiceType;
import org.socius.delivery.internal.BudgetRecords;
import org.socius.platform.Ids;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.RequiredRoles;
import org.socius.platform.security.Role;
import org.socius.programmes.Programme;
import org.socius.programmes.Programmes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budgets and the cost of programmes. The regional officer sets a programme's budget for a year in
 * the region and the services it pays for. A line's figures are computed when read: paid (claims
 * paid that year for those services, net of the clients' contributions), committed (the public
 * share of the agreements in force, for each month of the year from this one to the end of their
 * term), the administrative cost recorded against it, the clients served, the cost per client and
 * the share of administration. A line spent and committed beyond its warning share is flagged
 * before it runs out, and beyond its amount as exceeded.
 */
@Service
public class Budgets {

  private static final int MAX_TEXT = 500;

  private final BudgetRecords records;
  private final Agreements agreements;
  private final Programmes programmes;
  private final Catalogue catalogue;
  private final AuditLog audit;
  private final Clock clock;

  Budgets(
      BudgetRecords records,
      Agreements agreements,
      Programmes programmes,
      Catalogue catalogue,
      AuditLog audit,
      Clock clock) {
    this.records = records;
    this.agreements = agreements;
    this.programmes = programmes;
    this.catalogue = catalogue;
    this.audit = audit;
    this.clock = clock;
  }

  /** A budget line as the officer sets it; services by their catalogue codes. */
  public record NewLine(
      UUID programmeId,
      Integer year,
      BigDecimal amount,
      List<String> services,
      BigDecimal warnShare) {}

  @Transactional
  public BudgetLine define(UUID regionId, NewLine n) {
    RequiredRoles.anyOf(Role.REGIONAL_OFFICER);
    if (regionId == null || !CurrentScope.get().allows(regionId, null)) {
      throw new NotFoundException("region", regionId);
    }
    List<Finding> findings = new ArrayList<>();
    Optional<Programme> programme =
        programmes.all().stream().filter(p -> p.id().equals(n.programmeId())).findFirst();
    if (programme.isEmpty()) {
      findings.add(Finding.of("programmeId", "DLV-0501"));
    }
    if (n.year() == null || n.year() < 2000 || n.year() > 2100) {
      findings.add(Finding.of("year", "DLV-0502"));
    }
    if (n.amount() == null || n.amount().signum() <= 0 || n.amount().scale() > 2) {
      findings.add(Finding.of("amount", "DLV-0503"));
    }
    BigDecimal warn = n.warnShare() == null ? new BigDecimal("0.90") : n.warnShare();
    if (warn.signum() <= 0 || warn.compareTo(BigDecimal.ONE) > 0 || warn.scale() > 2) {
      findings.add(Finding.of("warnShare", "DLV-0504"));
    }
    List<UUID> types = new ArrayList<>();
    for (String code : n.services() == null ? List.<String>of() : n.services()) {
      catalogue
          .serviceTypeByCode(code == null ? "" : code.trim())
          .map(ServiceType::id)
          .ifPresentOrElse(
              types::add, () -> findings.add(Finding.of("services", "DLV-0415", code)));
    }
    if (types.isEmpty() && findings.stream().noneMatch(f -> "services".equals(f.field()))) {
      findings.add(Finding.of("services", "DLV-0416"));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    if (records.exists(regionId, n.year(), n.programmeId())) {
      throw new ConflictException("DLV-0505", programme.get().name(), n.year());
    }
    BudgetRecords.Line line =
        new BudgetRecords.Line(
            Ids.newId(),
            regionId,
            n.year(),
            n.programmeId(),
            programme.get().name(),
            types,
            n.amount(),
            warn);
    records.insert(line, OffsetDateTime.now(clock), CurrentScope.actorName());
    audit.recordChange(
        AuditedEntity.of("budget-line", line.id(), regionId, null),
        "define",
        null,
        Map.of("programme", line.programmeName(), "year", line.year(), "amount", line.amount()));
    return figures(List.of(line)).getFirst();
  }

  /** The region's budget lines of a year with where each stands today. */
  @Transactional(readOnly = true)
  public List<BudgetLine> lines(UUID regionId, int year) {
    RequiredRoles.anyOf(Role.REGIONAL_OFFICER, Role.MINISTRY_ANALYST);
    return figures(records.lines(regionId, year));
  }

  /** A budget line a claim draws on: what the claim takes from it, and where it would stand. */
  public record Draw(BudgetLine line, BigDecimal claimed, BudgetLine.Standing standingAfter) {}

  /**
   * The budget lines of this year that a claim not yet paid would be paid from (the lines paying
   * for its services), with the net of its lines not rejected: the officer sees before approving
   * whether paying it, with the other claims approved and not yet paid, takes a line past its
   * warning share or its amount.
   */
  @Transactional(readOnly = true)
  public List<Draw> drawnOnBy(Claim claim, List<Claim.Line> lines) {
    RequiredRoles.anyOf(Role.REGIONAL_OFFICER, Role.MINISTRY_ANALYST);
    if (claim.paidOn() != null) {
      return List.of();
    }
    int year = Year.now(clock).getValue();
    List<BudgetRecords.Line> kept = records.lines(claim.regionId(), year);
    List<BudgetLine> figured = figures(kept);
    List<Draw> draws = new ArrayList<>();
    for (int i = 0; i < figured.size(); i++) {
      BudgetLine line = figured.get(i);
      BigDecimal claimed =
          lines.stream()
              .filter(l -> !l.rejected() && line.serviceTypeIds().contains(l.serviceTypeId()))
              .map(Claim.Line::net)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      if (claimed.signum() > 0) {
        // Other claims approved and waiting for payment will be paid from the line too.
        BigDecimal approved = records.approvedUnpaid(kept.get(i), claim.id());
        draws.add(new Draw(line, claimed, line.standingWith(claimed.add(approved))));
      }
    }
    return draws;
  }

  /** Records an administrative cost of the programme against its budget line. */
  @Transactional
  public BudgetLine recordAdministrativeCost(
      UUID lineId, LocalDate incurredOn, BigDecimal amount, String description) {
    RequiredRoles.anyOf(Role.REGIONAL_OFFICER);
    BudgetRecords.Line line =
        records.line(lineId).orElseThrow(() -> new NotFoundException("budget line", lineId));
    List<Finding> findings = new ArrayList<>();
    if (incurredOn == null || incurredOn.getYear() != line.year()) {
      findings.add(Finding.of("incurredOn", "DLV-0506", line.year()));
    }
    if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
      findings.add(Finding.of("amount", "DLV-0503"));
    }
    String text = description == null ? "" : description.trim();
    if (text.isEmpty() || text.length() > MAX_TEXT) {
      findings.add(Finding.of("description", "DLV-0507", MAX_TEXT));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    UUID id = Ids.newId();
    records.insertAdministrativeCost(
        id, line, incurredOn, amount, text, OffsetDateTime.now(clock), CurrentScope.actorName());
    audit.recordChange(
        AuditedEntity.of("budget-line", line.id(), line.regionId(), null),
        "record-administrative-cost",
        null,
        Map.of("amount", amount, "description", text));
    return figures(List.of(line)).getFirst();
  }

  private List<BudgetLine> figures(List<BudgetRecords.Line> lines) {
    if (lines.isEmpty()) {
      return List.of();
    }
    Map<UUID, BigDecimal> admin =
        records.administrativeCosts(lines.stream().map(BudgetRecords.Line::id).toList());
    List<Agreement> inForce = agreements.inForce(lines.getFirst().regionId());
    YearMonth now = YearMonth.now(clock);
    List<BudgetLine> figured = new ArrayList<>();
    for (BudgetRecords.Line l : lines) {
      BudgetRecords.Paid paid = records.paid(l);
      figured.add(
          new BudgetLine(
              l.id(),
              l.regionId(),
              l.year(),
              l.programmeId(),
              l.programmeName(),
              l.serviceTypeIds(),
              l.amount(),
              l.warnShare(),
              paid.net(),
              committed(l, inForce, now),
              admin.getOrDefault(l.id(), BigDecimal.ZERO),
              paid.clients()));
    }
    return figured;
  }

  /**
   * The public share of the agreements in force for the line's services, for each month of the
   * line's year from this month on that their term reaches: what is yet to be paid.
   */
  private static BigDecimal committed(
      BudgetRecords.Line l, List<Agreement> inForce, YearMonth now) {
    BigDecimal total = BigDecimal.ZERO;
    for (Agreement a : inForce) {
      for (Agreement.Line s : a.services()) {
        if (!l.serviceTypeIds().contains(s.serviceTypeId())) {
          continue;
        }
        YearMonth from = max(now, max(YearMonth.of(l.year(), 1), YearMonth.from(s.startsOn())));
        YearMonth to = min(YearMonth.of(l.year(), 12), YearMonth.from(s.endsOn()));
        long months =
            from.isAfter(to) ? 0 : from.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1;
        total =
            total.add(
                s.monthlyCost()
                    .subtract(s.monthlyCopayment())
                    .multiply(BigDecimal.valueOf(months)));
      }
    }
    return total;
  }

  private static YearMonth max(YearMonth a, YearMonth b) {
    return a.isAfter(b) ? a : b;
  }

  private static YearMonth min(YearMonth a, YearMonth b) {
    return a.isBefore(b) ? a : b;
  }
}
