package org.socius.benefits.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.socius.benefits.Decision.Outcome;
import org.socius.benefits.RecertificationRun.RegionSummary;
import org.socius.benefits.internal.DecisionRecords.StoredCriterion;
import org.socius.benefits.internal.DecisionRecords.StoredExplanation;
import org.socius.people.MemberFacts;
import org.socius.people.People;
import org.socius.platform.Ids;
import org.socius.programmes.CompiledRules;
import org.socius.programmes.HouseholdFacts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * One pass of a recertification (or a what-if run) over the register: the programme's current
 * entitlements are loaded into sorted arrays, every household's members stream by once from the
 * people module, each household is evaluated, and a recertification's decisions go to PostgreSQL by
 * {@code COPY} in batches. Entitlements change at the end, in set-based statements. Everything
 * happens in the caller's transaction (repeatable read), so a run that stops applies nothing.
 */
@Component
public class RecertificationPass {

  /** Rows sent to PostgreSQL per {@code COPY}. */
  private static final int BATCH = 20_000;

  /** Households evaluated between two reports of progress. */
  private static final int REPORT_EVERY = 25_000;

  private final People people;
  private final DataSource dataSource;
  private final JdbcTemplate jdbc;
  private final JsonMapper json;

  RecertificationPass(People people, DataSource dataSource, JsonMapper json) {
    this.people = people;
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
    this.json = json;
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
      String actor) {}

  /** What a pass found: households evaluated, and the figures by region. */
  public record Result(long processed, List<RegionSummary> summary) {}

  /** How many households a task will evaluate: the entitled ones, or all for a what-if run. */
  public long total(Task task) {
    return task.whatIf() ? people.countHouseholds(task.regionId()) : entitled(task);
  }

  private long entitled(Task task) {
    return jdbc.queryForObject(
        "select count(*) from benefits.entitlement where programme_id = ? and valid_to is null"
            + " and valid_from < ?"
            + inRegion(task),
        Long.class,
        arguments(task));
  }

  public Result run(Task task, LongConsumer progress) {
    Entitlements entitlements = loadEntitlements(task);
    Connection connection = DataSourceUtils.getConnection(dataSource);
    CopyManager copy;
    try {
      copy = connection.unwrap(PGConnection.class).getCopyAPI();
    } catch (SQLException e) {
      throw new IllegalStateException("COPY needs the PostgreSQL driver", e);
    }
    if (!task.whatIf()) {
      // PostgreSQL refuses COPY into a table under row-level security: decisions are copied into
      // a temporary table first and moved from there a batch at a time, the policies checked.
      jdbc.execute(
          "create temp table recert_decision (like benefits.decision including defaults)"
              + " on commit drop");
      jdbc.execute(
          "create temp table recert_change (entitlement_id uuid, decision_id uuid,"
              + " amount_cents bigint) on commit drop");
    }
    Evaluator evaluator = new Evaluator(task, entitlements, copy, progress);
    people.forEachMember(
        task.regionId(),
        task.effectiveOn(),
        HouseholdFacts.firstIncomeMonth(task.effectiveOn()),
        HouseholdFacts.lastIncomeMonth(task.effectiveOn()),
        evaluator::accept);
    evaluator.finishHousehold();
    if (!task.whatIf()) {
      endUnseen(task, entitlements, evaluator);
      evaluator.flush();
      applyChanges(task);
    }
    return new Result(evaluator.processed, evaluator.summary());
  }

  /**
   * Entitlements in force before the run's date, by household in PostgreSQL's order of UUIDs
   * (unsigned, most significant half first), so that each household is found by binary search.
   */
  private Entitlements loadEntitlements(Task task) {
    long count = entitled(task);
    Entitlements e = new Entitlements((int) count);
    jdbc.query(
        con -> {
          var ps =
              con.prepareStatement(
                  "select household_id, id, amount_cents from benefits.entitlement"
                      + " where programme_id = ? and valid_to is null and valid_from < ?"
                      + inRegion(task)
                      + " order by household_id");
          ps.setFetchSize(BATCH);
          Object[] arguments = arguments(task);
          for (int i = 0; i < arguments.length; i++) {
            ps.setObject(i + 1, arguments[i]);
          }
          return ps;
        },
        rs -> {
          e.add(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3));
        });
    return e;
  }

  /** Entitled households with nobody left in them on the date: their entitlement ends. */
  private void endUnseen(Task task, Entitlements entitlements, Evaluator evaluator) {
    if (entitlements.size == entitlements.seenCount) {
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
          ps.setFetchSize(BATCH);
          Object[] arguments = arguments(task);
          for (int i = 0; i < arguments.length; i++) {
            ps.setObject(i + 1, arguments[i]);
          }
          return ps;
        },
        rs -> {
          UUID household = rs.getObject(1, UUID.class);
          int index = entitlements.find(household);
          if (index >= 0 && !entitlements.seen[index]) {
            evaluator.endEmpty(
                index, household, rs.getObject(2, UUID.class), rs.getObject(3, UUID.class));
          }
        });
  }

  /** Closes changed and ended entitlements on the run's date and opens the changed ones anew. */
  private void applyChanges(Task task) {
    jdbc.update(
        """
        update benefits.entitlement e set valid_to = ?
        from recert_change c where e.id = c.entitlement_id""",
        task.effectiveOn());
    jdbc.update(
        """
        insert into benefits.entitlement (id, programme_id, household_id, region_id,
          municipality_id, decision_id, amount_cents, valid_from)
        select uuidv7(), e.programme_id, e.household_id, e.region_id, e.municipality_id,
          c.decision_id, c.amount_cents, ?
        from recert_change c join benefits.entitlement e on e.id = c.entitlement_id
        where c.amount_cents > 0""",
        task.effectiveOn());
  }

  /** The programme's entitlements as parallel sorted arrays: 40 bytes a household. */
  static final class Entitlements {
    final long[] householdHigh;
    final long[] householdLow;
    final long[] idHigh;
    final long[] idLow;
    final long[] amount;
    final boolean[] seen;
    int size;
    int seenCount;

    Entitlements(int capacity) {
      householdHigh = new long[capacity];
      householdLow = new long[capacity];
      idHigh = new long[capacity];
      idLow = new long[capacity];
      amount = new long[capacity];
      seen = new boolean[capacity];
    }

    void add(UUID household, UUID id, long cents) {
      if (size == amount.length) {
        return; // granted after the count: it started after the snapshot, and waits for the next
      }
      householdHigh[size] = household.getMostSignificantBits();
      householdLow[size] = household.getLeastSignificantBits();
      idHigh[size] = id.getMostSignificantBits();
      idLow[size] = id.getLeastSignificantBits();
      amount[size] = cents;
      size++;
    }

    int find(UUID household) {
      long high = household.getMostSignificantBits();
      long low = household.getLeastSignificantBits();
      int lo = 0;
      int hi = size - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        int c = Long.compareUnsigned(householdHigh[mid], high);
        if (c == 0) {
          c = Long.compareUnsigned(householdLow[mid], low);
        }
        if (c < 0) {
          lo = mid + 1;
        } else if (c > 0) {
          hi = mid - 1;
        } else {
          return mid;
        }
      }
      return -1;
    }

    UUID id(int index) {
      return new UUID(idHigh[index], idLow[index]);
    }
  }

  /** Groups the member stream into households, evaluates them, and writes what it decides. */
  private final class Evaluator {
    private final Task task;
    private final Entitlements entitlements;
    private final CopyManager copy;
    private final LongConsumer progress;
    private final List<MemberFacts> household = new ArrayList<>();
    private final Map<UUID, CompiledRules> rules = new HashMap<>();
    private final Map<UUID, long[]> regions = new HashMap<>();
    private final StringBuilder decisions = new StringBuilder(1 << 22);
    private final StringBuilder changes = new StringBuilder(1 << 20);
    private final String common;
    private int pending;
    long processed;

    Evaluator(Task task, Entitlements entitlements, CopyManager copy, LongConsumer progress) {
      this.task = task;
      this.entitlements = entitlements;
      this.copy = copy;
      this.progress = progress;
      this.common = task.programmeId() + "\t" + task.versionId() + "\t";
    }

    void accept(MemberFacts member) {
      if (!household.isEmpty()
          && !household.getFirst().householdId().equals(member.householdId())) {
        finishHousehold();
      }
      household.add(member);
    }

    void finishHousehold() {
      if (household.isEmpty()) {
        return;
      }
      MemberFacts first = household.getFirst();
      int index = entitlements.find(first.householdId());
      if (index >= 0 || task.whatIf()) {
        evaluate(first, index);
      }
      household.clear();
    }

    private void evaluate(MemberFacts first, int index) {
      CompiledRules compiled = rules.computeIfAbsent(first.regionId(), task.rulesOfRegion());
      CompiledRules.Evaluation evaluation;
      try {
        evaluation = compiled.evaluate(HouseholdFacts.ofMembers(household, task.effectiveOn()));
      } catch (CompiledRules.RuleFault e) {
        throw new IllegalStateException(
            "Household " + first.householdId() + ": " + e.getMessage(), e);
      }
      long before = index >= 0 ? entitlements.amount[index] : 0;
      long after = evaluation.eligible() ? evaluation.amountCents() : 0;
      if (index >= 0) {
        entitlements.seen[index] = true;
        entitlements.seenCount++;
      }
      Outcome outcome = count(first.regionId(), index >= 0, before, after);
      if (!task.whatIf()) {
        write(
            index,
            first.householdId(),
            first.regionId(),
            first.municipalityId(),
            outcome,
            after,
            before,
            explanation(evaluation));
      }
      tick();
    }

    /** An entitled household with no members left: the entitlement ends. */
    void endEmpty(int index, UUID household, UUID region, UUID municipality) {
      entitlements.seen[index] = true;
      entitlements.seenCount++;
      long before = entitlements.amount[index];
      count(region, true, before, 0);
      write(
          index,
          household,
          region,
          municipality,
          Outcome.ENDED,
          0,
          before,
          "{\"criteria\":[],\"values\":{\"household.size\":0}}");
      tick();
    }

    private Outcome count(UUID region, boolean entitled, long before, long after) {
      long[] r = regions.computeIfAbsent(region, k -> new long[9]);
      Outcome outcome;
      r[0]++;
      if (entitled) {
        outcome = after == 0 ? Outcome.ENDED : after == before ? Outcome.KEPT : Outcome.CHANGED;
        r[outcome == Outcome.KEPT ? 1 : outcome == Outcome.CHANGED ? 2 : 3]++;
      } else {
        outcome = null;
        if (after > 0) {
          r[4]++;
        }
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

    private String explanation(CompiledRules.Evaluation e) {
      List<StoredCriterion> criteria = new ArrayList<>(e.criteria().size());
      for (CompiledRules.CriterionResult c : e.criteria()) {
        criteria.add(new StoredCriterion(c.name(), c.passed(), c.values()));
      }
      return json.writeValueAsString(new StoredExplanation(criteria, e.formulaValues()));
    }

    private void write(
        int index,
        UUID household,
        UUID region,
        UUID municipality,
        Outcome outcome,
        long after,
        long before,
        String explanation) {
      UUID decision = Ids.newId();
      decisions
          .append(decision)
          .append('\t')
          .append(common)
          .append(household)
          .append("\t\\N\t")
          .append(task.runId())
          .append('\t')
          .append(region)
          .append('\t')
          .append(municipality)
          .append('\t')
          .append(outcome.name())
          .append('\t')
          .append(after)
          .append('\t')
          .append(before)
          .append('\t')
          .append(task.effectiveOn())
          .append('\t');
      escape(decisions, task.actor());
      decisions.append('\t');
      escape(decisions, explanation);
      decisions.append('\n');
      if (outcome != Outcome.KEPT) {
        changes
            .append(entitlements.id(index))
            .append('\t')
            .append(decision)
            .append('\t')
            .append(after)
            .append('\n');
      }
      if (++pending >= BATCH) {
        flush();
      }
    }

    private void tick() {
      if (++processed % REPORT_EVERY == 0) {
        progress.accept(processed);
      }
    }

    void flush() {
      if (pending == 0) {
        return;
      }
      try {
        copyIn(
            "copy recert_decision (id, programme_id, programme_version_id, household_id,"
                + " application_id, run_id, region_id, municipality_id, outcome, amount_cents,"
                + " previous_cents, decided_on, decided_by, explanation) from stdin",
            decisions);
        jdbc.update("insert into benefits.decision select * from recert_decision");
        jdbc.execute("truncate recert_decision");
        copyIn(
            "copy recert_change (entitlement_id, decision_id, amount_cents) from stdin", changes);
      } catch (SQLException | IOException e) {
        throw new IllegalStateException("Writing decisions failed: " + e.getMessage(), e);
      }
      decisions.setLength(0);
      changes.setLength(0);
      pending = 0;
    }

    private void copyIn(String sql, StringBuilder rows) throws SQLException, IOException {
      if (rows.isEmpty()) {
        return;
      }
      byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
      var in = copy.copyIn(sql);
      in.writeToCopy(bytes, 0, bytes.length);
      in.endCopy();
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

  private static String inRegion(Task task) {
    return task.regionId() == null ? "" : " and region_id = ?";
  }

  /** The programme, the date and (if any) the region, for the SQL of the task's entitlements. */
  private static Object[] arguments(Task task) {
    return task.regionId() == null
        ? new Object[] {task.programmeId(), task.effectiveOn()}
        : new Object[] {task.programmeId(), task.effectiveOn(), task.regionId()};
  }

  /** Text for {@code COPY}'s text format, where a backslash starts an escape. */
  private static void escape(StringBuilder out, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
  }
}
