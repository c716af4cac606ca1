package org.socius.providers.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.socius.providers.ChangeRequest;
import org.socius.providers.ChangeRequests;
import org.socius.providers.ProviderKinds.Accessibility;
import org.socius.providers.ServicePointDetails;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Changes registered providers ask for, and the officers' decisions on them. */
@RestController
@Tag(name = "Register of providers", description = "Registered services, providers, applications")
class ChangeRequestApiController {

  private final ChangeRequests changes;

  ChangeRequestApiController(ChangeRequests changes) {
    this.changes = changes;
  }

  record CapacityBody(Integer capacity, String explanation) {}

  record PointBody(
      String name,
      UUID municipalityId,
      String address,
      Double latitude,
      Double longitude,
      Integer capacity,
      String openingHours,
      Set<Accessibility> accessibility,
      String phone,
      String explanation) {}

  record NoteBody(String note) {}

  record ReasonBody(String reason) {}

  @PostMapping("/api/v1/registered-services/{id}/capacity-requests")
  @Operation(summary = "Ask for a new capacity of one of your registered services")
  ResponseEntity<ChangeRequest> requestCapacity(
      @PathVariable UUID id, @RequestBody CapacityBody body) {
    return created(changes.requestCapacity(id, body.capacity(), body.explanation()));
  }

  @PostMapping("/api/v1/service-points/{id}/change-requests")
  @Operation(summary = "Ask for a change to one of your service points")
  ResponseEntity<ChangeRequest> requestPointChange(
      @PathVariable UUID id, @RequestBody PointBody body) {
    return created(
        changes.requestPointChange(
            id,
            new ServicePointDetails(
                body.name(),
                body.municipalityId(),
                body.address(),
                body.latitude(),
                body.longitude(),
                body.capacity(),
                body.openingHours(),
                body.accessibility(),
                body.phone()),
            body.explanation()));
  }

  @GetMapping("/api/v1/change-requests")
  @PreAuthorize("hasAnyRole('REGIONAL_OFFICER', 'ADMINISTRATOR')")
  @Operation(
      summary = "Change requests awaiting a decision in your territory, earliest deadline first")
  List<ChangeRequest> awaitingReview() {
    return changes.awaitingReview();
  }

  @GetMapping("/api/v1/providers/{id}/change-requests")
  @Operation(summary = "A provider's change requests, for its staff and its region's officers")
  List<ChangeRequest> ofProvider(@PathVariable UUID id) {
    return changes.ofProvider(id);
  }

  @GetMapping("/api/v1/change-requests/{id}")
  ChangeRequest changeRequest(@PathVariable UUID id) {
    return changes.find(id);
  }

  @PostMapping("/api/v1/change-requests/{id}/approval")
  @PreAuthorize("hasAnyRole('REGIONAL_OFFICER', 'ADMINISTRATOR')")
  @Operation(summary = "Approve a change request; the change enters the register")
  ChangeRequest approve(@PathVariable UUID id, @RequestBody(required = false) NoteBody body) {
    return changes.approve(id, body == null ? "" : body.note());
  }

  @PostMapping("/api/v1/change-requests/{id}/refusal")
  @PreAuthorize("hasAnyRole('REGIONAL_OFFICER', 'ADMINISTRATOR')")
  @Operation(summary = "Refuse a change request with a reason")
  ChangeRequest refuse(@PathVariable UUID id, @RequestBody(required = false) ReasonBody body) {
    return changes.refuse(id, body == null ? null : body.reason());
  }

  private static ResponseEntity<ChangeRequest> created(ChangeRequest request) {
    return ResponseEntity.created(URI.create("/api/v1/change-requests/" + request.id()))
        .body(request);
  }
}
