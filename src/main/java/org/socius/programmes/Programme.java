package org.socius.programmes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A programme of assistance and the versions of its rules. */
public record Programme(
    UUID id,
    String code,
    String name,
    String description,
    Kind kind,
    int position,
    boolean lastResort,
    List<Version> versions) {

  /** What the programme gives. */
  public enum Kind {
    CASH,
    IN_KIND,
    SERVICE,
    VOUCHER,
    /**
     * What a client pays toward the services of their plan: not applied for; its criteria say who
     * pays and its formula the monthly ceiling.
     */
    CONTRIBUTION
  }

  /** Whether a version may still change. */
  public enum Status {
    DRAFT,
    PUBLISHED
  }

  /**
   * One version of the rules, in force from its date until the next published version's; the
   * regional values override the national parameters in their region.
   */
  public record Version(
      UUID id,
      int number,
      LocalDate effectiveFrom,
      Status status,
      List<Rules.Criterion> criteria,
      String formula,
      Map<String, Long> parameters,
      Map<UUID, Map<String, Long>> regionalParameters,
      OffsetDateTime publishedAt,
      String publishedBy) {

    /** The rules as they apply in a region (null: the national values). */
    public Rules rulesIn(UUID regionId) {
      Map<String, Long> values = new java.util.HashMap<>(parameters);
      if (regionId != null) {
        values.putAll(regionalParameters.getOrDefault(regionId, Map.of()));
      }
      return new Rules(criteria, formula, values);
    }
  }
}
