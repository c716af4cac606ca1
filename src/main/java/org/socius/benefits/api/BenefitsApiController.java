package org.socius.benefits.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.socius.benefits.Application;
import org.socius.benefits.ApplicationSummary;
import org.socius.benefits.Applications;
import org.socius.benefits.Decision;
import org.socius.benefits.Decisions;
import org.socius.benefits.RecertificationRun;
import org.socius.benefits.Recertifications;
import org.socius.benefits.Workflow;
import org.socius.benefits.Workflows;
import org.socius.platform.api.PageResponse;
import org.socius.platform.api.Paging;
import org.socius.programmes.CompiledRules;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Applications, decisions, appeals, workflows and recertification runs through the API. */
@RestController
@Tag(name = "Benefits", description = "Applications, decisions, appeals, recertification")
@PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER', 'MINISTRY_ANALYST', 'ADMINISTRATOR')")
class BenefitsApiController {

  private final Applications applications;
  private final Decisions decisions;
  private final Workflows workflows;
  private final Recertifications recertifications;

  BenefitsApiController(
      Applications applications,
      Decisions decisions,
      Workflows workflows,
      Recertifications recertifications) {
    this.applications = applications;
    this.decisions = decisions;
    this.workflows = workflows;
    this.recertifications = recertifications;
  }

  record StepBody(int version, String note) {}

  record EvidenceBody(Application.EvidenceKind kind, String description, LocalDate receivedOn) {}

  record AppealBody(String reason) {}

  record WorkflowBody(
      int version, List<Workflow.Step> steps, Integer urgentHours, Integer appealWorkingDays) {}

  record RunBody(UUID regionId, UUID versionId) {}

  @GetMapping("/api/v1/benefit-applications")
  PageResponse<ApplicationSummary> applications(
      @RequestParam(required = false) Application.Status status,
      @RequestParam(required = false) UUID programmeId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    Paging.check(page, size);
    return applications.list(status, programmeId, page, size);
  }

  @PostMapping("/api/v1/benefit-applications")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER')")
  @Operation(summary = "Take in an application; its steps follow the programme's workflow")
  ResponseEntity<Application> submit(@RequestBody Applications.NewApplication body) {
    Application a = applications.submit(body);
    return ResponseEntity.created(URI.create("/api/v1/benefit-applications/" + a.id())).body(a);
  }

  @GetMapping("/api/v1/benefit-applications/{id}")
  Application application(@PathVariable UUID id) {
    return applications.get(id);
  }

  @GetMapping("/api/v1/benefit-applications/{id}/assessment")
  @Operation(summary = "The means test: the rules in force applied to the household today")
  CompiledRules.Evaluation assessment(@PathVariable UUID id) {
    return applications.assess(id);
  }

  @PostMapping("/api/v1/benefit-applications/{id}/steps")
  @Operation(
      summary = "Complete the current step (by its role); the approval decides",
      description = "A stale version answers 409 (PLT-0409).")
  Application completeStep(@PathVariable UUID id, @RequestBody StepBody body) {
    return applications.completeStep(id, body.version(), body.note());
  }

  @PostMapping("/api/v1/benefit-applications/{id}/evidence")
  Application evidence(@PathVariable UUID id, @RequestBody EvidenceBody body) {
    return applications.addEvidence(id, body.kind(), body.description(), body.receivedOn());
  }

  @GetMapping("/api/v1/decisions/{id}")
  @Operation(summary = "A decision with its explanation: each criterion, its values, the amount")
  Decision decision(@PathVariable UUID id) {
    return decisions.get(id);
  }

  @PostMapping("/api/v1/decisions/{id}/appeals")
  Decision appeal(@PathVariable UUID id, @RequestBody AppealBody body) {
    return decisions.lodgeAppeal(id, body.reason());
  }

  @GetMapping("/api/v1/programmes/{id}/workflow")
  Workflow workflow(@PathVariable UUID id) {
    return workflows.of(id);
  }

  @PutMapping("/api/v1/programmes/{id}/workflow")
  @PreAuthorize("hasAnyRole('MINISTRY_ANALYST', 'ADMINISTRATOR')")
  Workflow setWorkflow(@PathVariable UUID id, @RequestBody WorkflowBody body) {
    return workflows.set(
        id, body.steps(), body.urgentHours(), body.appealWorkingDays(), body.version());
  }

  @PostMapping("/api/v1/programmes/{id}/recertification-runs")
  @PreAuthorize("hasAnyRole('MINISTRY_ANALYST', 'REGIONAL_OFFICER', 'ADMINISTRATOR')")
  @Operation(
      summary = "Start a recertification (no versionId) or a what-if run of a version",
      description = "Answers 202 at once; the run's progress and summary are at its location.")
  ResponseEntity<RecertificationRun> startRun(@PathVariable UUID id, @RequestBody RunBody body) {
    RecertificationRun run = recertifications.start(id, body.regionId(), body.versionId());
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/recertification-runs/" + run.id()))
        .body(run);
  }

  @GetMapping("/api/v1/recertification-runs/{id}")
  RecertificationRun run(@PathVariable UUID id) {
    return recertifications.get(id);
  }
}
