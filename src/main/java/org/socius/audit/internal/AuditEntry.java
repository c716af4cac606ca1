package org.socius.audit.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry as the auditor sees it. */
public record AuditEntry(
    long seq,
    OffsetDateTime occurredAt,
    UUID actorId,
    String actorName,
    String action,
    String entityType,
    String entityId,
    UUID regionId,
    UUID municipalityId,
    String clientAddress,
    String before,
    String after,
    String hash) {}
