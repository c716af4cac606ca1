package org.socius.audit;

/**
 * The one way modules write to the audit log. The actor, the time and the client's address are
 * taken from the running request. A change is recorded in the transaction that makes it, so the log
 * never holds a change that was rolled back nor misses one that was committed.
 */
public interface AuditLog {

  /**
   * Records a change. {@code before} and {@code after} are any values Jackson can write (records,
   * maps); null where there is no state (before a creation, after a deletion).
   */
  void recordChange(AuditedEntity entity, String action, Object before, Object after);

  /** Records that the actor opened a personal record. */
  void recordRead(AuditedEntity entity);
}
