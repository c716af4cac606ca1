package org.socius.cases;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.socius.audit.AuditLog;
import org.socius.audit.AuditedEntity;
import org.socius.cases.internal.AgreementRecords;
import org.socius.cases.internal.CaseRecords;
import org.socius.cases.internal.PlanRecords;
import org.socius.catalogue.Catalogue;
import org.socius.catalogue.Tariff;
import org.socius.people.People;
import org.socius.people.Person;
import org.socius.platform.Ids;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.RequiredRoles;
import org.socius.platform.security.Role;
import org.socius.providers.Provider;
import org.socius.providers.ProviderProfiles;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agreements between clients and the providers they chose. The worker draws them up from the plan
 * the client agreed to, one per provider: each service at the region's tariff on its first day, the
 * monthly cost, and the client's contribution found by the contribution rules and spread over the
 * plan's services in order. No agreement exists without the client's agreement to the plan. The
 * provider's staff see the agreements their organisation is party to and accept or decline them.
 */
@Service
public class Agreements {

  private final Cases cases;
  private final CaseRecords caseRecords;
  private final PlanRecords plans;
  private final AgreementRecords records;
  private final ContributionRules contributions;
  private final Catalogue catalogue;
  private final People people;
  private final ProviderProfiles providers;
  private final Commitments commitments;
  private final AuditLog audit;
  private final Clock clock;

  Agreements(
      Cases cases,
      CaseRecords caseRecords,
      PlanRecords plans,
      AgreementRecords records,
      ContributionRules contributions,
      Catalogue catalogue,
      People people,
      ProviderProfiles providers,
      Commitments commitments,
      AuditLog audit,
      Clock clock) {
    this.cases = cases;
    this.caseRecords = caseRecords;
    this.plans = plans;
    this.records = records;
    this.contributions = contributions;
    this.catalogue = catalogue;
    this.people = people;
    this.providers = providers;
    this.commitments = commitments;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Draws up an agreement with each provider of the plan in force. Refused without a plan the
   * client agreed to, and when the plan's agreements exist already. An agreement of the earlier
   * plan whose services are the same in the new one is carried over, still in force; the others of
   * the earlier plan end.
   */
  @Transactional
  public List<Agreement> drawUp(UUID caseId) {
    return redraw(caseId, Agreement.EndReason.PLAN_REPLACED).drawn();
  }

  /** What drawing up did: the agreements drawn up and those of the earlier plan that ended. */
  record Redraw(List<Agreement> drawn, List<Agreement> ended) {}

  /** Draws up the plan in force's agreements; those of the earlier plan that end, end for why. */
  Redraw redraw(UUID caseId, Agreement.EndReason why) {
    Roles.requireCaseHandler();
    caseRecords.lock(caseId);
    Case c = cases.visible(caseId);
    if (!c.open()) {
      throw new ConflictException("CAS-0401", c.reference());
    }
    List<Plan> versions = plans.plans(caseId);
    Plan plan = Plans.inForce(versions).orElseThrow(() -> new ConflictException("CAS-1001"));
    if (records.anyOfPlan(plan.id())) {
      throw new ConflictException("CAS-1002", plan.versionNumber());
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    LocalDate today = now.toLocalDate();
    Person client = people.get(c.personId());
    Contribution contribution = contributions.assess(client.id(), c.regionId(), today);
    Map<UUID, List<Agreement.Line>> byProvider = linesByProvider(c, plan, contribution);
    Map<UUID, Plan.Choice> choices = new LinkedHashMap<>();
    plan.services().forEach(s -> choices.putIfAbsent(s.choice().providerId(), s.choice()));
    Map<UUID, Agreement> inForce = new LinkedHashMap<>();
    for (Agreement a : records.ofCase(caseId)) {
      if (a.status() == Agreement.Status.PROPOSED || a.status() == Agreement.Status.ACCEPTED) {
        inForce.putIfAbsent(a.providerId(), a);
      }
    }
    List<Agreement> drawn = new ArrayList<>();
    for (Map.Entry<UUID, List<Agreement.Line>> e : byProvider.entrySet()) {
      List<Agreement.Line> lines = e.getValue();
      Agreement earlier = inForce.get(e.getKey());
      if (earlier != null && sameServices(earlier.services(), lines)) {
        Map<UUID, UUID> newLineByOld = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
          newLineByOld.put(earlier.services().get(i).planServiceId(), lines.get(i).planServiceId());
        }
        records.carryOver(earlier.id(), plan.id(), newLineByOld);
        continue;
      }
      Agreement a =
          new Agreement(
              Ids.newId(),
              records.nextReference(today.getYear()),
              c.id(),
              c.regionId(),
              c.municipalityId(),
              plan.id(),
              e.getKey(),
              choices.get(e.getKey()).providerName(),
              client.familyName() + " " + client.givenNames(),
              client.dateOfBirth(),
              addressOf(client),
              plan.language(),
              lines.stream()
                  .map(Agreement.Line::startsOn)
                  .min(Comparator.naturalOrder())
                  .orElseThrow(),
              lines.stream()
                  .map(Agreement.Line::endsOn)
                  .max(Comparator.naturalOrder())
                  .orElseThrow(),
              catalogue.currency(),
              sum(lines.stream().map(Agreement.Line::monthlyCost).toList()),
              sum(lines.stream().map(Agreement.Line::monthlyCopayment).toList()),
              contribution,
              Agreement.Status.PROPOSED,
              now,
              CurrentScope.actorName(),
              null,
              null,
              null,
              null,
              null,
              0,
              List.copyOf(lines));
      records.insert(c, a);
      caseRecords.recordEvent(
          c,
          CurrentScope.actorName(),
          now,
          "AGREEMENT_DRAWN",
          a.reference() + " · " + a.providerName());
      audit.recordChange(
          entity(a),
          "draw-up",
          null,
          Map.of("reference", a.reference(), "provider", a.providerName()));
      drawn.add(a);
    }
    List<UUID> endedIds = records.endOthers(caseId, plan.id(), today, why);
    List<Agreement> ended =
        inForce.values().stream().filter(a -> endedIds.contains(a.id())).toList();
    for (Agreement a : ended) {
      audit.recordChange(
          entity(a), "end", Map.of("status", a.status()), Map.of("endReason", why.name()));
    }
    commitments.giveBackDropped(versions, plan);
    return new Redraw(List.copyOf(drawn), ended);
  }

  /**
   * The plan's services grouped by the chosen provider, each priced at the region's tariff on its
   * first day, with its share of the client's contribution spread over the plan in order.
   */
  private Map<UUID, List<Agreement.Line>> linesByProvider(
      Case c, Plan plan, Contribution contribution) {
    List<Plan.Service> services =
        plan.services().stream().sorted(Comparator.comparingInt(Plan.Service::position)).toList();
    List<Tariff> tariffs = new ArrayList<>();
    List<BigDecimal> costs = new ArrayList<>();
    for (Plan.Service s : services) {
      Tariff tariff =
          catalogue
              .tariffOn(s.serviceTypeId(), c.regionId(), s.startsOn())
              // The plan is as it should be; the region's tariffs lack a price: a conflict of
              // state.
              .orElseThrow(() -> new ConflictException("CAS-1004", s.serviceName(), s.startsOn()));
      tariffs.add(tariff);
      costs.add(Contribution.monthlyCost(s.units(), s.period(), tariff.price()));
    }
    List<BigDecimal> shares = contribution.spread(costs);
    Map<UUID, List<Agreement.Line>> byProvider = new LinkedHashMap<>();
    for (int i = 0; i < services.size(); i++) {
      Plan.Service s = services.get(i);
      byProvider
          .computeIfAbsent(s.choice().providerId(), k -> new ArrayList<>())
          .add(
              new Agreement.Line(
                  s.id(),
                  s.position(),
                  s.serviceTypeId(),
                  s.serviceName(),
                  s.unit(),
                  s.units(),
                  s.period(),
                  s.frequency(),
                  s.choice().servicePointName(),
                  s.startsOn(),
                  s.endsOn(),
                  tariffs.get(i).id(),
                  tariffs.get(i).price(),
                  costs.get(i),
                  shares.get(i)));
    }
    return byProvider;
  }

  /** Whether a provider's services, as the parties agreed to them, are unchanged line by line. */
  private static boolean sameServices(List<Agreement.Line> before, List<Agreement.Line> after) {
    if (before.size() != after.size()) {
      return false;
    }
    for (int i = 0; i < before.size(); i++) {
      Agreement.Line b = before.get(i);
      Agreement.Line a = after.get(i);
      boolean same =
          b.serviceTypeId().equals(a.serviceTypeId())
              && b.units().compareTo(a.units()) == 0
              && b.period() == a.period()
              && b.frequency().equals(a.frequency())
              && b.servicePointName().equals(a.servicePointName())
              && b.startsOn().equals(a.startsOn())
              && b.endsOn().equals(a.endsOn())
              && b.unitPrice().compareTo(a.unitPrice()) == 0
              && b.monthlyCost().compareTo(a.monthlyCost()) == 0
              && b.monthlyCopayment().compareTo(a.monthlyCopayment()) == 0;
      if (!same) {
        return false;
      }
    }
    return true;
  }

  /** A case's agreements, the latest first. */
  @Transactional(readOnly = true)
  public List<Agreement> ofCase(UUID caseId) {
    Roles.requireCaseTeam();
    cases.visible(caseId);
    return records.ofCase(caseId);
  }

  /** The providers the acting user works for. */
  @Transactional(readOnly = true)
  public List<Provider> myProviders() {
    RequiredRoles.anyOf(Role.PROVIDER_STAFF);
    return providers.mine();
  }

  /** The agreements a provider the acting user works for is party to, those to answer first. */
  @Transactional(readOnly = true)
  public List<Agreement> ofProvider(UUID providerId) {
    requireStaffOf(providerId);
    return records.ofProvider(providerId).stream().map(Agreement::withoutContribution).toList();
  }

  /** How long a provider's notices stay on its page. */
  private static final int NOTICE_DAYS = 30;

  /** What a provider the acting user works for was told about its clients in the last month. */
  @Transactional(readOnly = true)
  public List<ProviderNotice> notices(UUID providerId) {
    requireStaffOf(providerId);
    return records.notices(providerId, OffsetDateTime.now(clock).minusDays(NOTICE_DAYS));
  }

  /** The provider's staff have read its notices. */
  @Transactional
  public int markNoticesSeen(UUID providerId) {
    requireStaffOf(providerId);
    return records.markNoticesSeen(providerId, OffsetDateTime.now(clock), CurrentScope.actorName());
  }

  /** Tells a provider that a client chose it or left it, on the agreement concerned. */
  void notifyProvider(Case c, Agreement a, ProviderNotice.Kind kind, String serviceName) {
    records.insertNotice(
        c,
        new ProviderNotice(
            Ids.newId(),
            a.providerId(),
            c.id(),
            a.id(),
            kind,
            serviceName,
            a.clientName(),
            OffsetDateTime.now(clock),
            null));
  }

  /** An agreement its case's workers or its provider's staff may read; others answer 404. */
  @Transactional
  public Agreement get(UUID id) {
    Agreement found = records.find(id).orElseThrow(() -> new NotFoundException("agreement", id));
    // A provider's staff read the contribution, not how the household's means gave it.
    Agreement a = Roles.actorOnCaseTeam() ? found : found.withoutContribution();
    audit.recordRead(entity(a));
    return a;
  }

  /**
   * The agreements with these references that the acting user may read, for checking what a
   * provider records as delivered against them, without how their contributions were found ({@link
   * Agreement#contribution()} is null). Not recorded as reads of the clients' files: the provider's
   * own records name them, many at a time, and nobody is shown them here.
   */
  @Transactional(readOnly = true)
  public List<Agreement> byReferences(Collection<String> references) {
    return records.byReferences(references);
  }

  /**
   * The agreements in force in a region (accepted, not ended), without how their contributions were
   * found: what budgets count as committed.
   */
  @Transactional(readOnly = true)
  public List<Agreement> inForce(UUID regionId) {
    return records.acceptedIn(regionId);
  }

  /** The provider's acceptance: the services are to be given from the agreement's first day. */
  @Transactional
  public Agreement accept(UUID id, int expectedVersion) {
    return answer(id, expectedVersion, Agreement.Status.ACCEPTED, null);
  }

  /** The provider declines, saying why: the client then chooses another provider. */
  @Transactional
  public Agreement decline(UUID id, int expectedVersion, String reason) {
    if (Cases.blank(reason) || reason.length() > Cases.MAX_TEXT) {
      throw InvalidInputException.of("reason", "CAS-1006");
    }
    return answer(id, expectedVersion, Agreement.Status.DECLINED, reason.trim());
  }

  private Agreement answer(UUID id, int expectedVersion, Agreement.Status status, String reason) {
    Agreement a = records.find(id).orElseThrow(() -> new NotFoundException("agreement", id));
    requireStaffOf(a.providerId());
    if (a.status() != Agreement.Status.PROPOSED) {
      throw new ConflictException("CAS-1005", a.reference(), a.status());
    }
    if (!records.answer(
        id, expectedVersion, status, OffsetDateTime.now(clock), CurrentScope.actorName(), reason)) {
      throw ConflictException.staleVersion(expectedVersion, a.version());
    }
    audit.recordChange(
        entity(a),
        status == Agreement.Status.ACCEPTED ? "accept" : "decline",
        Map.of("status", a.status()),
        Map.of("status", status));
    return records.find(id).orElseThrow();
  }

  /** Only the provider's own staff act for it; anyone else is told it does not exist. */
  private void requireStaffOf(UUID providerId) {
    RequiredRoles.anyOf(Role.PROVIDER_STAFF);
    providers.ownProvider(providerId);
  }

  private static String addressOf(Person p) {
    return p.actualAddress() != null && !p.actualAddress().isBlank()
        ? p.actualAddress()
        : p.registeredAddress() == null ? "" : p.registeredAddress();
  }

  private static BigDecimal sum(List<BigDecimal> amounts) {
    return amounts.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }

  private static AuditedEntity entity(Agreement a) {
    return AuditedEntity.of("agreement", a.id(), a.regionId(), a.municipalityId());
  }
}
