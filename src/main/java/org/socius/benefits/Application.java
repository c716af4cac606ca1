package org.socius.benefits;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socius.platform.security.Role;

/** An application of a household for a programme, and where it stands in the workflow. */
public record Application(
    UUID id,
    String reference,
    UUID programmeId,
    UUID householdId,
    UUID applicantId,
    UUID regionId,
    UUID municipalityId,
    Channel channel,
    String representative,
    boolean urgent,
    String language,
    Status status,
    Integer currentStep,
    OffsetDateTime submittedAt,
    String submittedBy,
    UUID decisionId,
    int version,
    List<Step> steps,
    List<Evidence> evidence,
    List<Objection> objections,
    Optional<Notice> notice) {

  /** Who brought the application. */
  public enum Channel {
    /** The person applied. */
    PERSON,
    /** A representative applied for them. */
    REPRESENTATIVE,
    /** A worker opened it after finding the household in need. */
    PROACTIVE
  }

  /** Where the application stands. */
  public enum Status {
    /** Going through the workflow's steps. */
    IN_PROGRESS,
    /** Decided: the household is entitled. */
    GRANTED,
    /** Decided: the household is not entitled; the decision says which criterion failed. */
    REFUSED,
    /** The applicant withdrew it. */
    WITHDRAWN
  }

  /** A step as this application goes through it. */
  public record Step(
      int position,
      Workflow.StepKind kind,
      Role role,
      int workingDays,
      OffsetDateTime startedAt,
      OffsetDateTime dueAt,
      OffsetDateTime completedAt,
      String completedBy,
      String note) {

    public boolean overdue(OffsetDateTime now) {
      return completedAt == null && dueAt != null && now.isAfter(dueAt);
    }
  }

  /** A document the applicant brought or the investigation gathered. */
  public record Evidence(
      UUID id, EvidenceKind kind, String description, LocalDate receivedOn, String recordedBy) {}

  /** Kinds of evidence. */
  public enum EvidenceKind {
    IDENTITY,
    INCOME,
    HOUSEHOLD,
    DISABILITY,
    HOUSING,
    VISIT_REPORT,
    INQUIRY_LETTER,
    OTHER
  }

  /** An objection to the public notice and, once given, its answer. */
  public record Objection(
      UUID id,
      String text,
      OffsetDateTime receivedAt,
      OffsetDateTime answeredAt,
      String answeredBy,
      String answer) {}

  /** The public notice of the provisional decision, as the public sees it. */
  public record Notice(
      String reference,
      String programmeName,
      String municipalityName,
      int householdSize,
      boolean eligible,
      long amountCents,
      LocalDate publishedOn,
      LocalDate endsOn) {

    public String amount() {
      return java.math.BigDecimal.valueOf(amountCents, 2).toPlainString();
    }
  }

  /** The step to act on now, if the application is still in progress. */
  public Optional<Step> current() {
    return currentStep == null
        ? Optional.empty()
        : steps.stream().filter(s -> s.position() == currentStep).findFirst();
  }
}
