package org.socius.providers;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.socius.providers.ProviderKinds.ApplicationStatus;

/** An application as lists show it: read in one query, without its documents and history. */
public record ApplicationSummary(
    UUID id,
    UUID providerId,
    String providerName,
    UUID regionId,
    ApplicationStatus status,
    OffsetDateTime submittedAt,
    LocalDate dueOn,
    int serviceCount) {

  /** Whether the review is still open past its statutory deadline. */
  public boolean overdueOn(LocalDate today) {
    return Application.overdue(status, dueOn, today);
  }
}
