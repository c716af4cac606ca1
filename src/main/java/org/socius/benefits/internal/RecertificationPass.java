package org.socius.benefits.internal;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.postgresql.PGStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socius.benefits.Decision.Outcome;
import org.socius.benefits.RecertificationRun.RegionSummary;
import org.socius.people.MemberFacts;
import org.socius.people.People;
import org.socius.platform.Ids;
import org.socius.programmes.CompiledRules;
import org.socius.programmes.HouseholdFacts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One pass of a recertification (or a what-if run) over the register, as a pipeline of three
 * threads: the households stream in from the people module on a connection of their own, the
 * caller's thread evaluates them, and a writer puts the decisions into PostgreSQL on the run's
 * connection, batch by batch. The programme's entitlements are loaded first into sorted arrays; the
 * writer changes them as the decisions go in. Every write happens in the caller's transaction
 * (repeatable read), so a run that stops applies nothing.
 */
@Component
public class RecertificationPass {

  private static final Logger log = LoggerFactory.getLogger(RecertificationPass.class);

  /** Households per batch handed to the writer. */
  private static final int WRITE_BATCH = 10_000;

  /** Households evaluated between two reports of progress. */
  private static final int REPORT_EVERY = 10_000;

  private final People people;
  private final DataSource dataSource;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate readOnly;

  RecertificationPass(
      People people, DataSource dataSource, PlatformTransactionManager transactions) {
    this.people = people;
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
    this.readOnly = new TransactionTemplate(transactions);
    readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    readOnly.setReadOnly(true);
  }

  /** What a pass is asked to do. */
  public record Task(
      UUID runId,
      UUID programmeId,
      UUID versionId,
      UUID regionId,
      LocalDate effectiveOn,
      boolean whatIf,
      Function<UUID, CompiledRules> rulesOfRegion,
      String actor,
      Set<UUID> consideredBefore) {}

  /** What a pass found: households evaluated, and the figures by region. */
  public record Result(long processed, List<RegionSummary> summary) {}

  /** How many households a task will evaluate: the entitled ones, or all for a what-if run. */
  public long total(Task task) {
    return task.whatIf() ? people.countHouseholds(task.regionId()) : entitled(task);
  }

  public Result run(Task task, LongConsumer progress) {
    long started = System.nanoTime();
    // The register's households start streaming while the entitlements load.
    // The rules are the same in every region (only parameters differ): they tell what to read.
    MemberFacts.Wanted wanted = task.rulesOfRegion().apply(task.regionId()).wanted();
    HouseholdStream stream =
        new HouseholdStream(people, readOnly, task.regionId(), task.effectiveOn(), wanted);
    Thread reader = Thread.ofPlatform().name("recertification-reader").start(stream);
    EntitlementIndex entitlements;
    DecisionWriter writer;
    Evaluator evaluator;
    long loaded;
    try {
      entitlements = loadEntitlements(task);
      HouseholdAmounts otherBenefits = loadOtherBenefits(task);
      loaded = System.nanoTime();
      writer = new DecisionWriter(DataSourceUtils.getConnection(dataSource), task.effectiveOn());
      if (!task.whatIf()) {
        writer.prepare();
      }
      evaluator = new Evaluator(task, wanted, entitlements, otherBenefits, writer, progress);
      evaluate(stream, writer, evaluator);
      reader.join();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prepare the run: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("The run was stopped", e);
    } finally {
      // Whatever happened, the reader lets go of its connection.
      reader.interrupt();
    }
    writer.check();
    long evaluated = System.nanoTime();
    if (!task.whatIf()) {
      endUnseen(task, entitlements, evaluator);
      try {
        writer.write(evaluator.take());
        writer.finishChanges();
      } catch (SQLException e) {
        throw new IllegalStateException("Writing decisions failed: " + e.getMessage(), e);
      }
    }
    // Where the time went: which of the three threads the others waited on.
    log.info(
        "Run {}: {} entitlements loaded in {} ms; {} households evaluated in {} ms, the register's"
            + " first row after {} ms, its reader waiting {} ms for the evaluation, the evaluation"
            + " waiting {} ms for households and {} ms for the writer, writing {} ms alongside ({});"
            + " finished in {} ms",
        task.runId(),
        entitlements.size(),
        (loaded - started) / 1_000_000,
        evaluator.processed,
        (evaluated - loaded) / 1_000_000,
        stream.firstRowNanos() / 1_000_000,
        stream.waitingNanos() / 1_000_000,
        evaluator.starvedNanos / 1_000_000,
        writer.submitWaitNanos() / 1_000_000,
        writer.writingNanos() / 1_000_000,
        writer.writingPhases(),
        (System.nanoTime() - evaluated) / 1_000_000);
    return new Result(evaluator.processed, evaluator.summary());
  }

  /** Evaluates the households as they stream in while the writer thread writes the decisions. */
  private static void evaluate(HouseholdStream stream, DecisionWriter writer, Evaluator evaluator)
      throws InterruptedException {
    Thread writing = Thread.ofPlatform().name("recertification-writer").start(writer);
    boolean handedOver = false;
    try {
      while (true) {
        long before = System.nanoTime();
        List<List<MemberFacts>> batch = stream.next();
        evaluator.starvedNanos += System.nanoTime() - before;
        if (batch.isEmpty()) {
          break;
        }
        for (List<MemberFacts> household : batch) {
          evaluator.household(household);
        }
      }
      evaluator.handOver();
      writer.finish();
      handedOver = true;
    } finally {
      // On failure the writer stops taking batches; either way, the run's transaction goes on (or
      // rolls back) only once the writer has let go of the run's connection.
      if (!handedOver) {
        writing.interrupt();
      }
      joinUninterruptibly(writing);
    }
  }

  private static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private long entitled(Task task) {
    return jdbc.queryForObject(
        "select count(*) from benefits.entitlement where programme_id = ? and valid_to is null"
            + " and valid_from < ?"
            + inRegion(task),
        Long.class,
        arguments(task));
  }

  private EntitlementIndex loadEntitlements(Task task) {
    EntitlementIndex index = new EntitlementIndex();
    jdbc.query(
        con -> {
          var ps =
              con.prepareStatement(
                  "select household_id, id, amount_cents from benefits.entitlement"
                      + " where programme_id = ? and valid_to is null and valid_from < ?"
                      + inRegion(task)
                      + " order by household_id");
          ps.setFetchSize(WRITE_BATCH);
          ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
          Object[] arguments = arguments(task);
          for (int i = 0; i < arguments.length; i++) {
            ps.setObject(i + 1, arguments[i]);
          }
          return ps;
        },
        rs -> {
          index.add(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3));
        });
    return index;
  }

  /** What each household receives from the programmes considered before this one. */
  private HouseholdAmounts loadOtherBenefits(Task task) {
    HouseholdAmounts amounts = new HouseholdAmounts();
    if (task.consideredBefore().isEmpty()) {
      return amounts;
    }
    jdbc.query(
        con -> {
          var ps =
              con.prepareStatement(
                  "select household_id, sum(amount_cents) from benefits.entitlement"
                      + " where programme_id = any(?) and valid_from <= ?"
                      + " and (valid_to is null or valid_to > ?)"
                      + " group by household_id order by household_id");
          ps.setFetchSize(WRITE_BATCH);
          ps.setArray(1, con.createArrayOf("uuid", task.consideredBefore().toArray()));
          ps.setObject(2, task.effectiveOn());
          ps.setObject(3, task.effectiveOn());
          return ps;
        },
        rs -> {
          amounts.add(rs.getObject(1, UUID.class), rs.getLong(2));
        });
    return amounts;
  }

  /** Entitled households with nobody left in them on the date: their entitlement ends. */
  private void endUnseen(Task task, EntitlementIndex entitlements, Evaluator evaluator) {
    if (entitlements.allSeen()) {
      return;
    }
    jdbc.query(
        con -> {
          var ps =
              con.prepareStatement(
                  "select household_id, region_id, municipality_id from benefits.entitlement"
                      + " where programme_id = ? and valid_to is null and valid_from < ?"
                      + inRegion(task)
                      + " order by household_id");
          ps.setFetchSize(WRITE_BATCH);
          Object[] arguments = arguments(task);
          for (int i = 0; i < arguments.length; i++) {
            ps.setObject(i + 1, arguments[i]);
          }
          return ps;
        },
        rs -> {
          UUID household = rs.getObject(1, UUID.class);
          int index = entitlements.find(household);
          if (index >= 0 && !entitlements.seen(index)) {
            evaluator.endEmpty(
                index, household, rs.getObject(2, UUID.class), rs.getObject(3, UUID.class));
          }
        });
  }

  private static String inRegion(Task task) {
    return task.regionId() == null ? "" : " and region_id = ?";
  }

  /** The programme, the date and (if any) the region, for the SQL of the task's entitlements. */
  private static Object[] arguments(Task task) {
    return task.regionId() == null
        ? new Object[] {task.programmeId(), task.effectiveOn()}
        : new Object[] {task.programmeId(), task.effectiveOn(), task.regionId()};
  }

  /** Evaluates households, counts outcomes by region, and fills the writer's batches. */
  private static final class Evaluator {
    private final Task task;
    private final MemberFacts.Wanted wanted;
    private final EntitlementIndex entitlements;
    private final HouseholdAmounts otherBenefits;
    private final DecisionWriter writer;
    private final LongConsumer progress;
    private final Map<UUID, CompiledRules> rules = new HashMap<>();
    private final Map<UUID, long[]> regions = new HashMap<>();
    private final StringBuilder json = new StringBuilder(1024);
    private final ExplanationJson.Labels labels = new ExplanationJson.Labels();
    private BinaryRows decisions = new BinaryRows(1 << 22);
    private BinaryRows changes = new BinaryRows(1 << 16);
    private int pending;
    long processed;
    long starvedNanos;

    Evaluator(
        Task task,
        MemberFacts.Wanted wanted,
        EntitlementIndex entitlements,
        HouseholdAmounts otherBenefits,
        DecisionWriter writer,
        LongConsumer progress) {
      this.task = task;
      this.wanted = wanted;
      this.entitlements = entitlements;
      this.otherBenefits = otherBenefits;
      this.writer = writer;
      this.progress = progress;
    }

    void household(List<MemberFacts> members) throws InterruptedException {
      MemberFacts first = members.getFirst();
      int index = entitlements.find(first.householdId());
      if (index < 0 && !task.whatIf()) {
        return;
      }
      CompiledRules compiled = rules.computeIfAbsent(first.regionId(), task.rulesOfRegion());
      CompiledRules.Evaluation evaluation;
      try {
        evaluation =
            compiled.evaluate(
                HouseholdFacts.withOtherBenefits(
                    HouseholdFacts.ofMembers(
                        members, task.effectiveOn(), compiled.usesMembers(), wanted),
                    otherBenefits.of(first.householdId())));
      } catch (CompiledRules.RuleFault e) {
        throw new IllegalStateException(
            "Household " + first.householdId() + ": " + e.getMessage(), e);
      }
      long before = index >= 0 ? entitlements.amount(index) : 0;
      long after = evaluation.eligible() ? evaluation.amountCents() : 0;
      if (index >= 0) {
        entitlements.markSeen(index);
      }
      Outcome outcome = count(first.regionId(), index >= 0, before, after);
      if (!task.whatIf()) {
        json.setLength(0);
        ExplanationJson.append(json, evaluation, labels);
        append(
            index,
            first.householdId(),
            first.regionId(),
            first.municipalityId(),
            outcome,
            after,
            before,
            json);
        if (pending >= WRITE_BATCH) {
          writer.submit(take());
        }
      }
      tick();
    }

    /** An entitled household with no members left: the entitlement ends. */
    void endEmpty(int index, UUID household, UUID region, UUID municipality) {
      entitlements.markSeen(index);
      long before = entitlements.amount(index);
      count(region, true, before, 0);
      append(
          index,
          household,
          region,
          municipality,
          Outcome.ENDED,
          0,
          before,
          new StringBuilder("{\"criteria\":[],\"values\":{\"household.size\":0}}"));
      tick();
    }

    /** Hands the last partial batch to the writer. */
    void handOver() throws InterruptedException {
      if (pending > 0) {
        writer.submit(take());
      }
    }

    /** The rows gathered so far, as a batch; the buffers start again. */
    DecisionWriter.Batch take() {
      int changed = changes.rows();
      DecisionWriter.Batch batch =
          new DecisionWriter.Batch(
              decisions.finish(), changed == 0 ? null : changes.finish(), changed);
      decisions = new BinaryRows(Math.max(1 << 16, decisions.size() + 1024));
      changes = new BinaryRows(1 << 16);
      pending = 0;
      return batch;
    }

    private Outcome count(UUID region, boolean entitled, long before, long after) {
      long[] r = regions.computeIfAbsent(region, k -> new long[9]);
      Outcome outcome = null;
      r[0]++;
      if (entitled) {
        outcome = after == 0 ? Outcome.ENDED : after == before ? Outcome.KEPT : Outcome.CHANGED;
        r[outcome == Outcome.KEPT ? 1 : outcome == Outcome.CHANGED ? 2 : 3]++;
      } else if (after > 0) {
        r[4]++;
      }
      if (after > before) {
        r[5]++;
      } else if (after < before) {
        r[6]++;
      }
      r[7] += before;
      r[8] += after;
      return outcome;
    }

    private void append(
        int index,
        UUID household,
        UUID region,
        UUID municipality,
        Outcome outcome,
        long after,
        long before,
        CharSequence explanation) {
      UUID decision = Ids.newId();
      decisions
          .row(14)
          .uuid(decision)
          .uuid(task.programmeId())
          .uuid(task.versionId())
          .uuid(household)
          .nothing()
          .uuid(task.runId())
          .uuid(region)
          .uuid(municipality)
          .text(outcome.name())
          .bigint(after)
          .bigint(before)
          .date(task.effectiveOn())
          .text(task.actor())
          .text(explanation);
      if (outcome != Outcome.KEPT) {
        changes
            .row(8)
            .uuid(entitlements.id(index))
            .uuid(decision)
            .bigint(after)
            .uuid(task.programmeId())
            .uuid(household)
            .uuid(region)
            .uuid(municipality)
            .uuid(outcome == Outcome.CHANGED ? Ids.newId() : null);
      }
      pending++;
    }

    private void tick() {
      if (++processed % REPORT_EVERY == 0) {
        progress.accept(processed);
      }
    }

    List<RegionSummary> summary() {
      List<RegionSummary> summary = new ArrayList<>();
      regions.forEach(
          (region, r) ->
              summary.add(
                  new RegionSummary(region, r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8])));
      return summary;
    }
  }
}
