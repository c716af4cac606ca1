package org.socius.benefits.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Writes a run's decisions on a thread of its own, on the run's connection (which nobody else uses
 * meanwhile): each batch is copied into a temporary table and moved into {@code benefits.decision}
 * from there, since PostgreSQL refuses {@code COPY} into a table under row-level security, and the
 * entitlements the batch changes are closed and reopened with it. Batches are handed over through a
 * short queue, so that the evaluation of the next batch overlaps the writing of this one. All of it
 * happens in the run's one transaction: a run that stops applies nothing.
 */
final class DecisionWriter implements Runnable {

  static final String DECISION_COLUMNS =
      "id, programme_id, programme_version_id, household_id, application_id, run_id, region_id,"
          + " municipality_id, outcome, amount_cents, previous_cents, decided_on, decided_by,"
          + " explanation";

  /**
   * A batch of rows in {@code COPY}'s binary format: decisions, and the entitlements they change
   * (null when none do).
   */
  record Batch(byte[] decisions, byte[] changes, int changeCount) {}

  private static final Batch END = new Batch(null, null, 0);

  /**
   * Entitlement changes gathered before they are applied: in a few large statements rather than one
   * small set per batch, whose fixed costs (statistics, planning, a fresh temporary file) came to
   * about a tenth of the time.
   */
  private static final int APPLY_EVERY = 25_000;

  private final Connection connection;
  private final CopyManager copy;
  private final LocalDate effectiveOn;
  private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(2);
  private volatile Throwable failure;
  private volatile long writingNanos;
  private volatile long copyNanos;
  private volatile long insertNanos;
  private volatile long changesNanos;
  private long submitWaitNanos;
  private int pendingChanges;

  /** A writer on the run's connection; entitlements it changes close on {@code effectiveOn}. */
  DecisionWriter(Connection connection, LocalDate effectiveOn) throws SQLException {
    this.connection = connection;
    this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
    this.effectiveOn = effectiveOn;
  }

  /** Prepares the temporary tables, dropped when the run's transaction ends. */
  void prepare() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(
          "create temp table recert_decision (like benefits.decision including defaults)"
              + " on commit drop");
      // Checked as JSON once, on the way into the decisions.
      s.execute("alter table recert_decision alter column explanation type text");
      s.execute(
          "create temp table recert_change (entitlement_id uuid, decision_id uuid,"
              + " amount_cents bigint, programme_id uuid, household_id uuid, region_id uuid,"
              + " municipality_id uuid, new_id uuid) on commit drop");
    }
  }

  /** Hands a batch over, waiting while two are still being written. */
  void submit(Batch batch) throws InterruptedException {
    if (failure != null) {
      throw new IllegalStateException("Writing decisions failed: " + failure.getMessage(), failure);
    }
    long before = System.nanoTime();
    queue.put(batch);
    submitWaitNanos += System.nanoTime() - before;
  }

  /** How long the evaluating thread waited for the writer to take a batch. */
  long submitWaitNanos() {
    return submitWaitNanos;
  }

  void finish() throws InterruptedException {
    queue.put(END);
  }

  @Override
  public void run() {
    try {
      for (Batch batch = queue.take(); batch != END; batch = queue.take()) {
        if (failure == null) {
          write(batch);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable e) {
      failure = e;
      // Keep taking batches so that the evaluating thread never waits on a full queue.
      try {
        while (queue.take() != END) {
          // discarded: the run fails and its transaction rolls back
        }
      } catch (InterruptedException stopped) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Writes one batch now, on the calling thread (when no writer thread runs). */
  void write(Batch batch) throws SQLException {
    long started = System.nanoTime();
    copyIn(
        "copy recert_decision (" + DECISION_COLUMNS + ") from stdin (format binary)",
        batch.decisions());
    copyIn(
        "copy recert_change (entitlement_id, decision_id, amount_cents, programme_id,"
            + " household_id, region_id, municipality_id, new_id) from stdin (format binary)",
        batch.changes());
    long copied = System.nanoTime();
    try (Statement s = connection.createStatement()) {
      s.execute(
          "insert into benefits.decision ("
              + DECISION_COLUMNS
              + ") select "
              + DECISION_COLUMNS.replace("explanation", "explanation::json")
              + " from recert_decision");
      s.execute("truncate recert_decision");
    }
    long inserted = System.nanoTime();
    pendingChanges += batch.changeCount();
    if (pendingChanges >= APPLY_EVERY) {
      applyChanges();
    }
    long done = System.nanoTime();
    copyNanos += copied - started;
    insertNanos += inserted - copied;
    changesNanos += done - inserted;
    writingNanos += done - started;
  }

  /** Applies the entitlement changes still gathered: the run's last writing. */
  void finishChanges() throws SQLException {
    long started = System.nanoTime();
    if (pendingChanges > 0) {
      applyChanges();
    }
    changesNanos += System.nanoTime() - started;
    writingNanos += System.nanoTime() - started;
  }

  /**
   * Closes the gathered changed and ended entitlements on the run's date and opens the changed ones
   * anew, while the next batches are being evaluated. The table's statistics are taken first so
   * that PostgreSQL looks the entitlements up by their key instead of reading them all.
   */
  private void applyChanges() throws SQLException {
    pendingChanges = 0;
    try (Statement s = connection.createStatement()) {
      s.execute("analyze recert_change");
    }
    try (PreparedStatement close =
        connection.prepareStatement(
            "update benefits.entitlement e set valid_to = ?"
                + " from recert_change c where e.id = c.entitlement_id")) {
      close.setObject(1, effectiveOn);
      close.executeUpdate();
    }
    try (PreparedStatement open =
        connection.prepareStatement(
            "insert into benefits.entitlement (id, programme_id, household_id, region_id,"
                + " municipality_id, decision_id, amount_cents, valid_from)"
                + " select new_id, programme_id, household_id, region_id, municipality_id,"
                + " decision_id, amount_cents, ? from recert_change where amount_cents > 0")) {
      open.setObject(1, effectiveOn);
      open.executeUpdate();
    }
    try (Statement s = connection.createStatement()) {
      s.execute("truncate recert_change");
    }
  }

  /** Throws what went wrong in the writer thread, if anything. */
  void check() {
    if (failure != null) {
      throw new IllegalStateException("Writing decisions failed: " + failure.getMessage(), failure);
    }
  }

  long writingNanos() {
    return writingNanos;
  }

  /** Where the writing went: copying batches in, moving decisions over, changing entitlements. */
  String writingPhases() {
    return "copy %d ms, decisions %d ms, entitlements %d ms"
        .formatted(copyNanos / 1_000_000, insertNanos / 1_000_000, changesNanos / 1_000_000);
  }

  private void copyIn(String sql, byte[] bytes) throws SQLException {
    if (bytes == null) {
      return;
    }
    CopyIn in = copy.copyIn(sql);
    try {
      in.writeToCopy(bytes, 0, bytes.length);
      in.endCopy();
    } finally {
      if (in.isActive()) {
        in.cancelCopy();
      }
    }
  }
}
