package org.socius.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.socius.accounts.Colleagues;
import org.socius.accounts.Colleagues.Colleague;
import org.socius.accounts.Sector;
import org.socius.audit.AuditLog;
import org.socius.audit.AuditedEntity;
import org.socius.cases.Case.Outcome;
import org.socius.cases.Case.Source;
import org.socius.cases.Case.Status;
import org.socius.cases.Case.StepKind;
import org.socius.cases.internal.AssessmentRecords;
import org.socius.cases.internal.CaseRecords;
import org.socius.cases.internal.CaseWorkRecords;
import org.socius.cases.internal.PlanRecords;
import org.socius.people.People;
import org.socius.people.Person;
import org.socius.platform.Ids;
import org.socius.platform.Languages;
import org.socius.platform.api.PageResponse;
import org.socius.platform.api.Paging;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.Role;
import org.socius.platform.security.ScopeLevel;
import org.socius.territory.WorkingDays;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases from the one window to closure. A request for help, from whoever brings it and for any
 * sector, opens a case in the client's municipality, given to the worker named or to the local
 * worker with the fewest open cases. The case then goes through its steps in order, each with a
 * deadline in working days of the region's calendar; none may be skipped, the complex evaluation
 * needs a team and an assessment, and a case may end early only for a reason that ends it (the
 * client refused, moved, died, or another agency took it over).
 */
@Service
public class Cases {

  static final int MAX_TEXT = 4000;

  private final CaseRecords records;
  private final CaseWorkRecords workRecords;
  private final AssessmentRecords assessments;
  private final PlanRecords plans;
  private final People people;
  private final Colleagues colleagues;
  private final WorkingDays workingDays;
  private final Commitments commitments;
  private final AuditLog audit;
  private final Clock clock;

  Cases(
      CaseRecords records,
      CaseWorkRecords workRecords,
      AssessmentRecords assessments,
      PlanRecords plans,
      People people,
      Colleagues colleagues,
      WorkingDays workingDays,
      Commitments commitments,
      AuditLog audit,
      Clock clock) {
    this.records = records;
    this.workRecords = workRecords;
    this.assessments = assessments;
    this.plans = plans;
    this.people = people;
    this.colleagues = colleagues;
    this.workingDays = workingDays;
    this.commitments = commitments;
    this.audit = audit;
    this.clock = clock;
  }

  /** A request for help as the one window takes it in; not urgent unless said so. */
  public record NewCase(
      UUID personId,
      Sector sector,
      Source source,
      String requester,
      String request,
      Boolean urgent,
      String language,
      UUID workerId) {

    public boolean isUrgent() {
      return Boolean.TRUE.equals(urgent);
    }
  }

  @Transactional
  public Case open(NewCase n) {
    Roles.requireCaseHandler();
    List<Finding> findings = new ArrayList<>();
    if (n.personId() == null) {
      findings.add(Finding.of("personId", "CAS-0101"));
    }
    if (n.sector() == null) {
      findings.add(Finding.of("sector", "CAS-0102"));
    }
    if (n.source() == null) {
      findings.add(Finding.of("source", "CAS-0103"));
    } else if ((n.source() == Source.REPRESENTATIVE || n.source() == Source.AGENCY)
        && blank(n.requester())) {
      findings.add(Finding.of("requester", "CAS-0104"));
    }
    checkText(findings, "request", n.request(), "CAS-0105");
    if (n.requester() != null && n.requester().length() > 200) {
      findings.add(Finding.of("requester", "CAS-0106", 200));
    }
    String language = blank(n.language()) ? "en" : n.language().trim();
    if (!Languages.supported(language)) {
      findings.add(Finding.of("language", "CAS-0107", String.join(", ", Languages.CODES)));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    Person person = people.get(n.personId());
    Colleague worker = routeTo(person.regionId(), person.municipalityId(), n.workerId());
    OffsetDateTime now = OffsetDateTime.now(clock);
    LocalDate today = now.toLocalDate();
    Case.Step first =
        startStep(1, StepKind.INITIAL_EVALUATION, person.municipalityId(), today, n.isUrgent());
    Case c =
        new Case(
            Ids.newId(),
            records.nextReference(today.getYear()),
            person.id(),
            person.regionId(),
            person.municipalityId(),
            n.sector(),
            n.source(),
            text(n.requester()),
            n.request().trim(),
            n.isUrgent(),
            language,
            Status.OPEN,
            worker == null ? null : worker.id(),
            worker == null ? "" : worker.displayName(),
            now,
            CurrentScope.actorName(),
            null,
            null,
            0,
            List.of(first));
    records.insert(c);
    records.insertStep(c, first);
    records.recordEvent(c, c.openedBy(), now, "OPENED", c.requester());
    if (worker != null) {
      records.recordEvent(c, c.openedBy(), now, "ASSIGNED", worker.displayName());
    }
    audit.recordChange(entity(c), "open", null, Map.of("reference", c.reference()));
    return c;
  }

  /** The case if the reader may see it: its worker's territory, or its workRecords. */
  @Transactional
  public Case get(UUID id) {
    Roles.requireCaseTeam();
    Case c = visible(id);
    audit.recordRead(entity(c));
    return c;
  }

  /** The case with everything gathered on it that the reader may see. */
  @Transactional
  public CaseFile file(UUID id) {
    Case c = get(id);
    return new CaseFile(
        c,
        workRecords.team(id),
        workRecords.notes(id),
        workRecords.conferences(id),
        workRecords.tasks(id),
        workRecords.referrals(id),
        assessments.assessments(id),
        workRecords.history(id));
  }

  /** Which cases a caseload shows. */
  public enum Caseload {
    /** The acting worker's own cases. */
    MINE,
    /** Every case of the territory (a supervisor's view). */
    ALL,
    /** Cases nobody has been given yet. */
    UNASSIGNED
  }

  /**
   * A caseload, the overdue and the soonest due first. A team specialist sees only the cases they
   * are on, whatever the view.
   */
  @Transactional(readOnly = true)
  public PageResponse<CaseSummary> caseload(
      Caseload view, Status status, boolean overdueOnly, int page, int size) {
    Roles.requireCaseTeam();
    Paging.check(page, size);
    UUID worker = null;
    if (view == Caseload.MINE && Roles.actorHandlesCases()) {
      worker = CurrentScope.actor().map(a -> a.userId()).orElse(null);
    }
    CaseRecords.Filter filter =
        new CaseRecords.Filter(
            worker, view == Caseload.UNASSIGNED, status, overdueOnly, LocalDate.now(clock));
    return PageResponse.of(
        records.list(filter, page * size, size), page, size, records.count(filter));
  }

  /** Gives a case to another worker: a supervisor's reassignment, or taking an unassigned one. */
  @Transactional
  public Case assign(UUID id, int expectedVersion, UUID workerId) {
    Roles.requireCaseHandler();
    if (workerId == null) {
      throw InvalidInputException.of("workerId", "CAS-0108");
    }
    Case c = visible(id);
    Colleague worker = routeTo(c.regionId(), c.municipalityId(), workerId);
    if (!c.open()) {
      throw new ConflictException("CAS-0401", c.reference());
    }
    if (!records.assign(id, expectedVersion, worker.id(), worker.displayName())) {
      throw ConflictException.staleVersion(expectedVersion, c.version());
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    String from = c.workerName().isEmpty() ? "-" : c.workerName();
    records.recordEvent(
        c, CurrentScope.actorName(), now, "ASSIGNED", from + " → " + worker.displayName());
    audit.recordChange(
        entity(c), "assign", Map.of("worker", from), Map.of("worker", worker.displayName()));
    return visible(id);
  }

  /**
   * What the worker records on completing the case's current step. {@code step} names the step the
   * worker means to complete: a form left open on an earlier step cannot complete a later one. The
   * intervention plan says whether a complex evaluation is needed, a monitoring review whether the
   * help continues, and the closure its outcome.
   */
  public record StepCompletion(
      StepKind step,
      String record,
      Boolean complexEvaluationNeeded,
      Boolean continueHelp,
      Outcome outcome) {}

  @Transactional
  public Case completeStep(UUID id, int expectedVersion, StepCompletion done) {
    Roles.requireCaseHandler();
    records.lock(id);
    Case c = visible(id);
    List<Finding> findings = new ArrayList<>();
    if (done.step() == null) {
      findings.add(Finding.of("step", "CAS-0201"));
    }
    checkText(findings, "record", done.record(), "CAS-0202");
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    if (!c.open()) {
      throw new ConflictException("CAS-0401", c.reference());
    }
    Case.Step current = c.current().orElseThrow();
    if (current.kind() != done.step()) {
      throw new ConflictException("CAS-0402", done.step(), current.kind());
    }
    if (c.version() != expectedVersion) {
      throw ConflictException.staleVersion(expectedVersion, c.version());
    }
    StepKind next = next(c, current, done);
    OffsetDateTime now = OffsetDateTime.now(clock);
    Status status = next == null ? Status.CLOSED : Status.OPEN;
    if (!records.completeStep(
        c,
        expectedVersion,
        done.record().trim(),
        CurrentScope.actorName(),
        now,
        status,
        next == null ? done.outcome() : null)) {
      throw ConflictException.staleVersion(expectedVersion, c.version());
    }
    if (next != null) {
      records.insertStep(
          c, startStep(current.seq() + 1, next, c.municipalityId(), now.toLocalDate(), false));
    } else {
      commitments.release(c, now.toLocalDate());
    }
    records.recordEvent(
        c,
        CurrentScope.actorName(),
        now,
        next == null ? "CLOSED" : "STEP_COMPLETED",
        next == null ? done.outcome().name() : current.kind().name());
    audit.recordChange(
        entity(c),
        "complete-step",
        Map.of("step", current.kind()),
        next == null ? Map.of("outcome", done.outcome()) : Map.of("step", next));
    return visible(id);
  }

  /**
   * Ends a case before its plan has run its course, for a reason that ends it: the client refused
   * further help, moved away or died, or another agency took the case over.
   */
  @Transactional
  public Case closeEarly(UUID id, int expectedVersion, Outcome outcome, String record) {
    Roles.requireCaseHandler();
    records.lock(id);
    Case c = visible(id);
    List<Finding> findings = new ArrayList<>();
    if (outcome == null || !outcome.endsEarly()) {
      findings.add(Finding.of("outcome", "CAS-0203"));
    }
    checkText(findings, "record", record, "CAS-0202");
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    if (!c.open()) {
      throw new ConflictException("CAS-0401", c.reference());
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (!records.completeStep(
        c, expectedVersion, record.trim(), CurrentScope.actorName(), now, Status.CLOSED, outcome)) {
      throw ConflictException.staleVersion(expectedVersion, c.version());
    }
    commitments.release(c, now.toLocalDate());
    records.recordEvent(c, CurrentScope.actorName(), now, "CLOSED_EARLY", outcome.name());
    audit.recordChange(entity(c), "close-early", null, Map.of("outcome", outcome));
    return visible(id);
  }

  /** The step after the current one, or null when the case closes; refuses what is missing. */
  private StepKind next(Case c, Case.Step current, StepCompletion done) {
    return switch (current.kind()) {
      case INITIAL_EVALUATION -> StepKind.INTERVENTION_PLAN;
      case INTERVENTION_PLAN -> {
        if (done.complexEvaluationNeeded() == null) {
          throw InvalidInputException.of("complexEvaluationNeeded", "CAS-0204");
        }
        yield done.complexEvaluationNeeded()
            ? StepKind.COMPLEX_EVALUATION
            : StepKind.INDIVIDUAL_PLAN;
      }
      case COMPLEX_EVALUATION -> {
        if (workRecords.team(c.id()).isEmpty()) {
          throw new ConflictException("CAS-0403");
        }
        OffsetDateTime since = current.startedOn().atStartOfDay(clock.getZone()).toOffsetDateTime();
        if (!assessments.assessedSince(c.id(), since)) {
          throw new ConflictException("CAS-0404");
        }
        yield StepKind.INDIVIDUAL_PLAN;
      }
      case INDIVIDUAL_PLAN -> {
        if (!plans.hasAgreed(c.id())) {
          throw new ConflictException("CAS-0405");
        }
        yield StepKind.IMPLEMENTATION;
      }
      case IMPLEMENTATION -> StepKind.MONITORING;
      case MONITORING -> {
        if (done.continueHelp() == null) {
          throw InvalidInputException.of("continueHelp", "CAS-0205");
        }
        yield done.continueHelp() ? StepKind.MONITORING : StepKind.CLOSURE;
      }
      case CLOSURE -> {
        if (done.outcome() == null) {
          throw InvalidInputException.of("outcome", "CAS-0206");
        }
        yield null;
      }
    };
  }

  /** A step begun today, due after its working days (an urgent one, the next working day). */
  private Case.Step startStep(
      int seq, StepKind kind, UUID municipalityId, LocalDate today, boolean urgent) {
    int days = urgent ? 1 : kind.workingDays();
    LocalDate due = workingDays.addWorkingDays(municipalityId, today, days);
    return new Case.Step(seq, kind, kind.role(), today, due, null, null, "");
  }

  /**
   * The worker a case goes to: the one named, who must be a case worker reaching the municipality;
   * or, when none is named, the municipality's own case worker with the fewest open cases (none if
   * the municipality has no worker of its own: the case waits, unassigned, for a supervisor).
   */
  private Colleague routeTo(UUID regionId, UUID municipalityId, UUID workerId) {
    List<Colleague> workers = colleagues.reaching(regionId, municipalityId, Role.CASE_WORKER);
    if (workerId != null) {
      return workers.stream()
          .filter(w -> w.id().equals(workerId))
          .findFirst()
          .orElseThrow(() -> InvalidInputException.of("workerId", "CAS-0109"));
    }
    List<Colleague> local =
        workers.stream().filter(w -> w.level() == ScopeLevel.MUNICIPALITY).toList();
    if (local.isEmpty()) {
      return null;
    }
    Map<UUID, Long> open = records.openCaseloads(local.stream().map(Colleague::id).toList());
    return local.stream()
        .min(
            Comparator.<Colleague>comparingLong(w -> open.getOrDefault(w.id(), 0L))
                .thenComparing(Colleague::username))
        .orElseThrow();
  }

  Case visible(UUID id) {
    return records.find(id).orElseThrow(() -> new NotFoundException("case", id));
  }

  static AuditedEntity entity(Case c) {
    return AuditedEntity.of("case", c.id(), c.regionId(), c.municipalityId());
  }

  static void checkText(List<Finding> findings, String field, String value, String code) {
    if (blank(value)) {
      findings.add(Finding.of(field, code));
    } else if (value.length() > MAX_TEXT) {
      findings.add(Finding.of(field, "CAS-0110", MAX_TEXT));
    }
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static String text(String s) {
    return s == null ? "" : s.trim();
  }
}
