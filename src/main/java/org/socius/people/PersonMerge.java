package org.socius.people;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A proposal to merge a duplicate record into the person kept, and what became of it. */
public record PersonMerge(
    UUID id,
    UUID keptId,
    UUID duplicateId,
    String reason,
    Status status,
    String proposedBy,
    OffsetDateTime proposedAt,
    String decidedBy,
    String note) {

  /** Where a merge stands. */
  public enum Status {
    /** Waiting for someone other than its proposer to review it. */
    PROPOSED,
    /** Done: the duplicate's incomes and memberships belong to the person kept. */
    MERGED,
    /** Reviewed and refused: the two records are different people. */
    REJECTED
  }
}
