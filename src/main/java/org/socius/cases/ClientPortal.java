package org.socius.cases;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socius.audit.AuditLog;
import org.socius.audit.AuditedEntity;
import org.socius.cases.internal.AgreementRecords;
import org.socius.cases.internal.CaseRecords;
import org.socius.cases.internal.ClientRecords;
import org.socius.cases.internal.PlanRecords;
import org.socius.people.People;
import org.socius.people.Person;
import org.socius.platform.Ids;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.security.Actor;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.RequiredRoles;
import org.socius.platform.security.Role;
import org.socius.providers.Places;
import org.socius.providers.PublicRegister;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The client's own view of their cases, for the client or their representative signed in with a
 * beneficiary's account a worker gave access: where each case stands, the plan in force with its
 * providers, the agreements and what the client pays, and the conversation with the worker. The
 * client changes a provider here: that makes a new version of the plan which the client agrees to,
 * ends the agreement with the provider left, draws one up with the provider chosen, tells both
 * providers and writes to the worker. Reads go through row-level security, which shows a client
 * only the cases they have access to.
 */
@Service
public class ClientPortal {

  /** A case as its client sees it. */
  public record ClientCase(
      Case details,
      CaseAccess access,
      Optional<Plan> plan,
      boolean newVersionBeingWritten,
      List<Agreement> agreements,
      List<ClientMessage> messages) {

    /** The agreement in force (or waiting for its provider) that covers a service of the plan. */
    public Optional<Agreement> agreementFor(Plan.Service service) {
      return agreements.stream()
          .filter(
              a ->
                  a.status() == Agreement.Status.PROPOSED
                      || a.status() == Agreement.Status.ACCEPTED)
          .filter(a -> a.services().stream().anyMatch(l -> l.planServiceId().equals(service.id())))
          .findFirst();
    }

    /** What the client pays a month for a service of the plan, under its agreement. */
    public Optional<java.math.BigDecimal> copaymentFor(Plan.Service service) {
      return agreementFor(service)
          .flatMap(
              a ->
                  a.services().stream()
                      .filter(l -> l.planServiceId().equals(service.id()))
                      .findFirst())
          .map(Agreement.Line::monthlyCopayment);
    }
  }

  private final Cases cases;
  private final Plans plans;
  private final Agreements agreements;
  private final PlanRecords planRecords;
  private final AgreementRecords agreementRecords;
  private final ClientRecords records;
  private final Places places;
  private final People people;
  private final CaseRecords caseRecords;
  private final AuditLog audit;
  private final MessageSource messages;
  private final TransactionTemplate onBehalf;
  private final Clock clock;

  ClientPortal(
      Cases cases,
      Plans plans,
      Agreements agreements,
      PlanRecords planRecords,
      AgreementRecords agreementRecords,
      ClientRecords records,
      Places places,
      People people,
      CaseRecords caseRecords,
      AuditLog audit,
      MessageSource messages,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.cases = cases;
    this.plans = plans;
    this.agreements = agreements;
    this.planRecords = planRecords;
    this.agreementRecords = agreementRecords;
    this.records = records;
    this.places = places;
    this.people = people;
    this.caseRecords = caseRecords;
    this.audit = audit;
    this.messages = messages;
    this.onBehalf = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** The cases the signed-in beneficiary has access to, the latest given first. */
  @Transactional(readOnly = true)
  public List<Case> myCases() {
    Actor me = beneficiary();
    return records.accessOf(me.userId()).stream().map(a -> cases.visible(a.caseId())).toList();
  }

  /** One of the beneficiary's cases as they see it; any other case answers 404. */
  @Transactional
  public ClientCase view(UUID caseId) {
    CaseAccess access = accessTo(caseId);
    Case c = cases.visible(caseId);
    List<Plan> versions = planRecords.plans(caseId);
    audit.recordRead(Cases.entity(c));
    return new ClientCase(
        c,
        access,
        Plans.inForce(versions),
        versions.stream().anyMatch(Plan::draft),
        agreementRecords.ofCase(caseId),
        records.messages(caseId));
  }

  /** One of the case's agreements, for the client to keep or sign; its read is audited. */
  @Transactional
  public Agreement agreement(UUID caseId, UUID agreementId) {
    accessTo(caseId);
    Agreement a =
        agreementRecords
            .find(agreementId)
            .filter(x -> x.caseId().equals(caseId))
            .orElseThrow(() -> new NotFoundException("agreement", agreementId));
    audit.recordRead(AuditedEntity.of("agreement", a.id(), a.regionId(), a.municipalityId()));
    return a;
  }

  /** One of the signed-in beneficiary's cases; any other case answers 404. */
  @Transactional(readOnly = true)
  public Case myCase(UUID caseId) {
    accessTo(caseId);
    return cases.visible(caseId);
  }

  /** The signed-in beneficiary's access to one of their cases; any other case answers 404. */
  @Transactional(readOnly = true)
  public CaseAccess myAccess(UUID caseId) {
    return accessTo(caseId);
  }

  /** A version of the client's plan and whom it names, for the client to keep as a PDF. */
  public record PlanToKeep(Case details, Person client, Plan plan) {}

  /**
   * A version of the plan of one of the beneficiary's cases, with the client as the register of
   * people names them; any other plan answers 404. The register is read with the case workers'
   * reach in a transaction of its own (a beneficiary's account has none there, and may be of
   * another municipality than the client's), after the access is checked inside it.
   */
  public PlanToKeep plan(UUID caseId, UUID planId) {
    Actor me = beneficiary();
    return Roles.onClientsBehalf(
        () ->
            onBehalf.execute(
                status -> {
                  records
                      .accessOf(me.userId(), caseId)
                      .orElseThrow(() -> new NotFoundException("case", caseId));
                  Case c = cases.visible(caseId);
                  Plan plan =
                      planRecords.plans(caseId).stream()
                          .filter(p -> p.id().equals(planId))
                          .findFirst()
                          .orElseThrow(() -> new NotFoundException("plan", planId));
                  return new PlanToKeep(c, people.get(c.personId()), plan);
                }));
  }

  /** The providers the client may change to for a service of the plan in force. */
  @Transactional(readOnly = true)
  public Plans.Options options(UUID caseId, UUID serviceId, int page, int size) {
    accessTo(caseId);
    Case c = cases.visible(caseId);
    Plan plan =
        Plans.inForce(planRecords.plans(caseId))
            .orElseThrow(() -> new ConflictException("CAS-1001"));
    return plans.optionsIn(c, plan, Plans.serviceOf(plan, serviceId), page, size);
  }

  /**
   * The client changes the provider of a service of the plan in force (identified with its id, so
   * that a plan changed meanwhile is not changed blindly). Refused while the worker writes a new
   * version, and when the provider chosen has no free place; then nothing changes. The same change
   * sent again (a double click, a retried request) finds it made and changes nothing more.
   */
  public void changeProvider(UUID caseId, UUID planId, UUID serviceId, UUID registeredServiceId) {
    Actor me = beneficiary();
    if (registeredServiceId == null) {
      throw InvalidInputException.of("registeredServiceId", "CAS-0901");
    }
    Roles.onClientsBehalf(
        () ->
            onBehalf.execute(
                status -> {
                  change(me, caseId, planId, serviceId, registeredServiceId);
                  return null;
                }));
  }

  private void change(
      Actor me, UUID caseId, UUID planId, UUID serviceId, UUID registeredServiceId) {
    // Checked again inside the change: access ended since the page was shown is not honoured.
    CaseAccess access =
        records
            .accessOf(me.userId(), caseId)
            .orElseThrow(() -> new NotFoundException("case", caseId));
    // Locked before the plans are read, so that what is checked below is what is changed.
    caseRecords.lock(caseId);
    Case c = cases.visible(caseId);
    List<Plan> versions = planRecords.plans(caseId);
    Plan shown =
        versions.stream()
            .filter(p -> p.id().equals(planId))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("plan", planId));
    Plan.Service before = Plans.serviceOf(shown, serviceId);
    Plan inForce = Plans.inForce(versions).orElseThrow(() -> new ConflictException("CAS-1001"));
    boolean made =
        inForce.services().stream()
            .anyMatch(
                s ->
                    s.position() == before.position()
                        && s.choice() != null
                        && s.choice().registeredServiceId().equals(registeredServiceId));
    if (made) {
      return;
    }
    if (versions.stream().anyMatch(Plan::draft)) {
      throw new ConflictException("CAS-1105");
    }
    if (!inForce.id().equals(planId)) {
      throw new ConflictException("CAS-1106");
    }
    PublicRegister.Entry chosen =
        places
            .service(registeredServiceId)
            .orElseThrow(
                () ->
                    InvalidInputException.of(
                        "registeredServiceId", "CAS-0902", before.serviceName()));
    Locale language = Locale.forLanguageTag(c.language());
    String left = before.choice() == null ? "—" : before.choice().providerName();
    String reason =
        messages.getMessage(
            "portal.changeReason",
            new Object[] {before.serviceName(), left, chosen.providerName()},
            language);
    Plan draft = plans.begin(caseId, new Plans.NewVersion(inForce.goals(), reason));
    Plan.Service copy =
        draft.services().stream()
            .filter(s -> s.position() == before.position())
            .findFirst()
            .orElseThrow();
    Plan withChoice = plans.choose(caseId, draft.version(), copy.id(), registeredServiceId);
    plans.agree(
        caseId,
        withChoice.version(),
        new Plans.Agreement(access.capacity().agreedAs(), access.displayName()));
    Agreements.Redraw redraw = agreements.redraw(caseId, Agreement.EndReason.CLIENT_CHOSE_ANOTHER);
    // The provider left and the provider chosen are told; a provider whose agreement was drawn up
    // again for its other services finds the new one on its page.
    UUID leftProvider = before.choice() == null ? null : before.choice().providerId();
    for (Agreement a : redraw.ended()) {
      if (a.providerId().equals(leftProvider)) {
        agreements.notifyProvider(c, a, ProviderNotice.Kind.CLIENT_LEFT, before.serviceName());
      }
    }
    for (Agreement a : redraw.drawn()) {
      if (a.providerId().equals(chosen.providerId())) {
        agreements.notifyProvider(c, a, ProviderNotice.Kind.CLIENT_CHOSE, before.serviceName());
      }
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    records.insertMessage(
        c,
        new ClientMessage(
            Ids.newId(),
            caseId,
            true,
            me.username(),
            access.displayName(),
            messages.getMessage(
                "portal.changeMessage",
                new Object[] {before.serviceName(), left, chosen.providerName()},
                language),
            now,
            null));
    audit.recordChange(
        Cases.entity(c),
        "client-changes-provider",
        Map.of("service", before.serviceName(), "provider", left),
        Map.of("service", before.serviceName(), "provider", chosen.providerName()));
  }

  /** The client writes to the workers of their case; the workers' replies count as read. */
  @Transactional
  public ClientMessage send(UUID caseId, String body) {
    CaseAccess access = accessTo(caseId);
    Case c = cases.visible(caseId);
    ClientAccess.checkMessage(body);
    OffsetDateTime now = OffsetDateTime.now(clock);
    ClientMessage m =
        new ClientMessage(
            Ids.newId(),
            caseId,
            true,
            CurrentScope.actorName(),
            access.displayName(),
            body.trim(),
            now,
            null);
    records.insertMessage(c, m);
    records.markRead(caseId, false, now);
    return m;
  }

  private CaseAccess accessTo(UUID caseId) {
    Actor me = beneficiary();
    return records
        .accessOf(me.userId(), caseId)
        .orElseThrow(() -> new NotFoundException("case", caseId));
  }

  private static Actor beneficiary() {
    RequiredRoles.anyOf(Role.BENEFICIARY);
    return CurrentScope.actor().orElseThrow();
  }
}
