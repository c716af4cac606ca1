package org.socius.benefits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A re-evaluation of a programme's households under the rules in force from {@code effectiveOn}: a
 * recertification decides again for every entitled household, all at once or not at all; a what-if
 * run evaluates a draft version against the whole register and changes nothing.
 */
public record RecertificationRun(
    UUID id,
    UUID programmeId,
    boolean whatIf,
    UUID programmeVersionId,
    UUID regionId,
    LocalDate effectiveOn,
    Status status,
    long total,
    long processed,
    List<RegionSummary> summary,
    String failure,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt,
    String startedBy) {

  /** Where a run stands. */
  public enum Status {
    /** Evaluating; nothing is applied until the end. */
    RUNNING,
    /** Done: a recertification's decisions and entitlements are all in place. */
    COMPLETED,
    /** Stopped by an error: nothing was applied. */
    FAILED,
    /** Its node stopped while it ran: nothing was applied. */
    INTERRUPTED
  }

  /**
   * A region's outcome: households evaluated; kept, changed and ended entitlements (a what-if run
   * also counts households that would newly qualify); how many gain and lose; the monthly cost
   * before and after, in cents.
   */
  public record RegionSummary(
      UUID regionId,
      long households,
      long kept,
      long changed,
      long ended,
      long newlyEligible,
      long gained,
      long lost,
      long costBeforeCents,
      long costAfterCents) {

    public String costBefore() {
      return BigDecimal.valueOf(costBeforeCents, 2).toPlainString();
    }

    public String costAfter() {
      return BigDecimal.valueOf(costAfterCents, 2).toPlainString();
    }

    public String costChange() {
      return BigDecimal.valueOf(costAfterCents - costBeforeCents, 2).toPlainString();
    }
  }

  /** Share of the work done, 0 to 100, for a progress bar. */
  public int percent() {
    if (status == Status.COMPLETED) {
      return 100;
    }
    return total == 0 ? 0 : (int) Math.min(100, processed * 100 / total);
  }

  /** The whole run's figures, all regions together. */
  public RegionSummary totals() {
    long[] t = new long[9];
    for (RegionSummary r : summary) {
      long[] v = {
        r.households(),
        r.kept(),
        r.changed(),
        r.ended(),
        r.newlyEligible(),
        r.gained(),
        r.lost(),
        r.costBeforeCents(),
        r.costAfterCents()
      };
      for (int i = 0; i < t.length; i++) {
        t[i] += v[i];
      }
    }
    return new RegionSummary(null, t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8]);
  }
}
