package org.socius.providers;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.socius.providers.ProviderKinds.ChangeKind;
import org.socius.providers.ProviderKinds.ChangeStatus;

/**
 * A registered provider's request to change what the register shows: a registered service's
 * capacity, or a service point (then {@code point} holds the point as it would become).
 */
public record ChangeRequest(
    UUID id,
    UUID providerId,
    String providerName,
    UUID regionId,
    ChangeKind kind,
    UUID registeredServiceId,
    UUID serviceTypeId,
    UUID servicePointId,
    String servicePointName,
    int capacity,
    ServicePointDetails point,
    String explanation,
    ChangeStatus status,
    String submittedBy,
    OffsetDateTime submittedAt,
    LocalDate dueOn,
    String decidedBy,
    OffsetDateTime decidedAt,
    String decisionNote) {

  /** Still waiting for a decision after its statutory deadline. */
  public boolean overdue(LocalDate today) {
    return status == ChangeStatus.SUBMITTED && today.isAfter(dueOn);
  }
}
