package org.socius.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.socius.accounts.Colleagues;
import org.socius.accounts.Colleagues.Colleague;
import org.socius.accounts.Sector;
import org.socius.audit.AuditLog;
import org.socius.cases.CaseFile.ReferralTarget;
import org.socius.cases.internal.CaseRecords;
import org.socius.cases.internal.CaseWorkRecords;
import org.socius.people.PeopleKinds.ConsentPurpose;
import org.socius.people.PersonFile;
import org.socius.people.PersonFiles;
import org.socius.platform.Ids;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work around a case beside its steps: the multidisciplinary team (colleagues from any sector
 * whose scope reaches the case's municipality), notes (a restricted note is for the case workers
 * alone), case conferences with their minutes and decisions, tasks with due dates, and referrals to
 * other agencies, NGOs and charities, which need the client's consent to share their data.
 */
@Service
public class CaseWork {

  private final Cases cases;
  private final CaseRecords records;
  private final CaseWorkRecords workRecords;
  private final Colleagues colleagues;
  private final PersonFiles personFiles;
  private final AuditLog audit;
  private final Clock clock;

  CaseWork(
      Cases cases,
      CaseRecords records,
      CaseWorkRecords workRecords,
      Colleagues colleagues,
      PersonFiles personFiles,
      AuditLog audit,
      Clock clock) {
    this.cases = cases;
    this.records = records;
    this.workRecords = workRecords;
    this.colleagues = colleagues;
    this.personFiles = personFiles;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The colleagues whose territory reaches a case's municipality: the case workers it may be given
   * to, and everyone who may be called to its team (specialists, then case workers).
   */
  public record Staffing(List<Colleague> workers, List<Colleague> team) {}

  @Transactional(readOnly = true)
  public Staffing staffing(UUID caseId) {
    return staffingOf(cases.visible(caseId));
  }

  private Staffing staffingOf(Case c) {
    List<Colleague> workers =
        colleagues.reaching(c.regionId(), c.municipalityId(), Role.CASE_WORKER);
    List<Colleague> team =
        new ArrayList<>(
            colleagues.reaching(c.regionId(), c.municipalityId(), Role.TEAM_SPECIALIST));
    for (Colleague w : workers) {
      if (team.stream().noneMatch(x -> x.id().equals(w.id()))) {
        team.add(w);
      }
    }
    return new Staffing(workers, team);
  }

  @Transactional
  public CaseFile.Member addMember(UUID caseId, UUID userId, String roleInCase) {
    Roles.requireCaseHandler();
    Case c = open(caseId);
    List<Finding> findings = new ArrayList<>();
    if (userId == null) {
      findings.add(Finding.of("userId", "CAS-0501"));
    }
    Cases.checkText(findings, "roleInCase", roleInCase, "CAS-0502");
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    Colleague colleague =
        staffingOf(c).team().stream()
            .filter(x -> x.id().equals(userId))
            .findFirst()
            .orElseThrow(() -> InvalidInputException.of("userId", "CAS-0503"));
    OffsetDateTime now = OffsetDateTime.now(clock);
    CaseFile.Member member =
        new CaseFile.Member(
            Ids.newId(),
            colleague.id(),
            colleague.username(),
            colleague.displayName(),
            colleague.sector(),
            roleInCase.trim(),
            now);
    try {
      workRecords.addMember(c, member, CurrentScope.actorName());
    } catch (DuplicateKeyException e) {
      throw new ConflictException("CAS-0504", colleague.displayName());
    }
    records.recordEvent(
        c,
        CurrentScope.actorName(),
        now,
        "MEMBER_JOINED",
        colleague.displayName() + " (" + member.roleInCase() + ")");
    audit.recordChange(Cases.entity(c), "team-join", null, Map.of("user", colleague.username()));
    return member;
  }

  @Transactional
  public void removeMember(UUID caseId, UUID memberId) {
    Roles.requireCaseHandler();
    Case c = cases.visible(caseId);
    OffsetDateTime now = OffsetDateTime.now(clock);
    String name =
        workRecords
            .removeMember(caseId, memberId, now)
            .orElseThrow(() -> new NotFoundException("team member", memberId));
    records.recordEvent(c, CurrentScope.actorName(), now, "MEMBER_LEFT", name);
    audit.recordChange(Cases.entity(c), "team-leave", Map.of("member", memberId), null);
  }

  /** A note on the case; only case workers and officers may restrict one. */
  @Transactional
  public CaseFile.Note addNote(UUID caseId, String text, boolean restricted) {
    Roles.requireCaseTeam();
    Case c = cases.visible(caseId);
    if (restricted && !Roles.actorHandlesCases()) {
      throw new ConflictException("CAS-0505");
    }
    List<Finding> findings = new ArrayList<>();
    Cases.checkText(findings, "text", text, "CAS-0506");
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    CaseFile.Note note =
        new CaseFile.Note(
            Ids.newId(),
            restricted,
            text.trim(),
            OffsetDateTime.now(clock),
            CurrentScope.actorName());
    workRecords.addNote(c, note);
    audit.recordChange(
        Cases.entity(c), "note", null, Map.of("note", note.id(), "restricted", restricted));
    return note;
  }

  /** A case conference as held: who took part, the minutes, and what was decided. */
  public record NewConference(
      LocalDate heldOn, String participants, String minutes, String decisions) {}

  @Transactional
  public CaseFile.Conference recordConference(UUID caseId, NewConference n) {
    Roles.requireCaseHandler();
    Case c = cases.visible(caseId);
    List<Finding> findings = new ArrayList<>();
    LocalDate today = LocalDate.now(clock);
    if (n.heldOn() == null || n.heldOn().isAfter(today)) {
      findings.add(Finding.of("heldOn", "CAS-0507"));
    }
    Cases.checkText(findings, "participants", n.participants(), "CAS-0508");
    Cases.checkText(findings, "minutes", n.minutes(), "CAS-0509");
    if (n.decisions() != null && n.decisions().length() > Cases.MAX_TEXT) {
      findings.add(Finding.of("decisions", "CAS-0110", Cases.MAX_TEXT));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    CaseFile.Conference k =
        new CaseFile.Conference(
            Ids.newId(),
            n.heldOn(),
            n.participants().trim(),
            n.minutes().trim(),
            Cases.text(n.decisions()),
            CurrentScope.actorName());
    OffsetDateTime now = OffsetDateTime.now(clock);
    workRecords.addConference(c, k, now);
    records.recordEvent(c, k.recordedBy(), now, "CONFERENCE", n.heldOn().toString());
    audit.recordChange(Cases.entity(c), "conference", null, Map.of("conference", k.id()));
    return k;
  }

  /** A task on the case for someone, by a date: a reminder that shows when it is overdue. */
  @Transactional
  public CaseFile.Task addTask(UUID caseId, String title, String assignee, LocalDate dueOn) {
    Roles.requireCaseTeam();
    Case c = open(caseId);
    List<Finding> findings = new ArrayList<>();
    Cases.checkText(findings, "title", title, "CAS-0510");
    if (dueOn == null) {
      findings.add(Finding.of("dueOn", "CAS-0511"));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    String who = Cases.blank(assignee) ? CurrentScope.actorName() : assignee.trim();
    CaseFile.Task t =
        new CaseFile.Task(
            Ids.newId(), title.trim(), who, dueOn, null, null, CurrentScope.actorName());
    workRecords.addTask(c, t, OffsetDateTime.now(clock));
    audit.recordChange(Cases.entity(c), "task", null, Map.of("task", t.id()));
    return t;
  }

  @Transactional
  public void completeTask(UUID caseId, UUID taskId) {
    Roles.requireCaseTeam();
    Case c = cases.visible(caseId);
    if (!workRecords.completeTask(
        caseId, taskId, CurrentScope.actorName(), OffsetDateTime.now(clock))) {
      throw new ConflictException("CAS-0512");
    }
    audit.recordChange(Cases.entity(c), "task-done", null, Map.of("task", taskId));
  }

  /** A referral as the worker writes it. */
  public record NewReferral(ReferralTarget toKind, String toName, Sector sector, String reason) {}

  /**
   * Refers the client elsewhere. Their data leaves the case only with their consent to share it:
   * without a consent in force the referral is refused, and the one it cites is kept with it.
   */
  @Transactional
  public CaseFile.Referral refer(UUID caseId, NewReferral n) {
    Roles.requireCaseHandler();
    Case c = open(caseId);
    List<Finding> findings = new ArrayList<>();
    if (n.toKind() == null) {
      findings.add(Finding.of("toKind", "CAS-0513"));
    }
    Cases.checkText(findings, "toName", n.toName(), "CAS-0514");
    Cases.checkText(findings, "reason", n.reason(), "CAS-0515");
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    PersonFile.Consent consent =
        personFiles
            .consentInForce(c.personId(), ConsentPurpose.DATA_SHARING)
            .orElseThrow(() -> new ConflictException("CAS-0516"));
    OffsetDateTime now = OffsetDateTime.now(clock);
    CaseFile.Referral r =
        new CaseFile.Referral(
            Ids.newId(),
            n.toKind(),
            n.toName().trim(),
            n.sector(),
            n.reason().trim(),
            consent.id(),
            now,
            CurrentScope.actorName());
    workRecords.addReferral(c, r);
    records.recordEvent(c, r.referredBy(), now, "REFERRED", r.toName());
    audit.recordChange(
        Cases.entity(c), "referral", null, Map.of("to", r.toName(), "consent", consent.id()));
    return r;
  }

  private Case open(UUID caseId) {
    Case c = cases.visible(caseId);
    if (!c.open()) {
      throw new ConflictException("CAS-0401", c.reference());
    }
    return c;
  }
}
