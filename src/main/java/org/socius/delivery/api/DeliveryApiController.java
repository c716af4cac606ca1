package org.socius.delivery.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.socius.delivery.Deliveries;
import org.socius.delivery.DeliveryRecord;
import org.socius.delivery.NewDelivery;
import org.socius.platform.api.ETags;
import org.socius.platform.api.ImportReport;
import org.socius.platform.api.PageResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Delivery through the API: a provider's system sends records one by one or in sets (JSON or CSV)
 * under an {@code Idempotency-Key}, reads them back, and withdraws a mistaken one; the case's
 * workers read a client's records, answer for the client and settle disputes. A set is taken whole
 * or refused whole (422, every problem by record or line); sent again under its key it answers the
 * first outcome (200, {@code Idempotent-Replayed}), and that holds across a restart, since the key
 * is kept in the same transaction as the records.
 */
@RestController
@Tag(name = "Delivery", description = "Delivery records and the client's answers")
class DeliveryApiController {

  private final Deliveries deliveries;

  DeliveryApiController(Deliveries deliveries) {
    this.deliveries = deliveries;
  }

  record Batch(List<NewDelivery> records) {}

  record BatchAnswer(UUID batchId, boolean replayed, ImportReport report) {}

  record DisputeBody(String reason) {}

  record SettlementBody(Boolean delivered, String note) {}

  @PostMapping("/api/v1/providers/{providerId}/deliveries")
  @PreAuthorize("hasRole('PROVIDER_STAFF')")
  @Operation(
      summary = "Record one delivery",
      description =
          "Checked against the agreement and the plan; refused with its problems (400). With an"
              + " Idempotency-Key, sending it again records it once.")
  ResponseEntity<DeliveryRecord> recordOne(
      @PathVariable UUID providerId,
      @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @RequestBody NewDelivery body) {
    DeliveryRecord r =
        deliveries.recordOne(
            providerId,
            key == null ? UUID.randomUUID().toString() : key,
            Deliveries.Source.API,
            body);
    return ResponseEntity.created(URI.create("/api/v1/deliveries/" + r.id()))
        .eTag(ETags.of(r.version()))
        .body(r);
  }

  @PostMapping(
      path = "/api/v1/providers/{providerId}/deliveries/batches",
      consumes = "application/json")
  @PreAuthorize("hasRole('PROVIDER_STAFF')")
  @Operation(
      summary = "Record a set of deliveries, all or none",
      description =
          "Needs an Idempotency-Key. Taken: 201; refused: 422 with every problem by record"
              + " (numbered from 1); sent again: 200 with Idempotent-Replayed; the same key with"
              + " other records: 409 (DLV-0119).")
  ResponseEntity<BatchAnswer> recordBatch(
      @PathVariable UUID providerId,
      @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @RequestBody Batch body) {
    return answer(
        providerId,
        deliveries.record(
            providerId,
            key,
            Deliveries.Source.API,
            body == null || body.records() == null ? List.of() : body.records()));
  }

  @PostMapping(path = "/api/v1/providers/{providerId}/deliveries/batches", consumes = "text/csv")
  @PreAuthorize("hasRole('PROVIDER_STAFF')")
  @Operation(
      summary = "Record a CSV file of deliveries, all or none",
      description = "As the JSON set; problems name the file's lines.")
  ResponseEntity<BatchAnswer> recordCsv(
      @PathVariable UUID providerId,
      @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @RequestBody String csv) {
    return answer(providerId, deliveries.recordCsv(providerId, key, csv));
  }

  @GetMapping("/api/v1/providers/{providerId}/deliveries/batches/{batchId}")
  @PreAuthorize("hasRole('PROVIDER_STAFF')")
  @Operation(summary = "The records of a set, in the order sent")
  List<DeliveryRecord> batch(@PathVariable UUID providerId, @PathVariable UUID batchId) {
    return deliveries.ofBatch(providerId, batchId);
  }

  @GetMapping("/api/v1/providers/{providerId}/deliveries")
  @PreAuthorize("hasRole('PROVIDER_STAFF')")
  @Operation(summary = "A page of the provider's records over a span of days, the latest first")
  PageResponse<DeliveryRecord> ofProvider(
      @PathVariable UUID providerId,
      @RequestParam LocalDate from,
      @RequestParam LocalDate to,
      @RequestParam(required = false) DeliveryRecord.Status status,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return deliveries.ofProvider(providerId, from, to, status, page, size);
  }

  @GetMapping("/api/v1/deliveries/{id}")
  @PreAuthorize("hasAnyRole('PROVIDER_STAFF', 'BENEFICIARY', 'CASE_WORKER', 'REGIONAL_OFFICER')")
  @Operation(summary = "A delivery record, with its version as ETag")
  ResponseEntity<DeliveryRecord> get(@PathVariable UUID id) {
    DeliveryRecord r = deliveries.get(id);
    return ResponseEntity.ok().eTag(ETags.of(r.version())).body(r);
  }

  @PostMapping("/api/v1/deliveries/{id}/withdrawal")
  @PreAuthorize("hasRole('PROVIDER_STAFF')")
  @Operation(summary = "Withdraw a record made by mistake, before it is confirmed or claimed")
  ResponseEntity<DeliveryRecord> withdraw(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    DeliveryRecord r =
        deliveries.withdraw(id, ETags.requireVersion(ifMatch, () -> deliveries.get(id).version()));
    return ResponseEntity.ok().eTag(ETags.of(r.version())).body(r);
  }

  @GetMapping("/api/v1/cases/{id}/deliveries")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER')")
  @Operation(summary = "What was delivered to a case's client, the latest first")
  List<DeliveryRecord> ofCase(@PathVariable UUID id) {
    return deliveries.ofCase(id).records();
  }

  @GetMapping("/api/v1/delivery-disputes")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER')")
  @Operation(summary = "Disputed records in the caller's territory, the oldest first")
  List<DeliveryRecord> disputes() {
    return deliveries.disputes();
  }

  @PostMapping("/api/v1/deliveries/{id}/confirmation")
  @PreAuthorize("hasAnyRole('BENEFICIARY', 'CASE_WORKER', 'REGIONAL_OFFICER')")
  @Operation(summary = "Confirm a record, as the client or a worker for them")
  ResponseEntity<DeliveryRecord> confirm(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    DeliveryRecord r =
        deliveries.confirm(id, ETags.requireVersion(ifMatch, () -> deliveries.get(id).version()));
    return ResponseEntity.ok().eTag(ETags.of(r.version())).body(r);
  }

  @PostMapping("/api/v1/deliveries/{id}/dispute")
  @PreAuthorize("hasAnyRole('BENEFICIARY', 'CASE_WORKER', 'REGIONAL_OFFICER')")
  @Operation(summary = "Dispute a record, saying why")
  ResponseEntity<DeliveryRecord> dispute(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody DisputeBody body) {
    DeliveryRecord r =
        deliveries.dispute(
            id,
            ETags.requireVersion(ifMatch, () -> deliveries.get(id).version()),
            body == null ? null : body.reason());
    return ResponseEntity.ok().eTag(ETags.of(r.version())).body(r);
  }

  @PostMapping("/api/v1/deliveries/{id}/settlement")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER')")
  @Operation(summary = "Settle a dispute: delivered after all, or not delivered")
  ResponseEntity<DeliveryRecord> settle(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody SettlementBody body) {
    DeliveryRecord r =
        deliveries.settle(
            id,
            ETags.requireVersion(ifMatch, () -> deliveries.get(id).version()),
            body == null ? null : body.delivered(),
            body == null ? null : body.note());
    return ResponseEntity.ok().eTag(ETags.of(r.version())).body(r);
  }

  private static ResponseEntity<BatchAnswer> answer(UUID providerId, Deliveries.Outcome o) {
    BatchAnswer body = new BatchAnswer(o.batchId(), o.replayed(), o.report());
    if (!o.accepted()) {
      return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(body);
    }
    if (o.replayed()) {
      return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(body);
    }
    return ResponseEntity.created(
            URI.create("/api/v1/providers/" + providerId + "/deliveries/batches/" + o.batchId()))
        .body(body);
  }
}
