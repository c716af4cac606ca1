package org.socius.cases;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A beneficiary's account with access to a case: the client's own, or their representative's. It
 * reads the case's steps, plan and agreements, changes providers and writes to the worker.
 */
public record CaseAccess(
    UUID id,
    UUID caseId,
    UUID userId,
    String displayName,
    Capacity capacity,
    OffsetDateTime givenAt,
    String givenBy) {

  /** In whose name the account acts. */
  public enum Capacity {
    CLIENT,
    REPRESENTATIVE;

    /** How a plan records who agreed to it. */
    Plan.AgreedAs agreedAs() {
      return this == CLIENT ? Plan.AgreedAs.CLIENT : Plan.AgreedAs.REPRESENTATIVE;
    }
  }
}
