package org.socius.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.socius.SociusApplication;
import org.socius.benefits.RecertificationRun;
import org.socius.benefits.Recertifications;
import org.socius.platform.security.CurrentScope;
import org.socius.programmes.HouseholdFacts;
import org.socius.programmes.Programme;
import org.socius.programmes.Programmes;
import org.socius.territory.Territories;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recertification of the demo minimum-income programme (the gap between a regional line and the
 * income per member, paid for every member) over a generated register: households of one to four
 * members spread over every municipality, about half the adults earning, three months of income,
 * every household entitled with the amount its first month's income gave (so that households whose
 * income moved, or rose above the line, change or end). Prints the run's rate in households per
 * second, then times one hand-written SQL statement computing the same eligibility and amounts on
 * the same data, checks that both agree, and prints the ratio.
 *
 * <p>Run with {@code bench/recertification.sh}.
 */
public final class RecertificationBenchmark {

  private static final int HOUSEHOLDS = Integer.getInteger("households", 1_000_000);

  public static void main(String[] args) throws Exception {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(SociusApplication.class)
            .run(
                "--server.port=0",
                "--socius.db.embedded.data-dir=target/bench-recertification-postgres",
                "--socius.db.embedded.clean=true",
                "--socius.demo.enabled=true",
                "--logging.level.root=WARN",
                "--logging.level.org.socius.benefits=INFO");
    try {
      UUID programme =
          CurrentScope.asSystem(
              () ->
                  context.getBean(Programmes.class).all().stream()
                      .filter(p -> p.code().equals("MIN-INCOME"))
                      .map(Programme::id)
                      .findFirst()
                      .orElseThrow());
      seed(context, programme);
      if (Boolean.getBoolean("hold")) {
        Thread.sleep(Long.MAX_VALUE);
      }
      // The statement first: the run changes the entitlements it reads.
      long sqlStarted = System.nanoTime();
      long[] sql = handWritten(context, programme, LocalDate.now().withDayOfMonth(1).plusMonths(1));
      double sqlSeconds = (System.nanoTime() - sqlStarted) / 1e9;
      System.out.printf(
          "Hand-written SQL, same eligibility and amounts: %.1f s (%,d eligible, monthly cost %s)%n",
          sqlSeconds, sql[0], java.math.BigDecimal.valueOf(sql[1], 2).toPlainString());
      Recertifications recertifications = context.getBean(Recertifications.class);
      long started = System.nanoTime();
      RecertificationRun run =
          CurrentScope.asSystem(() -> recertifications.start(programme, null, null));
      while (run.status() == RecertificationRun.Status.RUNNING) {
        Thread.sleep(200);
        UUID id = run.id();
        run = CurrentScope.asSystem(() -> recertifications.get(id));
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      if (run.status() != RecertificationRun.Status.COMPLETED) {
        throw new IllegalStateException("The run ended " + run.status() + ": " + run.failure());
      }
      RecertificationRun.RegionSummary totals = run.totals();
      System.out.printf(
          "Recertification of %,d households: %.1f s, %,.0f households/s"
              + " (kept %,d, changed %,d, ended %,d; monthly cost %s -> %s)%n",
          totals.households(),
          seconds,
          totals.households() / seconds,
          totals.kept(),
          totals.changed(),
          totals.ended(),
          totals.costBefore(),
          totals.costAfter());
      long decisions =
          count(
              context, "select count(*) from benefits.decision where run_id = '" + run.id() + "'");
      System.out.printf("Decisions with explanations written: %,d%n", decisions);

      // What the run left in the database: the open entitlements, their number and their sum.
      long open =
          count(
              context,
              "select count(*) from benefits.entitlement where valid_to is null and programme_id = '"
                  + programme
                  + "'");
      long openCents =
          count(
              context,
              "select coalesce(sum(amount_cents), 0) from benefits.entitlement"
                  + " where valid_to is null and programme_id = '"
                  + programme
                  + "'");
      System.out.printf(
          "Open entitlements after the run: %,d, monthly %s%n",
          open, java.math.BigDecimal.valueOf(openCents, 2).toPlainString());
      boolean agree =
          sql[0] == totals.kept() + totals.changed()
              && sql[1] == totals.costAfterCents()
              && open == sql[0]
              && openCents == sql[1];
      System.out.printf(
          "Both agree: %s; the run takes %.2f times the statement's time (target: within 3)%n",
          agree ? "yes" : "NO", seconds / sqlSeconds);
      if (!agree) {
        System.exit(1);
      }
    } finally {
      context.close();
    }
  }

  /**
   * Households, persons, memberships and incomes generated in SQL, a hundred thousand households at
   * a time; then an entitlement for every household.
   */
  private static void seed(ConfigurableApplicationContext context, UUID programme)
      throws SQLException {
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
    long started = System.nanoTime();
    LocalDate today = LocalDate.now();
    LocalDate firstMonth = today.withDayOfMonth(1).minusMonths(2);
    Territories territories = context.getBean(Territories.class);
    UUID north = territories.findByCode("NV-N").orElseThrow().id();
    UUID south = territories.findByCode("NV-S").orElseThrow().id();
    int batch = 100_000;
    for (int from = 0; from < HOUSEHOLDS; from += batch) {
      int first = from;
      int last = Math.min(HOUSEHOLDS, from + batch) - 1;
      CurrentScope.asSystem(
          () ->
              transaction.executeWithoutResult(
                  status -> {
                    jdbc.sql(
                            """
                            create temp table g on commit drop as
                            with m as (
                              select row_number() over (order by code) - 1 as n, id, region_id
                              from territory.unit where level = 'MUNICIPALITY')
                            select h.n, uuidv7() as household_id, m.id as municipality_id,
                              m.region_id, 1 + (h.n * 7) % 4 as size
                            from generate_series(:first, :last) h(n)
                            join m on m.n = h.n % (select count(*) from m)""")
                        .param("first", first)
                        .param("last", last)
                        .update();
                    jdbc.sql(
                            """
                            insert into people.household (id, region_id, municipality_id, address)
                            select household_id, region_id, municipality_id, 'Bench street ' || n
                            from g order by n""")
                        .update();
                    jdbc.sql(
                            """
                            create temp table p on commit drop as
                            select g.household_id, g.region_id, g.municipality_id, g.n, k,
                              uuidv7() as person_id,
                              case when k = 1 then date '1950-01-01' + ((g.n * 37) % 15000)::int
                                   else date '2008-01-01' + ((g.n * 13 + k) % 6000)::int end as born
                            from g, generate_series(1, g.size) k""")
                        .update();
                    jdbc.sql(
                            """
                            insert into people.person (id, region_id, municipality_id, family_name,
                              given_names, name_key, date_of_birth, sex, changed_by)
                            select person_id, region_id, municipality_id, 'Bench' || n, 'M' || k,
                              'bench' || n || ' m' || k, born,
                              case when k % 2 = 0 then 'MALE' else 'FEMALE' end, 'bench'
                            from p order by household_id, k""")
                        .update();
                    jdbc.sql(
                            """
                            insert into people.household_member (id, household_id, person_id,
                              region_id, municipality_id, relation, member_from)
                            select uuidv7(), household_id, person_id, region_id, municipality_id,
                              case when k = 1 then 'HEAD' else 'CHILD' end, date '2020-01-01'
                            from p order by household_id, k""")
                        .update();
                    // The head and every third other member earn 0 to 399.99 a month, the same
                    // each month except for one earner in ten, whose income moves.
                    jdbc.sql(
                            """
                            insert into people.income (id, person_id, region_id, municipality_id,
                              month, source, amount)
                            select uuidv7(), person_id, region_id, municipality_id,
                              (:firstMonth::date + make_interval(months => mo))::date, 'WAGES',
                              ((n::bigint * 7919 + k * 104729
                                + case when (n + k) % 10 = 0 then mo * 5000 else 0 end) % 40000)
                                / 100.0
                            from p, generate_series(0, 2) mo
                            where k = 1 or (n + k) % 3 = 0""")
                        .param("firstMonth", firstMonth)
                        .update();
                    jdbc.sql(
                            """
                            insert into benefits.entitlement (id, programme_id, household_id,
                              region_id, municipality_id, decision_id, amount_cents, valid_from)
                            select uuidv7(), :programme, g.household_id, g.region_id,
                              g.municipality_id, uuidv7(),
                              greatest(1, case g.region_id when :north then 36000
                                when :south then 28000 else 30000 end * g.size - coalesce(i.income, 0)),
                              :from
                            from g left join (
                              select p.household_id, sum((i.amount * 100)::bigint) as income
                              from p join people.income i on i.person_id = p.person_id
                                and i.month = :firstMonth::date
                              group by p.household_id) i on i.household_id = g.household_id""")
                        .param("north", north)
                        .param("south", south)
                        .param("firstMonth", firstMonth)
                        .param("programme", programme)
                        .param("from", today.minusMonths(2))
                        .update();
                  }));
    }
    String url = ((HikariDataSource) context.getBean(DataSource.class)).getJdbcUrl();
    try (Connection owner = DriverManager.getConnection(url, "socius_owner", "socius_owner");
        Statement statement = owner.createStatement()) {
      statement.execute("vacuum analyze");
    }
    System.out.printf(
        "Seeded %,d households, %,d persons, %,d monthly incomes in %.0f s%n",
        HOUSEHOLDS,
        count(context, "select count(*) from people.person"),
        count(context, "select count(*) from people.income"),
        (System.nanoTime() - started) / 1e9);
  }

  /**
   * The minimum-income rules written by hand in SQL: income per member (three months' average,
   * cents rounded down per member as the rules do) below the region's line, the gap paid for every
   * member. Returns the eligible households and the monthly cost in cents.
   */
  private static long[] handWritten(
      ConfigurableApplicationContext context, UUID programme, LocalDate on) {
    Territories territories = context.getBean(Territories.class);
    UUID north = territories.findByCode("NV-N").orElseThrow().id();
    UUID south = territories.findByCode("NV-S").orElseThrow().id();
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
    return CurrentScope.asSystem(
        () ->
            transaction.execute(
                status -> {
                  jdbc.sql("set local work_mem = '256MB'").update();
                  return jdbc.sql(
                          """
                          with inc as (
                            select person_id, (sum(amount) * 100)::bigint / 3 as monthly
                            from people.income where month between :first and :last
                            group by person_id),
                          h as (
                            select m.household_id, m.region_id, count(*) as size,
                              sum(coalesce(inc.monthly, 0)) as income
                            from people.household_member m
                            left join inc on inc.person_id = m.person_id
                            where m.member_from <= :on and (m.member_to is null or m.member_to > :on)
                            group by m.household_id, m.region_id),
                          r as (
                            select h.*, case h.region_id when :north then 36000
                              when :south then 28000 else 30000 end as line
                            from h join benefits.entitlement e on e.household_id = h.household_id
                            where e.programme_id = :programme and e.valid_to is null
                              and e.valid_from < :on)
                          select count(*) filter (where income / size < line),
                            coalesce(sum(line * size - income) filter (where income / size < line), 0)
                          from r""")
                      .params(
                          Map.of(
                              "first", HouseholdFacts.firstIncomeMonth(on).atDay(1),
                              "last", HouseholdFacts.lastIncomeMonth(on).atDay(1),
                              "on", on,
                              "north", north,
                              "south", south,
                              "programme", programme))
                      .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                      .single();
                }));
  }

  private static long count(ConfigurableApplicationContext context, String sql) {
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
    return CurrentScope.asSystem(
        () -> transaction.execute(status -> jdbc.sql(sql).query(Long.class).single()));
  }
}
