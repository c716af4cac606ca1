package org.socius.audit.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.socius.audit.internal.AuditEntries;
import org.socius.audit.internal.AuditEntry;
import org.socius.audit.internal.AuditSearch;
import org.socius.audit.internal.ChainVerification;
import org.socius.platform.api.PageResponse;
import org.socius.platform.api.Paging;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log over JSON, for auditors. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('AUDITOR')")
@Tag(name = "Audit", description = "The append-only, hash-chained audit log")
class AuditApiController {

  private final AuditEntries entries;

  AuditApiController(AuditEntries entries) {
    this.entries = entries;
  }

  @GetMapping("/entries")
  PageResponse<AuditEntry> search(
      @ParameterObject AuditSearch search,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    Paging.check(page, size);
    return entries.search(search, page, size);
  }

  @GetMapping("/verification")
  @Operation(summary = "Recompute the hash chain and report where it is broken, if anywhere")
  ChainVerification verify() {
    return entries.verify();
  }
}
