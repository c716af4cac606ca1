package org.socius.cases.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.socius.cases.Agreement;
import org.socius.cases.Agreements;
import org.socius.cases.Plan;
import org.socius.cases.Plans;
import org.socius.cases.ProviderNotice;
import org.socius.platform.api.ETags;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.NotFoundException;
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
 * Individual plans and agreements through the API: a case's plan versions, the draft's services,
 * the providers to choose from and the choice, the client's agreement, the agreements drawn up from
 * the plan, and a provider's side (its agreements, their answer, its notices). Changes to the draft
 * name the draft's version in {@code If-Match}; answers to an agreement name the agreement's.
 */
@RestController
@Tag(name = "Plans and agreements", description = "Individual plans, client choice, agreements")
class PlansApiController {

  private final Plans plans;
  private final Agreements agreements;

  PlansApiController(Plans plans, Agreements agreements) {
    this.plans = plans;
    this.agreements = agreements;
  }

  record ChoiceBody(UUID registeredServiceId) {}

  record DeclineBody(String reason) {}

  @GetMapping("/api/v1/cases/{id}/plans")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER', 'TEAM_SPECIALIST')")
  @Operation(summary = "Every version of a case's plan, the latest first")
  List<Plan> versions(@PathVariable UUID id) {
    return plans.versions(id);
  }

  @PostMapping("/api/v1/cases/{id}/plans")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER')")
  @Operation(
      summary = "Begin the next version, from the plan in force",
      description = "A draft already being written answers 409 (CAS-0801).")
  ResponseEntity<Plan> begin(@PathVariable UUID id, @RequestBody Plans.NewVersion body) {
    Plan draft = plans.begin(id, body);
    return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/plans/draft"))
        .eTag(ETags.of(draft.version()))
        .body(draft);
  }

  @GetMapping("/api/v1/cases/{id}/plans/draft")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER', 'TEAM_SPECIALIST')")
  @Operation(summary = "The draft being written, with its version as ETag")
  ResponseEntity<Plan> draft(@PathVariable UUID id) {
    // No draft is being written: there is nothing at this address.
    Plan draft = plans.draft(id).orElseThrow(() -> new NotFoundException("plan draft", id));
    return ResponseEntity.ok().eTag(ETags.of(draft.version())).body(draft);
  }

  @PostMapping("/api/v1/cases/{id}/plans/draft/services")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER')")
  @Operation(
      summary = "Add a service to the draft",
      description = "A volume above the standard's norm needs its reason (CAS-0811).")
  ResponseEntity<Plan> addService(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody Plans.NewService body) {
    int version = ETags.requireVersion(ifMatch, () -> draftOf(id).version());
    Plan draft = plans.addService(id, version, body);
    return ResponseEntity.ok().eTag(ETags.of(draft.version())).body(draft);
  }

  @DeleteMapping("/api/v1/cases/{id}/plans/draft/services/{serviceId}")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER')")
  @Operation(summary = "Take a service off the draft; a place it held is given back")
  ResponseEntity<Plan> removeService(
      @PathVariable UUID id,
      @PathVariable UUID serviceId,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    int version = ETags.requireVersion(ifMatch, () -> draftOf(id).version());
    Plan draft = plans.removeService(id, version, serviceId);
    return ResponseEntity.ok().eTag(ETags.of(draft.version())).body(draft);
  }

  @GetMapping("/api/v1/cases/{id}/plans/draft/services/{serviceId}/providers")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER')")
  @Operation(
      summary = "The registered providers of a service in the client's region, nearest first")
  Plans.Options providers(
      @PathVariable UUID id,
      @PathVariable UUID serviceId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return plans.options(id, serviceId, page, size);
  }

  @PutMapping("/api/v1/cases/{id}/plans/draft/services/{serviceId}/choice")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER')")
  @Operation(
      summary = "Record the client's choice of provider; it takes a place there",
      description = "No free place answers 409 (PRV-1602) and changes nothing.")
  ResponseEntity<Plan> choose(
      @PathVariable UUID id,
      @PathVariable UUID serviceId,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody ChoiceBody body) {
    int version = ETags.requireVersion(ifMatch, () -> draftOf(id).version());
    Plan draft = plans.choose(id, version, serviceId, body.registeredServiceId());
    return ResponseEntity.ok().eTag(ETags.of(draft.version())).body(draft);
  }

  @PostMapping("/api/v1/cases/{id}/plans/draft/agreement")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER')")
  @Operation(
      summary = "Record the client's (or representative's) agreement: the draft comes into force",
      description = "A service without a provider answers 409 (CAS-0814).")
  Plan agree(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody Plans.Agreement body) {
    int version = ETags.requireVersion(ifMatch, () -> draftOf(id).version());
    return plans.agree(id, version, body);
  }

  @GetMapping("/api/v1/cases/{id}/agreements")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER', 'TEAM_SPECIALIST')")
  @Operation(summary = "A case's agreements with providers, the latest first")
  List<Agreement> ofCase(@PathVariable UUID id) {
    return agreements.ofCase(id);
  }

  @PostMapping("/api/v1/cases/{id}/agreements")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER')")
  @Operation(
      summary = "Draw up the agreements of the plan in force, one per provider",
      description =
          "Without a plan the client agreed to answers 409 (CAS-1001); drawn up already, 409"
              + " (CAS-1002).")
  List<Agreement> drawUp(@PathVariable UUID id) {
    return agreements.drawUp(id);
  }

  @GetMapping("/api/v1/providers/{providerId}/agreements")
  @PreAuthorize("hasRole('PROVIDER_STAFF')")
  @Operation(summary = "The agreements a provider one works for is party to, those to answer first")
  List<Agreement> ofProvider(@PathVariable UUID providerId) {
    return agreements.ofProvider(providerId);
  }

  @GetMapping("/api/v1/providers/{providerId}/notices")
  @PreAuthorize("hasRole('PROVIDER_STAFF')")
  @Operation(summary = "What a provider was told about its clients in the last 30 days")
  List<ProviderNotice> notices(@PathVariable UUID providerId) {
    return agreements.notices(providerId);
  }

  @GetMapping("/api/v1/agreements/{agreementId}")
  @PreAuthorize(
      "hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER', 'TEAM_SPECIALIST', 'PROVIDER_STAFF')")
  @Operation(summary = "An agreement, with its version as ETag")
  ResponseEntity<Agreement> agreement(@PathVariable UUID agreementId) {
    Agreement a = agreements.get(agreementId);
    return ResponseEntity.ok().eTag(ETags.of(a.version())).body(a);
  }

  @PostMapping("/api/v1/agreements/{agreementId}/acceptance")
  @PreAuthorize("hasRole('PROVIDER_STAFF')")
  @Operation(summary = "The provider accepts a proposed agreement")
  ResponseEntity<Agreement> accept(
      @PathVariable UUID agreementId,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    int version = ETags.requireVersion(ifMatch, () -> agreements.get(agreementId).version());
    Agreement a = agreements.accept(agreementId, version);
    return ResponseEntity.ok().eTag(ETags.of(a.version())).body(a);
  }

  @PostMapping("/api/v1/agreements/{agreementId}/decline")
  @PreAuthorize("hasRole('PROVIDER_STAFF')")
  @Operation(
      summary = "The provider declines a proposed agreement, saying why",
      description = "No reason answers 400 (CAS-1006).")
  ResponseEntity<Agreement> decline(
      @PathVariable UUID agreementId,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody DeclineBody body) {
    int version = ETags.requireVersion(ifMatch, () -> agreements.get(agreementId).version());
    Agreement a = agreements.decline(agreementId, version, body.reason());
    return ResponseEntity.ok().eTag(ETags.of(a.version())).body(a);
  }

  private Plan draftOf(UUID caseId) {
    return plans.draft(caseId).orElseThrow(() -> new ConflictException("CAS-0804"));
  }
}
