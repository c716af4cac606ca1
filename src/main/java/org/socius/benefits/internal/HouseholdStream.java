package org.socius.benefits.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.socius.people.MemberFacts;
import org.socius.people.People;
import org.socius.platform.security.CurrentScope;
import org.socius.programmes.HouseholdFacts;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the register's households on a thread and a connection of their own, so that PostgreSQL
 * produces the next rows while the run evaluates and writes the previous ones. Households come in
 * batches, each a list of members; an empty batch marks the end.
 */
final class HouseholdStream implements Runnable {

  static final int HOUSEHOLDS_PER_BATCH = 2_000;

  private static final List<List<MemberFacts>> END = List.of();

  private final People people;
  private final TransactionTemplate readOnly;
  private final UUID regionId;
  private final LocalDate on;
  private final MemberFacts.Wanted wanted;
  // Room for the reading to run ahead while the run loads the programme's entitlements (over a
  // second for a million): some tens of megabytes at most.
  private final BlockingQueue<List<List<MemberFacts>>> queue = new ArrayBlockingQueue<>(64);
  private volatile Throwable failure;
  private volatile long firstRowNanos;
  private volatile long waitingNanos;
  private final long started = System.nanoTime();

  HouseholdStream(
      People people,
      TransactionTemplate readOnly,
      UUID regionId,
      LocalDate on,
      MemberFacts.Wanted wanted) {
    this.people = people;
    this.readOnly = readOnly;
    this.regionId = regionId;
    this.on = on;
    this.wanted = wanted;
  }

  @Override
  public void run() {
    try {
      CurrentScope.asSystem(
          () ->
              readOnly.executeWithoutResult(
                  status -> {
                    Grouping grouping = new Grouping();
                    people.forEachMember(
                        regionId,
                        on,
                        HouseholdFacts.firstIncomeMonth(on),
                        HouseholdFacts.lastIncomeMonth(on),
                        wanted,
                        grouping::accept);
                    grouping.finish();
                  }));
      put(END);
    } catch (Throwable e) {
      // Whatever stopped the reading, the run learns of it rather than waiting for rows.
      failure = e;
      queue.clear();
      queue.offer(END);
    }
  }

  /** The next batch of households; empty at the end. */
  List<List<MemberFacts>> next() throws InterruptedException {
    List<List<MemberFacts>> batch = queue.take();
    if (batch.isEmpty() && failure != null) {
      throw new IllegalStateException(
          "Reading the register failed: " + failure.getMessage(), failure);
    }
    return batch;
  }

  /** How long PostgreSQL took to send the first row. */
  long firstRowNanos() {
    return firstRowNanos;
  }

  /** How long the reader waited for the run to take its batches. */
  long waitingNanos() {
    return waitingNanos;
  }

  private void put(List<List<MemberFacts>> batch) {
    try {
      long before = System.nanoTime();
      queue.put(batch);
      waitingNanos += System.nanoTime() - before;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("The run was stopped", e);
    }
  }

  /** Members arrive ordered by household: a change of household closes the previous one. */
  private final class Grouping {
    private List<List<MemberFacts>> batch = new ArrayList<>(HOUSEHOLDS_PER_BATCH);
    private List<MemberFacts> household = new ArrayList<>(4);

    void accept(MemberFacts member) {
      if (firstRowNanos == 0) {
        firstRowNanos = System.nanoTime() - started;
      }
      if (!household.isEmpty()
          && !household.getFirst().householdId().equals(member.householdId())) {
        close();
      }
      household.add(member);
    }

    private void close() {
      batch.add(household);
      household = new ArrayList<>(4);
      if (batch.size() == HOUSEHOLDS_PER_BATCH) {
        put(batch);
        batch = new ArrayList<>(HOUSEHOLDS_PER_BATCH);
      }
    }

    void finish() {
      if (!household.isEmpty()) {
        close();
      }
      if (!batch.isEmpty()) {
        put(batch);
      }
    }
  }
}
