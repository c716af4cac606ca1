package org.socius.delivery.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.socius.delivery.BankAccount;
import org.socius.delivery.BudgetLine;
import org.socius.delivery.Budgets;
import org.socius.delivery.Claim;
import org.socius.delivery.Claims;
import org.socius.delivery.PaymentRun;
import org.socius.delivery.Payments;
import org.socius.delivery.Voucher;
import org.socius.delivery.Vouchers;
import org.socius.platform.api.ETags;
import org.socius.platform.api.ImportReport;
import org.socius.platform.errors.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Money through the API: vouchers issued and redeemed, the region's claims built, reviewed and
 * approved (changes name the claim's version in {@code If-Match}), payment runs with their pain.001
 * file and the bank's report, and budget lines with their administrative cost. The region is the
 * officer's own.
 */
@RestController
@Tag(name = "Money", description = "Vouchers, claims, payment runs and budgets")
class MoneyApiController {

  private final Vouchers vouchers;
  private final Claims claims;
  private final Payments payments;
  private final Budgets budgets;

  MoneyApiController(Vouchers vouchers, Claims claims, Payments payments, Budgets budgets) {
    this.vouchers = vouchers;
    this.claims = claims;
    this.payments = payments;
    this.budgets = budgets;
  }

  record IssueBody(UUID schemeId) {}

  record AccountBody(String holder, String iban, String bic) {
    BankAccount typed() {
      return BankAccount.typed(holder, iban, bic);
    }
  }

  record RedemptionBody(String code, UUID registeredServiceId, BigDecimal used) {}

  record BuildBody(YearMonth month, UUID providerId) {}

  record RejectionBody(String reason) {}

  record RunBody(LocalDate requestedOn) {}

  record CostBody(LocalDate incurredOn, BigDecimal amount, String description) {}

  @GetMapping("/api/v1/voucher-schemes")
  @PreAuthorize("hasRole('REGIONAL_OFFICER')")
  @Operation(summary = "The voucher schemes of the officer's region")
  List<Voucher.Scheme> schemes() {
    return vouchers.schemes(Claims.officersRegion());
  }

  @PostMapping("/api/v1/voucher-schemes")
  @PreAuthorize("hasRole('REGIONAL_OFFICER')")
  @Operation(
      summary = "Define a voucher scheme of the officer's region",
      description = "Services by their catalogue codes; a value in money or in units of service.")
  ResponseEntity<Voucher.Scheme> defineScheme(@RequestBody Vouchers.NewScheme body) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(vouchers.defineScheme(Claims.officersRegion(), body));
  }

  @GetMapping("/api/v1/region-account")
  @PreAuthorize("hasRole('REGIONAL_OFFICER')")
  @Operation(summary = "The account the officer's region pays claims from (404 while none is set)")
  BankAccount regionAccount() {
    UUID region = Claims.officersRegion();
    return payments
        .regionAccount(region)
        .orElseThrow(() -> new NotFoundException("region-account", region));
  }

  @PutMapping("/api/v1/region-account")
  @PreAuthorize("hasRole('REGIONAL_OFFICER')")
  @Operation(summary = "Set the account the officer's region pays claims from (IBAN checked)")
  BankAccount setRegionAccount(@RequestBody AccountBody body) {
    return payments.setRegionAccount(Claims.officersRegion(), body.typed());
  }

  @GetMapping("/api/v1/providers/{providerId}/payee-account")
  @PreAuthorize("hasRole('PROVIDER_STAFF')")
  @Operation(summary = "The account the caller's provider is paid to (404 while none is set)")
  BankAccount payeeAccount(@PathVariable UUID providerId) {
    return payments
        .payeeAccount(providerId)
        .orElseThrow(() -> new NotFoundException("payee-account", providerId));
  }

  @PutMapping("/api/v1/providers/{providerId}/payee-account")
  @PreAuthorize("hasRole('PROVIDER_STAFF')")
  @Operation(summary = "Set the account the caller's provider is paid to (IBAN checked)")
  BankAccount setPayeeAccount(@PathVariable UUID providerId, @RequestBody AccountBody body) {
    return payments.setPayeeAccount(providerId, body.typed());
  }

  @PostMapping("/api/v1/people/{personId}/vouchers")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER')")
  @Operation(summary = "Issue a voucher of a scheme of the person's region to the person")
  ResponseEntity<Voucher> issue(@PathVariable UUID personId, @RequestBody IssueBody body) {
    Voucher v = vouchers.issue(body == null ? null : body.schemeId(), personId);
    return ResponseEntity.created(URI.create("/api/v1/vouchers/" + v.id())).body(v);
  }

  @GetMapping("/api/v1/vouchers/{id}")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER')")
  @Operation(summary = "A voucher of the caller's territory, with what it still holds")
  Voucher voucher(@PathVariable UUID id) {
    return vouchers.get(id);
  }

  @PostMapping("/api/v1/voucher-redemptions")
  @PreAuthorize("hasRole('PROVIDER_STAFF')")
  @Operation(
      summary = "Redeem a voucher by its code at one of the caller's registered services",
      description =
          "Refused (400 or 409) for another service or region, more than it holds, an expired,"
              + " spent or cancelled voucher; of concurrent redemptions only those it covers pass.")
  ResponseEntity<Vouchers.Redemption> redeem(@RequestBody RedemptionBody body) {
    Vouchers.Redemption r = vouchers.redeem(body.code(), body.registeredServiceId(), body.used());
    return ResponseEntity.status(HttpStatus.CREATED).body(r);
  }

  @GetMapping("/api/v1/claims")
  @PreAuthorize("hasRole('REGIONAL_OFFICER')")
  @Operation(summary = "The claims of a month in the officer's region")
  List<Claim> claims(@RequestParam YearMonth month) {
    return claims.ofRegion(Claims.officersRegion(), month);
  }

  @PostMapping("/api/v1/claims")
  @PreAuthorize("hasRole('REGIONAL_OFFICER')")
  @Operation(
      summary = "Build a past month's claims in the officer's region (one provider's if named)",
      description = "Answers the claims built; a month not over is refused (DLV-0201).")
  List<Claim> build(@RequestBody BuildBody body) {
    return claims.build(Claims.officersRegion(), body.month(), body.providerId());
  }

  @GetMapping("/api/v1/claims/{id}")
  @PreAuthorize("hasAnyRole('REGIONAL_OFFICER', 'PROVIDER_STAFF')")
  @Operation(summary = "A claim, with its version as ETag")
  ResponseEntity<Claim> claim(@PathVariable UUID id) {
    Claim c = claims.get(id);
    return ResponseEntity.ok().eTag(ETags.of(c.version())).body(c);
  }

  @GetMapping("/api/v1/claims/{id}/lines")
  @PreAuthorize("hasAnyRole('REGIONAL_OFFICER', 'PROVIDER_STAFF')")
  @Operation(summary = "A claim's lines")
  List<Claim.Line> lines(@PathVariable UUID id) {
    return claims.lines(id);
  }

  @PostMapping("/api/v1/claims/{id}/lines/{itemId}/rejection")
  @PreAuthorize("hasRole('REGIONAL_OFFICER')")
  @Operation(summary = "Reject a line of a claim under review, saying why")
  ResponseEntity<Claim> reject(
      @PathVariable UUID id,
      @PathVariable UUID itemId,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody RejectionBody body) {
    Claim c =
        claims.rejectLine(
            id,
            ETags.requireVersion(ifMatch, () -> claims.get(id).version()),
            itemId,
            body == null ? null : body.reason());
    return ResponseEntity.ok().eTag(ETags.of(c.version())).body(c);
  }

  @PostMapping("/api/v1/claims/{id}/approval")
  @PreAuthorize("hasRole('REGIONAL_OFFICER')")
  @Operation(summary = "Approve a claim under review; advances are offset first")
  ResponseEntity<Claim> approve(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    Claim c = claims.approve(id, ETags.requireVersion(ifMatch, () -> claims.get(id).version()));
    return ResponseEntity.ok().eTag(ETags.of(c.version())).body(c);
  }

  @PostMapping("/api/v1/payment-runs")
  @PreAuthorize("hasRole('REGIONAL_OFFICER')")
  @Operation(summary = "Pay the approved claims of the officer's region not yet ordered")
  ResponseEntity<PaymentRun> createRun(@RequestBody RunBody body) {
    PaymentRun run =
        payments.createRun(Claims.officersRegion(), body == null ? null : body.requestedOn());
    return ResponseEntity.created(URI.create("/api/v1/payment-runs/" + run.id())).body(run);
  }

  @GetMapping("/api/v1/payment-runs/{id}")
  @PreAuthorize("hasRole('REGIONAL_OFFICER')")
  @Operation(summary = "A payment run and its orders")
  PaymentRun run(@PathVariable UUID id) {
    return payments.run(id);
  }

  @GetMapping("/api/v1/payment-runs/{id}/pain001")
  @PreAuthorize("hasRole('REGIONAL_OFFICER')")
  @Operation(summary = "The run as the bank takes it: ISO 20022 pain.001.001.09 (XML)")
  ResponseEntity<byte[]> pain001(@PathVariable UUID id) {
    // The type is set here rather than declared, so that a run not found answers as a problem.
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(payments.pain001(id));
  }

  @PostMapping(path = "/api/v1/payment-runs/{id}/reconciliation", consumes = "text/csv")
  @PreAuthorize("hasRole('REGIONAL_OFFICER')")
  @Operation(
      summary = "Mark paid what the bank booked",
      description = "CSV: end_to_end_id,amount,booked_on. Any wrong line changes nothing (422).")
  ResponseEntity<ImportReport> reconcile(@PathVariable UUID id, @RequestBody String csv) {
    ImportReport report = payments.reconcile(id, csv);
    return ResponseEntity.status(
            report.accepted() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
        .body(report);
  }

  @GetMapping("/api/v1/budgets")
  @PreAuthorize("hasRole('REGIONAL_OFFICER')")
  @Operation(summary = "The officer's region's budget lines of a year, with where each stands")
  List<BudgetLine> budgetLines(@RequestParam int year) {
    return budgets.lines(Claims.officersRegion(), year);
  }

  @PostMapping("/api/v1/budgets")
  @PreAuthorize("hasRole('REGIONAL_OFFICER')")
  @Operation(summary = "Set a programme's budget line for a year")
  ResponseEntity<BudgetLine> defineLine(@RequestBody Budgets.NewLine body) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(budgets.define(Claims.officersRegion(), body));
  }

  @PostMapping("/api/v1/budgets/{id}/administrative-costs")
  @PreAuthorize("hasRole('REGIONAL_OFFICER')")
  @Operation(summary = "Record an administrative cost of the programme against its line")
  BudgetLine recordCost(@PathVariable UUID id, @RequestBody CostBody body) {
    return budgets.recordAdministrativeCost(
        id, body.incurredOn(), body.amount(), body.description());
  }
}
