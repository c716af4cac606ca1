package org.socius.benefits;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.socius.audit.AuditLog;
import org.socius.audit.AuditedEntity;
import org.socius.benefits.Application.Channel;
import org.socius.benefits.Application.Status;
import org.socius.benefits.Workflow.StepKind;
import org.socius.benefits.internal.ApplicationRecords;
import org.socius.benefits.internal.DecisionRecords;
import org.socius.people.People;
import org.socius.people.Person;
import org.socius.platform.Ids;
import org.socius.platform.Languages;
import org.socius.platform.api.PageResponse;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.RequiredRoles;
import org.socius.programmes.CompiledRules;
import org.socius.programmes.Programme;
import org.socius.programmes.Programmes;
import org.socius.territory.Territories;
import org.socius.territory.WorkingDays;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applications for programmes, from intake to decision. An application follows its programme's
 * workflow as it was when submitted: each step has a deadline in working days of the region's
 * calendar (an urgent one, hours from submission) and a role that acts. The public notice step
 * publishes the provisional decision without names and cannot end before its period has passed and
 * every objection has an answer; the approval applies the rules in force and decides.
 */
@Service
public class Applications {

  static final int MAX_TEXT = 2000;

  private final ApplicationRecords records;
  private final DecisionRecords decisionRecords;
  private final Decisions decisions;
  private final Workflows workflows;
  private final People people;
  private final Programmes programmes;
  private final Territories territories;
  private final WorkingDays workingDays;
  private final AuditLog audit;
  private final Clock clock;
  private final TransactionTemplate publicWrite;

  Applications(
      ApplicationRecords records,
      DecisionRecords decisionRecords,
      Decisions decisions,
      Workflows workflows,
      People people,
      Programmes programmes,
      Territories territories,
      WorkingDays workingDays,
      AuditLog audit,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.records = records;
    this.decisionRecords = decisionRecords;
    this.decisions = decisions;
    this.workflows = workflows;
    this.people = people;
    this.programmes = programmes;
    this.territories = territories;
    this.workingDays = workingDays;
    this.audit = audit;
    this.clock = clock;
    // An objection comes from anyone: it is written in a transaction begun in the system's scope.
    this.publicWrite = new TransactionTemplate(transactions);
    publicWrite.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** An application as taken in. */
  public record NewApplication(
      UUID programmeId,
      UUID applicantId,
      Channel channel,
      String representative,
      Boolean urgent,
      String language) {

    /** Not urgent unless said so. */
    public boolean isUrgent() {
      return Boolean.TRUE.equals(urgent);
    }
  }

  @Transactional
  public Application submit(NewApplication n) {
    Roles.requireCaseHandler();
    List<Finding> findings = new ArrayList<>();
    if (n.programmeId() == null) {
      findings.add(Finding.of("programmeId", "BEN-0201"));
    }
    if (n.applicantId() == null) {
      findings.add(Finding.of("applicantId", "BEN-0202"));
    }
    if (n.channel() == null) {
      findings.add(Finding.of("channel", "BEN-0203"));
    } else if (n.channel() == Channel.REPRESENTATIVE
        && (n.representative() == null || n.representative().isBlank())) {
      findings.add(Finding.of("representative", "BEN-0204"));
    }
    String language = n.language() == null || n.language().isBlank() ? "en" : n.language().trim();
    if (!Languages.supported(language)) {
      findings.add(Finding.of("language", "BEN-0205", String.join(", ", Languages.CODES)));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    Person applicant = people.get(n.applicantId());
    UUID householdId =
        people
            .householdOf(applicant.id())
            .orElseThrow(() -> InvalidInputException.of("applicantId", "BEN-0206"));
    Programme programme = programmes.get(n.programmeId());
    if (programme.kind() == Programme.Kind.CONTRIBUTION) {
      // Contribution rules are read by agreements with providers, never applied for.
      throw InvalidInputException.of("programmeId", "BEN-0223", programme.name());
    }
    LocalDate today = LocalDate.now(clock);
    if (Programmes.versionOn(programme, today).isEmpty()) {
      throw new ConflictException("BEN-0301", today);
    }
    Workflow workflow = workflows.of(programme.id());
    if (n.isUrgent() && workflow.urgentHours() == null) {
      throw InvalidInputException.of("urgent", "BEN-0207");
    }
    if (decisionRecords.entitlementOn(householdId, programme.id(), today).isPresent()) {
      throw new ConflictException("BEN-0208");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<Workflow.Step> path = workflow.stepsFor(n.isUrgent());
    List<Application.Step> steps = new ArrayList<>();
    for (int i = 0; i < path.size(); i++) {
      Workflow.Step s = path.get(i);
      // On the urgent path every step shares one deadline, hours from submission; otherwise a
      // step's deadline is set when it starts.
      OffsetDateTime due =
          n.isUrgent()
              ? now.plusHours(workflow.urgentHours())
              : i == 0 ? stepDue(applicant.regionId(), today, s) : null;
      steps.add(
          new Application.Step(
              i + 1,
              s.kind(),
              s.role(),
              s.workingDays(),
              i == 0 ? now : null,
              due,
              null,
              null,
              ""));
    }
    Application application =
        new Application(
            Ids.newId(),
            records.nextReference(today.getYear()),
            programme.id(),
            householdId,
            applicant.id(),
            applicant.regionId(),
            applicant.municipalityId(),
            n.channel(),
            n.representative() == null ? "" : n.representative().trim(),
            n.isUrgent(),
            language,
            Status.IN_PROGRESS,
            1,
            now,
            CurrentScope.actorName(),
            null,
            0,
            steps,
            List.of(),
            List.of(),
            Optional.empty());
    try {
      records.insert(application);
    } catch (DuplicateKeyException e) {
      throw new ConflictException("BEN-0209");
    }
    audit.recordChange(
        entity(application),
        "submit",
        null,
        Map.of(
            "programme", programme.code(),
            "household", householdId,
            "channel", n.channel(),
            "urgent", n.isUrgent()));
    if (steps.getFirst().kind() == StepKind.PUBLIC_NOTICE) {
      publishNotice(get(application.id()), steps.getFirst().workingDays(), today);
    }
    return get(application.id());
  }

  /**
   * Completes the current step, by someone with its role, and starts the next; the approval
   * decides. A stale version (someone moved the application first) answers 409.
   */
  @Transactional
  public Application completeStep(UUID id, int expectedVersion, String note) {
    // Two officers approving at once: the second waits, then finds the version moved on.
    records.lock(id);
    Application a = get(id);
    if (a.status() != Status.IN_PROGRESS) {
      throw new ConflictException("BEN-0210", a.status());
    }
    if (a.version() != expectedVersion) {
      throw ConflictException.staleVersion(expectedVersion, a.version());
    }
    Application.Step step = a.current().orElseThrow();
    // The step is taken by its role.
    RequiredRoles.anyOf(step.role());
    String text = note == null ? "" : note.trim();
    if (text.length() > MAX_TEXT) {
      throw InvalidInputException.of("note", "BEN-0215", MAX_TEXT);
    }
    LocalDate today = LocalDate.now(clock);
    if (step.kind() == StepKind.PUBLIC_NOTICE) {
      Application.Notice notice = a.notice().orElseThrow();
      if (!today.isAfter(notice.endsOn())) {
        throw new ConflictException("BEN-0212", notice.endsOn());
      }
      if (a.objections().stream().anyMatch(o -> o.answeredAt() == null)) {
        throw new ConflictException("BEN-0213");
      }
    }
    Status status = Status.IN_PROGRESS;
    UUID decisionId = null;
    if (step.kind() == StepKind.APPROVAL) {
      Decision decision = decisions.decide(a.programmeId(), a.householdId(), a.id());
      decisionId = decision.id();
      status = decision.outcome() == Decision.Outcome.GRANTED ? Status.GRANTED : Status.REFUSED;
    }
    Optional<Application.Step> next =
        status == Status.IN_PROGRESS
            ? a.steps().stream().filter(s -> s.position() == step.position() + 1).findFirst()
            : Optional.empty();
    OffsetDateTime nextDue = next.map(s -> stepDue(a.regionId(), today, s)).orElse(null);
    if (!records.advance(
        a.id(),
        expectedVersion,
        step.position(),
        text,
        CurrentScope.actorName(),
        OffsetDateTime.now(clock),
        next.map(Application.Step::position).orElse(null),
        nextDue,
        next.isPresent() ? Status.IN_PROGRESS : status,
        decisionId)) {
      throw ConflictException.staleVersion(expectedVersion, "newer");
    }
    audit.recordChange(
        entity(a),
        "complete-" + step.kind().name().toLowerCase(),
        Map.of("step", step.position()),
        Map.of("status", status, "note", text));
    if (next.isPresent() && next.get().kind() == StepKind.PUBLIC_NOTICE) {
      publishNotice(a, next.get().workingDays(), today);
    }
    return get(a.id());
  }

  /** Adds a piece of evidence to an application still being decided. */
  @Transactional
  public Application addEvidence(
      UUID id, Application.EvidenceKind kind, String description, LocalDate receivedOn) {
    Roles.requireCaseHandler();
    Application a = get(id);
    if (a.status() != Status.IN_PROGRESS) {
      throw new ConflictException("BEN-0210", a.status());
    }
    List<Finding> findings = new ArrayList<>();
    if (kind == null) {
      findings.add(Finding.of("kind", "BEN-0220"));
    }
    if (description == null || description.isBlank() || description.length() > MAX_TEXT) {
      findings.add(Finding.of("description", "BEN-0221", MAX_TEXT));
    }
    if (receivedOn == null
        || receivedOn.isAfter(LocalDate.now(clock))
        || receivedOn.isBefore(a.submittedAt().toLocalDate().minusYears(1))) {
      findings.add(Finding.of("receivedOn", "BEN-0222"));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    Application.Evidence evidence =
        new Application.Evidence(
            Ids.newId(), kind, description.trim(), receivedOn, CurrentScope.actorName());
    records.insertEvidence(a, evidence);
    audit.recordChange(entity(a), "evidence", null, evidence);
    return get(id);
  }

  @Transactional
  public Application withdraw(UUID id, int expectedVersion) {
    Roles.requireCaseHandler();
    Application a = get(id);
    if (a.status() != Status.IN_PROGRESS) {
      throw new ConflictException("BEN-0210", a.status());
    }
    if (!records.withdraw(id, expectedVersion)) {
      throw ConflictException.staleVersion(expectedVersion, "newer");
    }
    records.closeNotice(id, LocalDate.now(clock).minusDays(1));
    audit.recordChange(entity(a), "withdraw", Map.of("status", a.status()), Map.of());
    return get(id);
  }

  /**
   * An objection to a public notice, from anyone, by the notice's reference; accepted only while
   * the notice is open. The objector is not recorded: notices invite those who know the household,
   * who may fear to be named.
   */
  public void object(String reference, String text) {
    if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
      throw InvalidInputException.of("text", "BEN-0215", MAX_TEXT);
    }
    CurrentScope.asSystem(
        () ->
            publicWrite.executeWithoutResult(
                status -> {
                  UUID applicationId =
                      records
                          .applicationOfNotice(reference == null ? "" : reference.trim())
                          .orElseThrow(() -> new NotFoundException("notice", reference));
                  Application a = records.find(applicationId).orElseThrow();
                  Application.Notice notice = a.notice().orElseThrow();
                  if (LocalDate.now(clock).isAfter(notice.endsOn())) {
                    throw new ConflictException("BEN-0216", notice.endsOn());
                  }
                  UUID objection = Ids.newId();
                  records.insertObjection(
                      objection, a.id(), a.regionId(), a.municipalityId(), text.trim());
                  audit.recordChange(entity(a), "objection", null, Map.of("objection", objection));
                }));
  }

  /** Answers an objection; the notice step cannot complete while one waits for an answer. */
  @Transactional
  public Application answerObjection(UUID id, UUID objectionId, String answer) {
    Roles.requireCaseHandler();
    Application a = get(id);
    if (a.status() != Status.IN_PROGRESS) {
      throw new ConflictException("BEN-0210", a.status());
    }
    if (answer == null || answer.isBlank() || answer.length() > MAX_TEXT) {
      throw InvalidInputException.of("answer", "BEN-0217", MAX_TEXT);
    }
    if (!records.answerObjection(a.id(), objectionId, answer.trim(), CurrentScope.actorName())) {
      throw new ConflictException("BEN-0218");
    }
    audit.recordChange(entity(a), "answer-objection", null, Map.of("objection", objectionId));
    return get(id);
  }

  @Transactional(readOnly = true)
  public Application get(UUID id) {
    return records.find(id).orElseThrow(() -> new NotFoundException("application", id));
  }

  /** What the rules in force say of the application's household today: the means test. */
  @Transactional(readOnly = true)
  public CompiledRules.Evaluation assess(UUID id) {
    return assess(get(id));
  }

  /** The means test of an application the caller has just read: its page reads it once. */
  @Transactional(readOnly = true)
  public CompiledRules.Evaluation assess(Application a) {
    return decisions.assess(a.programmeId(), a.householdId());
  }

  /** The applications the caller may see, newest first. */
  @Transactional(readOnly = true)
  public PageResponse<ApplicationSummary> list(
      Status status, UUID programmeId, int page, int size) {
    return PageResponse.of(
        records.list(status, programmeId, page * size, size),
        page,
        size,
        records.count(status, programmeId));
  }

  /** Every application {@link #list} would show, in its order, one at a time: for an export. */
  @Transactional(readOnly = true)
  public void forEach(Status status, UUID programmeId, Consumer<ApplicationSummary> sink) {
    records.forEach(status, programmeId, sink);
  }

  /** Public notices open for objections today, as anyone may read them. */
  @Transactional(readOnly = true)
  public List<Application.Notice> openNotices() {
    return records.openNotices(LocalDate.now(clock));
  }

  private void publishNotice(Application a, int days, LocalDate today) {
    CompiledRules.Evaluation outcome = decisions.assess(a.programmeId(), a.householdId());
    int size = people.householdOn(a.householdId(), today).members().size();
    Application.Notice notice =
        new Application.Notice(
            a.reference(),
            programmes.get(a.programmeId()).name(),
            territories.find(a.municipalityId()).orElseThrow().name(),
            size,
            outcome.eligible(),
            outcome.eligible() ? outcome.amountCents() : 0,
            today,
            workingDays.addWorkingDays(a.regionId(), today, days));
    records.insertNotice(a, notice);
  }

  /**
   * When a step starting today is due: after its working days; a public notice runs its days and
   * acting on it may take one working day more.
   */
  private OffsetDateTime stepDue(UUID regionId, LocalDate today, Workflow.Step s) {
    int days = s.kind() == StepKind.PUBLIC_NOTICE ? s.workingDays() + 1 : s.workingDays();
    return endOfDay(workingDays.addWorkingDays(regionId, today, days));
  }

  private OffsetDateTime stepDue(UUID regionId, LocalDate today, Application.Step s) {
    return stepDue(regionId, today, new Workflow.Step(s.kind(), s.workingDays(), s.role(), false));
  }

  private static OffsetDateTime endOfDay(LocalDate day) {
    return day.plusDays(1)
        .atStartOfDay()
        .atOffset(ZoneOffset.UTC)
        .minus(Duration.of(1, ChronoUnit.SECONDS));
  }

  private static AuditedEntity entity(Application a) {
    return AuditedEntity.of("application", a.id(), a.regionId(), a.municipalityId());
  }
}
