package org.socius.benefits;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.socius.platform.security.Role;

/** A row of a list of applications: enough to find one and to see what is due or overdue. */
public record ApplicationSummary(
    UUID id,
    String reference,
    UUID programmeId,
    UUID householdId,
    UUID applicantId,
    Application.Status status,
    boolean urgent,
    OffsetDateTime submittedAt,
    Workflow.StepKind currentKind,
    Role currentRole,
    OffsetDateTime currentDue) {

  public boolean overdue(OffsetDateTime now) {
    return currentDue != null && now.isAfter(currentDue);
  }
}
