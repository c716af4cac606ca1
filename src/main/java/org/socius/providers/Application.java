package org.socius.providers;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.socius.providers.ProviderKinds.ApplicationStatus;
import org.socius.providers.ProviderKinds.Decision;
import org.socius.providers.ProviderKinds.DocumentKind;
import org.socius.providers.ProviderKinds.RefusalReason;

/** An application to the register, with the services it asks for, its documents and history. */
public record Application(
    UUID id,
    UUID providerId,
    UUID regionId,
    ApplicationStatus status,
    OffsetDateTime submittedAt,
    LocalDate dueOn,
    OffsetDateTime decidedAt,
    List<AppliedService> services,
    List<DocumentInfo> documents,
    List<Event> events,
    int version) {

  /** Whether the review is still open past its statutory deadline. */
  public boolean overdueOn(LocalDate today) {
    return overdue(status, dueOn, today);
  }

  static boolean overdue(ApplicationStatus status, LocalDate dueOn, LocalDate today) {
    return dueOn != null
        && today.isAfter(dueOn)
        && (status == ApplicationStatus.SUBMITTED
            || status == ApplicationStatus.INFORMATION_REQUESTED
            || status == ApplicationStatus.APPEALED);
  }

  /** One service applied for, at one service point, and its decision. */
  public record AppliedService(
      UUID id,
      UUID serviceTypeId,
      UUID servicePointId,
      int capacity,
      Decision decision,
      RefusalReason refusalReason,
      String refusalText,
      String appealText) {}

  /** A document's facts; its bytes are fetched on their own. */
  public record DocumentInfo(
      UUID id,
      DocumentKind kind,
      String filename,
      String contentType,
      int sizeBytes,
      OffsetDateTime uploadedAt,
      String uploadedBy) {}

  /** A step in the application's history. */
  public record Event(OffsetDateTime at, String actorName, String kind, String note) {}
}
