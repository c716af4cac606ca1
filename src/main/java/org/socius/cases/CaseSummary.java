package org.socius.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.socius.accounts.Sector;

/** A line of a caseload: the case, its worker, and the step it is at with its deadline. */
public record CaseSummary(
    UUID id,
    String reference,
    UUID personId,
    Sector sector,
    Case.Source source,
    boolean urgent,
    Case.Status status,
    UUID workerId,
    String workerName,
    OffsetDateTime openedAt,
    Case.StepKind currentKind,
    LocalDate currentDue) {

  public boolean overdue(LocalDate today) {
    return currentDue != null && today.isAfter(currentDue);
  }
}
