package org.socius.cases.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.socius.accounts.Colleagues.Colleague;
import org.socius.cases.Assessments;
import org.socius.cases.Case;
import org.socius.cases.CaseFile;
import org.socius.cases.CaseSummary;
import org.socius.cases.CaseWork;
import org.socius.cases.Cases;
import org.socius.cases.Instrument;
import org.socius.platform.api.ETags;
import org.socius.platform.api.PageResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cases through the API: intake, the caseload, a case's file, its steps, team, notes, conferences,
 * tasks, referrals and assessments, and the assessment instruments. Changes to the case itself
 * (steps, worker, early closure) name the version they were made from in {@code If-Match}.
 */
@RestController
@Tag(name = "Cases", description = "One window, case management, assessments")
@PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER', 'TEAM_SPECIALIST')")
class CasesApiController {

  private final Cases cases;
  private final CaseWork work;
  private final Assessments assessments;

  CasesApiController(Cases cases, CaseWork work, Assessments assessments) {
    this.cases = cases;
    this.work = work;
    this.assessments = assessments;
  }

  record StepBody(
      Case.StepKind step,
      String record,
      Boolean complexEvaluationNeeded,
      Boolean continueHelp,
      Case.Outcome outcome) {}

  record ClosureBody(Case.Outcome outcome, String record) {}

  record WorkerBody(UUID workerId) {}

  record MemberBody(UUID userId, String roleInCase) {}

  /** A note; restricted only when said so. */
  record NoteBody(String text, Boolean restricted) {}

  record TaskBody(String title, String assignee, LocalDate dueOn) {}

  record AssessmentBody(UUID instrumentId, Map<String, Integer> answers, LocalDate assessedOn) {}

  record InstrumentBody(String code, Instrument.Definition definition) {}

  @GetMapping("/api/v1/cases")
  @Operation(summary = "A caseload: MINE, ALL of the territory, or UNASSIGNED; soonest due first")
  PageResponse<CaseSummary> caseload(
      @RequestParam(defaultValue = "MINE") Cases.Caseload view,
      @RequestParam(required = false) Case.Status status,
      @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return cases.caseload(view, status, overdue, page, size);
  }

  @PostMapping("/api/v1/cases")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER')")
  @Operation(
      summary = "Take in a request for help; it opens a case in the person's municipality",
      description = "Without workerId the case goes to the local worker with fewest open cases.")
  ResponseEntity<Case> open(@RequestBody Cases.NewCase body) {
    Case c = cases.open(body);
    return ResponseEntity.created(URI.create("/api/v1/cases/" + c.id()))
        .eTag(ETags.of(c.version()))
        .body(c);
  }

  @GetMapping("/api/v1/cases/{id}")
  @Operation(summary = "A case with everything on it the caller may see")
  ResponseEntity<CaseFile> file(@PathVariable UUID id) {
    CaseFile file = cases.file(id);
    return ResponseEntity.ok().eTag(ETags.of(file.theCase().version())).body(file);
  }

  @PostMapping("/api/v1/cases/{id}/steps")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER')")
  @Operation(
      summary = "Complete the current step, named in the body; steps are never skipped",
      description = "Naming another step answers 409 (CAS-0402); a stale If-Match 409 (PLT-0409).")
  ResponseEntity<Case> completeStep(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody StepBody body) {
    int version = ETags.requireMatch(ifMatch, cases.get(id).version());
    Case c =
        cases.completeStep(
            id,
            version,
            new Cases.StepCompletion(
                body.step(),
                body.record(),
                body.complexEvaluationNeeded(),
                body.continueHelp(),
                body.outcome()));
    return ResponseEntity.ok().eTag(ETags.of(c.version())).body(c);
  }

  @PostMapping("/api/v1/cases/{id}/early-closure")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER')")
  ResponseEntity<Case> closeEarly(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody ClosureBody body) {
    int version = ETags.requireMatch(ifMatch, cases.get(id).version());
    Case c = cases.closeEarly(id, version, body.outcome(), body.record());
    return ResponseEntity.ok().eTag(ETags.of(c.version())).body(c);
  }

  @PutMapping("/api/v1/cases/{id}/worker")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER')")
  ResponseEntity<Case> assign(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody WorkerBody body) {
    int version = ETags.requireMatch(ifMatch, cases.get(id).version());
    Case c = cases.assign(id, version, body.workerId());
    return ResponseEntity.ok().eTag(ETags.of(c.version())).body(c);
  }

  @GetMapping("/api/v1/cases/{id}/team-candidates")
  @Operation(summary = "Colleagues who may be called to the case's team")
  List<Colleague> candidates(@PathVariable UUID id) {
    return work.staffing(id).team();
  }

  @PostMapping("/api/v1/cases/{id}/team")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER')")
  ResponseEntity<CaseFile.Member> addMember(@PathVariable UUID id, @RequestBody MemberBody body) {
    CaseFile.Member m = work.addMember(id, body.userId(), body.roleInCase());
    return ResponseEntity.status(201).body(m);
  }

  @DeleteMapping("/api/v1/cases/{id}/team/{memberId}")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER')")
  ResponseEntity<Void> removeMember(@PathVariable UUID id, @PathVariable UUID memberId) {
    work.removeMember(id, memberId);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/v1/cases/{id}/notes")
  ResponseEntity<CaseFile.Note> addNote(@PathVariable UUID id, @RequestBody NoteBody body) {
    return ResponseEntity.status(201)
        .body(work.addNote(id, body.text(), Boolean.TRUE.equals(body.restricted())));
  }

  @PostMapping("/api/v1/cases/{id}/conferences")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER')")
  ResponseEntity<CaseFile.Conference> recordConference(
      @PathVariable UUID id, @RequestBody CaseWork.NewConference body) {
    return ResponseEntity.status(201).body(work.recordConference(id, body));
  }

  @PostMapping("/api/v1/cases/{id}/tasks")
  ResponseEntity<CaseFile.Task> addTask(@PathVariable UUID id, @RequestBody TaskBody body) {
    return ResponseEntity.status(201)
        .body(work.addTask(id, body.title(), body.assignee(), body.dueOn()));
  }

  @PostMapping("/api/v1/cases/{id}/tasks/{taskId}/done")
  ResponseEntity<Void> completeTask(@PathVariable UUID id, @PathVariable UUID taskId) {
    work.completeTask(id, taskId);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/v1/cases/{id}/referrals")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER')")
  @Operation(summary = "Refer the client; needs their consent to data sharing (else 409 CAS-0516)")
  ResponseEntity<CaseFile.Referral> refer(
      @PathVariable UUID id, @RequestBody CaseWork.NewReferral body) {
    return ResponseEntity.status(201).body(work.refer(id, body));
  }

  @PostMapping("/api/v1/cases/{id}/assessments")
  @Operation(summary = "Score a questionnaire for the case; kept with the instrument's version")
  ResponseEntity<CaseFile.Assessment> assess(
      @PathVariable UUID id, @RequestBody AssessmentBody body) {
    return ResponseEntity.status(201)
        .body(assessments.assess(id, body.instrumentId(), body.answers(), body.assessedOn()));
  }

  @GetMapping("/api/v1/instruments")
  @PreAuthorize("isAuthenticated()")
  List<Instrument> instruments() {
    return assessments.instruments();
  }

  @GetMapping("/api/v1/instruments/{id}")
  @PreAuthorize("isAuthenticated()")
  Instrument instrument(@PathVariable UUID id) {
    return assessments.instrument(id);
  }

  @PostMapping("/api/v1/instruments")
  @PreAuthorize("hasRole('MINISTRY_ANALYST')")
  @Operation(summary = "Add the next version of an instrument, checked whole (bands cover scores)")
  ResponseEntity<Instrument> define(@RequestBody InstrumentBody body) {
    Instrument i = assessments.define(body.code(), body.definition());
    return ResponseEntity.created(URI.create("/api/v1/instruments/" + i.id())).body(i);
  }
}
