package org.socius.cases;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.socius.audit.AuditLog;
import org.socius.cases.internal.CaseRecords;
import org.socius.cases.internal.PlanRecords;
import org.socius.catalogue.Catalogue;
import org.socius.catalogue.ServiceType;
import org.socius.catalogue.Standard;
import org.socius.people.People;
import org.socius.people.Person;
import org.socius.platform.Ids;
import org.socius.platform.api.PageResponse;
import org.socius.platform.api.Paging;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.security.CurrentScope;
import org.socius.providers.Places;
import org.socius.providers.PublicRegister;
import org.socius.territory.Territories;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Individual plans written with the client. A version is begun (the first, or the next one with the
 * reason for the change, starting from the plan in force), services of the catalogue are added to
 * it with their volume against the standard's norm, and for each the client chooses among the
 * registered providers able to serve them, which takes a place there. The client or their
 * representative agrees to the version; it is then the plan in force and never changes.
 *
 * <p>Places: a version begun from the plan in force carries its places on. A place taken only by
 * the draft is given back as soon as the draft lets it go; one the plan in force still holds is
 * given back when the new version is agreed without it.
 */
@Service
public class Plans {

  private final Cases cases;
  private final CaseRecords caseRecords;
  private final PlanRecords records;
  private final Catalogue catalogue;
  private final PublicRegister register;
  private final Places places;
  private final People people;
  private final Territories territories;
  private final AuditLog audit;
  private final Clock clock;

  Plans(
      Cases cases,
      CaseRecords caseRecords,
      PlanRecords records,
      Catalogue catalogue,
      PublicRegister register,
      Places places,
      People people,
      Territories territories,
      AuditLog audit,
      Clock clock) {
    this.cases = cases;
    this.caseRecords = caseRecords;
    this.records = records;
    this.catalogue = catalogue;
    this.register = register;
    this.places = places;
    this.people = people;
    this.territories = territories;
    this.audit = audit;
    this.clock = clock;
  }

  /** Every version of a case's plan, the latest first. */
  @Transactional(readOnly = true)
  public List<Plan> versions(UUID caseId) {
    Roles.requireCaseTeam();
    cases.visible(caseId);
    return records.plans(caseId);
  }

  /** The draft being written, if any. */
  @Transactional(readOnly = true)
  public Optional<Plan> draft(UUID caseId) {
    return versions(caseId).stream().filter(Plan::draft).findFirst();
  }

  /** What a new version is for: its goals and, after the first, why the plan changes. */
  public record NewVersion(String goals, String reason) {}

  @Transactional
  public Plan begin(UUID caseId, NewVersion v) {
    Roles.requireCaseHandler();
    Case c = lockedOpen(caseId);
    List<Plan> versions = records.plans(caseId);
    if (versions.stream().anyMatch(Plan::draft)) {
      throw new ConflictException("CAS-0801");
    }
    Optional<Plan> inForce = inForce(versions);
    List<Finding> findings = new ArrayList<>();
    Cases.checkText(findings, "goals", v.goals(), "CAS-0802");
    if (inForce.isPresent()) {
      Cases.checkText(findings, "reason", v.reason(), "CAS-0803");
    } else if (v.reason() != null && v.reason().length() > Cases.MAX_TEXT) {
      findings.add(Finding.of("reason", "CAS-0110", Cases.MAX_TEXT));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    Plan plan =
        new Plan(
            Ids.newId(),
            c.id(),
            versions.isEmpty() ? 1 : versions.getFirst().versionNumber() + 1,
            Plan.Status.DRAFT,
            v.goals().trim(),
            Cases.text(v.reason()),
            c.language(),
            originOf(c),
            now,
            CurrentScope.actorName(),
            null,
            null,
            null,
            null,
            0,
            List.of());
    records.insert(c, plan);
    // The new version starts as the plan in force, places and all.
    for (Plan.Service s : inForce.map(Plan::services).orElse(List.of())) {
      records.insertService(c, plan.id(), copy(s));
    }
    caseRecords.recordEvent(
        c, CurrentScope.actorName(), now, "PLAN_BEGUN", String.valueOf(plan.versionNumber()));
    audit.recordChange(
        Cases.entity(c), "begin-plan", null, Map.of("version", plan.versionNumber()));
    return draftOf(caseId);
  }

  /** A service as the worker writes it into the plan; the reason only when above the norm. */
  public record NewService(
      UUID serviceTypeId,
      BigDecimal units,
      String frequency,
      LocalDate startsOn,
      LocalDate endsOn,
      String aboveNormReason) {}

  @Transactional
  public Plan addService(UUID caseId, int expectedVersion, NewService s) {
    Roles.requireCaseHandler();
    Case c = lockedOpen(caseId);
    Plan draft = draftOf(caseId);
    List<Finding> findings = new ArrayList<>();
    ServiceType type = null;
    if (s.serviceTypeId() == null) {
      findings.add(Finding.of("serviceTypeId", "CAS-0805"));
    } else {
      type = catalogue.serviceType(s.serviceTypeId()).filter(ServiceType::active).orElse(null);
      if (type == null) {
        findings.add(Finding.of("serviceTypeId", "CAS-0806"));
      } else if (draft.services().stream()
          .anyMatch(x -> x.serviceTypeId().equals(s.serviceTypeId()))) {
        findings.add(Finding.of("serviceTypeId", "CAS-0812", type.name()));
      }
    }
    if (s.units() == null
        || s.units().signum() <= 0
        || s.units().stripTrailingZeros().scale() > 2
        || s.units().precision() - s.units().scale() > 8) {
      findings.add(Finding.of("units", "CAS-0808"));
    }
    if (s.startsOn() == null) {
      findings.add(Finding.of("startsOn", "CAS-0809"));
    } else if (s.endsOn() == null || s.endsOn().isBefore(s.startsOn())) {
      findings.add(Finding.of("endsOn", "CAS-0810"));
    }
    if (s.frequency() != null && s.frequency().length() > 200) {
      findings.add(Finding.of("frequency", "CAS-0106", 200));
    }
    Standard standard = null;
    if (type != null && s.startsOn() != null) {
      standard = catalogue.standardOn(type.id(), s.startsOn()).orElse(null);
      if (standard == null) {
        findings.add(Finding.of("serviceTypeId", "CAS-0807", type.name(), s.startsOn()));
      } else if (s.aboveNormReason() != null && s.aboveNormReason().length() > Cases.MAX_TEXT) {
        findings.add(Finding.of("aboveNormReason", "CAS-0110", Cases.MAX_TEXT));
      } else if (findings.isEmpty()
          && s.units().compareTo(standard.maxUnits()) > 0
          && Cases.blank(s.aboveNormReason())) {
        findings.add(
            Finding.of(
                "aboveNormReason",
                "CAS-0811",
                standard.maxUnits().stripTrailingZeros().toPlainString(),
                named("catalogue.unit." + standard.unit()),
                named("catalogue.period." + standard.normPeriod())));
      }
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    touch(draft, expectedVersion);
    boolean above = s.units().compareTo(standard.maxUnits()) > 0;
    Plan.Service service =
        new Plan.Service(
            Ids.newId(),
            draft.services().stream().mapToInt(Plan.Service::position).max().orElse(0) + 1,
            type.id(),
            type.name(),
            standard.id(),
            standard.unit(),
            s.units(),
            standard.normPeriod(),
            standard.maxUnits(),
            Cases.text(s.frequency()),
            s.startsOn(),
            s.endsOn(),
            above ? s.aboveNormReason().trim() : "",
            null);
    records.insertService(c, draft.id(), service);
    caseRecords.recordEvent(
        c, CurrentScope.actorName(), OffsetDateTime.now(clock), "PLAN_SERVICE_ADDED", type.name());
    return draftOf(caseId);
  }

  @Transactional
  public Plan removeService(UUID caseId, int expectedVersion, UUID serviceId) {
    Roles.requireCaseHandler();
    Case c = lockedOpen(caseId);
    List<Plan> versions = records.plans(caseId);
    Plan draft = draftIn(versions);
    Plan.Service service = serviceOf(draft, serviceId);
    touch(draft, expectedVersion);
    records.deleteService(draft.id(), serviceId);
    letGo(service, versions);
    caseRecords.recordEvent(
        c,
        CurrentScope.actorName(),
        OffsetDateTime.now(clock),
        "PLAN_SERVICE_REMOVED",
        service.serviceName());
    return draftOf(caseId);
  }

  /**
   * The providers a client may choose from for a service of a plan (the draft, or the plan in force
   * when the client changes a provider), and where distances run from.
   */
  public record Options(
      Plan plan,
      Plan.Service service,
      String originName,
      PageResponse<PublicRegister.Entry> providers) {}

  /**
   * The registered providers of a service of the draft in the client's region, nearest to the
   * client first, each with its free places as they are now.
   */
  @Transactional(readOnly = true)
  public Options options(UUID caseId, UUID serviceId, int page, int size) {
    Roles.requireCaseHandler();
    Paging.check(page, size);
    Case c = cases.visible(caseId);
    Plan draft = draftOf(caseId);
    return optionsIn(c, draft, serviceOf(draft, serviceId), page, size);
  }

  /** The registered providers of one service of a plan, nearest to the plan's origin first. */
  Options optionsIn(Case c, Plan plan, Plan.Service service, int page, int size) {
    Paging.check(page, size);
    Plan.Origin origin = plan.origin();
    PageResponse<PublicRegister.Entry> found =
        register.search(
            service.serviceTypeId(),
            c.regionId(),
            null,
            null,
            origin == null
                ? null
                : new PublicRegister.Near(origin.latitude(), origin.longitude(), null),
            page,
            size);
    Map<UUID, Integer> free =
        places.freePlaces(
            found.items().stream().map(PublicRegister.Entry::registeredServiceId).toList());
    List<PublicRegister.Entry> items =
        found.items().stream()
            .map(e -> e.withFreePlaces(free.getOrDefault(e.registeredServiceId(), e.freePlaces())))
            .toList();
    return new Options(
        plan,
        service,
        origin == null ? null : origin.name(),
        PageResponse.of(items, page, size, found.totalItems()));
  }

  /**
   * Records the client's choice of provider for a service of the draft and takes a place there. Of
   * two workers taking the last place at once, one gets it; the other is told (409) and nothing of
   * theirs changes.
   */
  @Transactional
  public Plan choose(UUID caseId, int expectedVersion, UUID serviceId, UUID registeredServiceId) {
    Roles.requireCaseHandler();
    if (registeredServiceId == null) {
      throw InvalidInputException.of("registeredServiceId", "CAS-0901");
    }
    Case c = lockedOpen(caseId);
    List<Plan> versions = records.plans(caseId);
    Plan draft = draftIn(versions);
    Plan.Service service = serviceOf(draft, serviceId);
    if (service.choice() != null
        && service.choice().registeredServiceId().equals(registeredServiceId)) {
      return draft;
    }
    // Checked before a place is taken: a full provider of another service is the wrong
    // provider, not a full one.
    boolean serves =
        places
            .service(registeredServiceId)
            .filter(e -> e.serviceTypeId().equals(service.serviceTypeId()))
            .filter(e -> e.regionId().equals(c.regionId()))
            .isPresent();
    if (!serves) {
      throw InvalidInputException.of("registeredServiceId", "CAS-0902", service.serviceName());
    }
    touch(draft, expectedVersion);
    OffsetDateTime now = OffsetDateTime.now(clock);
    Plan.Choice choice =
        heldAlready(versions, draft, service, registeredServiceId)
            .map(
                held ->
                    new Plan.Choice(
                        held.registeredServiceId(),
                        held.providerId(),
                        held.providerName(),
                        held.servicePointName(),
                        held.servicePointAddress(),
                        held.reservationId(),
                        now,
                        CurrentScope.actorName()))
            .orElseGet(
                () -> {
                  Places.Place place =
                      places.take(
                          registeredServiceId, service.id(), c.regionId(), c.municipalityId());
                  PublicRegister.Entry entry = place.service();
                  return new Plan.Choice(
                      entry.registeredServiceId(),
                      entry.providerId(),
                      entry.providerName(),
                      entry.servicePointName(),
                      entry.address(),
                      place.reservationId(),
                      now,
                      CurrentScope.actorName());
                });
    letGo(service, versions);
    records.choose(service.id(), choice);
    caseRecords.recordEvent(
        c,
        CurrentScope.actorName(),
        now,
        "PROVIDER_CHOSEN",
        service.serviceName() + " → " + choice.providerName());
    audit.recordChange(
        Cases.entity(c),
        "choose-provider",
        service.choice() == null ? null : Map.of("provider", service.choice().providerName()),
        Map.of("service", service.serviceName(), "provider", choice.providerName()));
    return draftOf(caseId);
  }

  /** Who agrees to the draft: the client or their representative, by name. */
  public record Agreement(Plan.AgreedAs agreedAs, String agreedBy) {}

  /**
   * The client's (or representative's) agreement to the draft, which becomes the plan in force.
   * Every service needs its provider chosen. Places the previous plan held and this one does not
   * stay held until this plan's agreements replace the previous plan's ({@link Agreements#drawUp}).
   */
  @Transactional
  public Plan agree(UUID caseId, int expectedVersion, Agreement a) {
    Roles.requireCaseHandler();
    Case c = lockedOpen(caseId);
    List<Plan> versions = records.plans(caseId);
    Plan draft = draftIn(versions);
    List<Finding> findings = new ArrayList<>();
    if (a.agreedAs() == null) {
      findings.add(Finding.of("agreedAs", "CAS-0816"));
    }
    if (Cases.blank(a.agreedBy()) || a.agreedBy().length() > 200) {
      findings.add(Finding.of("agreedBy", "CAS-0815"));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    if (draft.services().isEmpty()) {
      throw new ConflictException("CAS-0813");
    }
    for (Plan.Service s : draft.services()) {
      if (s.choice() == null) {
        throw new ConflictException("CAS-0814", s.serviceName());
      }
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (!records.agree(
        draft.id(),
        expectedVersion,
        now,
        a.agreedBy().trim(),
        a.agreedAs(),
        CurrentScope.actorName())) {
      throw ConflictException.staleVersion(expectedVersion, draft.version());
    }
    records.supersedeBefore(caseId, draft.versionNumber());
    caseRecords.recordEvent(
        c,
        CurrentScope.actorName(),
        now,
        "PLAN_AGREED",
        draft.versionNumber() + " · " + a.agreedBy().trim());
    audit.recordChange(
        Cases.entity(c),
        "agree-plan",
        null,
        Map.of("version", draft.versionNumber(), "agreedBy", a.agreedBy().trim()));
    return records.plans(caseId).stream()
        .filter(p -> p.id().equals(draft.id()))
        .findFirst()
        .orElseThrow();
  }

  /** The plan in force: the latest agreed version, if any. */
  public static Optional<Plan> inForce(List<Plan> versions) {
    return versions.stream().filter(p -> p.status() == Plan.Status.AGREED).findFirst();
  }

  /** The places agreed versions hold: their agreements may still be in force. */
  private static Set<UUID> agreedPlaces(List<Plan> versions) {
    return Commitments.reservations(versions.stream().filter(p -> !p.draft()).toList());
  }

  /**
   * Gives back the place a draft's service held, unless an agreed version holds it too (it is then
   * given back when the agreements of a version without it are drawn up).
   */
  private void letGo(Plan.Service service, List<Plan> versions) {
    if (service.choice() == null || service.choice().reservationId() == null) {
      return;
    }
    UUID held = service.choice().reservationId();
    if (!agreedPlaces(versions).contains(held)) {
      places.giveBack(held);
    }
  }

  /**
   * The place an agreed version holds at the chosen provider for a service of this type and that no
   * other service of the draft holds: choosing that provider again takes no second place.
   */
  private static Optional<Plan.Choice> heldAlready(
      List<Plan> versions, Plan draft, Plan.Service service, UUID registeredServiceId) {
    Set<UUID> inDraft = Commitments.reservations(List.of(draft));
    return versions.stream()
        .filter(p -> !p.draft())
        .flatMap(p -> p.services().stream())
        .filter(s -> s.serviceTypeId().equals(service.serviceTypeId()))
        .map(Plan.Service::choice)
        .filter(ch -> ch != null && ch.reservationId() != null)
        .filter(ch -> ch.registeredServiceId().equals(registeredServiceId))
        .filter(ch -> !inDraft.contains(ch.reservationId()))
        .findFirst();
  }

  private Plan.Service copy(Plan.Service s) {
    return new Plan.Service(
        Ids.newId(),
        s.position(),
        s.serviceTypeId(),
        s.serviceName(),
        s.standardId(),
        s.unit(),
        s.units(),
        s.period(),
        s.normUnits(),
        s.frequency(),
        s.startsOn(),
        s.endsOn(),
        s.aboveNormReason(),
        s.choice());
  }

  /**
   * Where the client lives, as the register of territories can place it: their actual address, else
   * their registered one, else their municipality.
   */
  private Plan.Origin originOf(Case c) {
    Person person = people.get(c.personId());
    for (String text :
        List.of(
            person.actualAddress() == null ? "" : person.actualAddress(),
            person.registeredAddress() == null ? "" : person.registeredAddress(),
            territories.find(c.municipalityId()).map(u -> u.name()).orElse(""))) {
      Optional<Territories.Place> place = territories.locate(text);
      if (place.isPresent()) {
        return new Plan.Origin(place.get().name(), place.get().latitude(), place.get().longitude());
      }
    }
    return null;
  }

  /** A word the message shows in the reader's language. */
  private static MessageSourceResolvable named(String key) {
    return new DefaultMessageSourceResolvable(new String[] {key}, key);
  }

  private Case lockedOpen(UUID caseId) {
    caseRecords.lock(caseId);
    Case c = cases.visible(caseId);
    if (!c.open()) {
      throw new ConflictException("CAS-0401", c.reference());
    }
    return c;
  }

  private Plan draftOf(UUID caseId) {
    return draftIn(records.plans(caseId));
  }

  private static Plan draftIn(List<Plan> versions) {
    return versions.stream()
        .filter(Plan::draft)
        .findFirst()
        .orElseThrow(() -> new ConflictException("CAS-0804"));
  }

  static Plan.Service serviceOf(Plan plan, UUID serviceId) {
    return plan.service(serviceId)
        .orElseThrow(() -> new NotFoundException("planned service", serviceId));
  }

  private void touch(Plan draft, int expectedVersion) {
    if (!records.touch(draft.id(), expectedVersion)) {
      throw ConflictException.staleVersion(expectedVersion, draft.version());
    }
  }
}
