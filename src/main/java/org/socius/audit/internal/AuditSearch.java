package org.socius.audit.internal;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What an auditor looks for; every part is optional. Pages and the API bind it straight from the
 * query string ({@code ?actor=...&from=2026-01-01}).
 */
public record AuditSearch(
    String actor,
    String entityType,
    String entityId,
    String action,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

  public static AuditSearch everything() {
    return new AuditSearch(null, null, null, null, null, null);
  }
}
