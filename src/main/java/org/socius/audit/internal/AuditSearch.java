package org.socius.audit.internal;

import java.time.LocalDate;

/** What an auditor looks for; every part is optional. */
public record AuditSearch(
    String actor, String entityType, String entityId, String action, LocalDate from, LocalDate to) {

  public static AuditSearch everything() {
    return new AuditSearch(null, null, null, null, null, null);
  }
}
