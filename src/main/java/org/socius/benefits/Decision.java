package org.socius.benefits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A decision on a household's entitlement to a programme, with its explanation as it was made: each
 * criterion with the values it used and whether it passed, and the amount's formula with its
 * values. Decisions are never changed; a later one (a recertification, an upheld appeal) follows.
 */
public record Decision(
    UUID id,
    UUID programmeId,
    UUID programmeVersionId,
    UUID householdId,
    UUID applicationId,
    UUID runId,
    UUID regionId,
    UUID municipalityId,
    Outcome outcome,
    long amountCents,
    Long previousCents,
    LocalDate decidedOn,
    String decidedBy,
    Explanation explanation,
    OffsetDateTime decidedAt,
    List<Appeal> appeals) {

  /** What was decided. */
  public enum Outcome {
    /** An application granted. */
    GRANTED,
    /** An application refused. */
    REFUSED,
    /** Recertified: entitled as before, same amount. */
    KEPT,
    /** Recertified: still entitled, with another amount. */
    CHANGED,
    /** Recertified: no longer entitled. */
    ENDED;

    public boolean entitles() {
      return this == GRANTED || this == KEPT || this == CHANGED;
    }
  }

  /** Why: each criterion's outcome and values, and the formula's values. */
  public record Explanation(List<Criterion> criteria, String formula, Map<String, Object> values) {

    public List<String> failed() {
      return criteria.stream().filter(c -> !c.passed()).map(Criterion::name).toList();
    }
  }

  /** One criterion as it was evaluated. */
  public record Criterion(
      String name, String expression, boolean passed, Map<String, Object> values) {}

  /** An appeal against the decision. */
  public record Appeal(
      UUID id,
      String reason,
      OffsetDateTime lodgedAt,
      String lodgedBy,
      LocalDate dueOn,
      AppealStatus status,
      String resolution,
      String resolvedBy,
      UUID newDecisionId) {}

  /** Where an appeal stands. */
  public enum AppealStatus {
    /** Waiting for an answer. */
    OPEN,
    /** The appeal was right: the household was assessed again and a new decision made. */
    UPHELD,
    /** The decision stands. */
    DISMISSED
  }

  public String amount() {
    return BigDecimal.valueOf(amountCents, 2).toPlainString();
  }

  public String previousAmount() {
    return previousCents == null ? null : BigDecimal.valueOf(previousCents, 2).toPlainString();
  }
}
