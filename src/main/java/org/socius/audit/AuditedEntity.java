package org.socius.audit;

import java.util.UUID;

/**
 * The record an audit entry is about: its type (e.g. {@code user}), its id, and the territory it
 * belongs to, which decides which auditors may read the entry.
 */
public record AuditedEntity(String type, String id, UUID regionId, UUID municipalityId) {

  public static AuditedEntity of(String type, Object id, UUID regionId, UUID municipalityId) {
    return new AuditedEntity(type, id == null ? null : id.toString(), regionId, municipalityId);
  }

  /** A record of national reach, such as the country's own territory unit. */
  public static AuditedEntity national(String type, Object id) {
    return of(type, id, null, null);
  }
}
