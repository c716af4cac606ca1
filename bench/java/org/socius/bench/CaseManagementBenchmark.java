package org.socius.bench;

import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.socius.SociusApplication;
import org.socius.platform.security.CurrentScope;
import org.socius.support.Fixtures;
import org.socius.support.WebSession;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case management at national scale: 1,000,000 open cases over the country's municipalities (each
 * with its client, three steps, a note and its history; one in twenty with a draft plan of two
 * services) and a register of 100,000 service points. Case workers of Harbour City, signed in, open
 * random case pages of their municipality and random provider-choice lists of their drafts. Prints
 * latency percentiles and throughput.
 *
 * <p>Run with {@code bench/case-management.sh}.
 */
public final class CaseManagementBenchmark {

  private static final int CASES = Integer.getInteger("cases", 1_000_000);
  private static final int POINTS = Integer.getInteger("points", 100_000);
  private static final int CLIENTS = Integer.getInteger("clients", 4);
  private static final int REQUESTS_PER_CLIENT = Integer.getInteger("requests", 500);
  private static final int WARM_UP_ROUNDS = Integer.getInteger("warmups", 2);
  private static final int BATCH = 100_000;

  public static void main(String[] args) throws Exception {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(SociusApplication.class)
            .run(
                "--server.port=0",
                "--socius.db.embedded.data-dir=target/bench-postgres",
                "--socius.db.embedded.clean=true",
                "--socius.demo.enabled=true",
                "--logging.level.root=WARN");
    try {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      long started = System.nanoTime();
      BenchRegister.seed(context, POINTS);
      System.out.printf(
          "Seeded %,d service points in %.1f s%n", POINTS, (System.nanoTime() - started) / 1e9);
      started = System.nanoTime();
      seedCases(context);
      BenchRegister.vacuum(context);
      System.out.printf("Seeded %,d cases in %.1f s%n", CASES, (System.nanoTime() - started) / 1e9);

      JdbcClient jdbc = context.getBean(JdbcClient.class);
      TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
      List<UUID> harbourCases =
          CurrentScope.asSystem(
              () ->
                  transaction.execute(
                      s ->
                          jdbc.sql(
                                  """
                                  select c.id from cases.client_case c
                                  join territory.unit m on m.id = c.municipality_id
                                  where m.code = 'NV-N-01' and c.reference like 'C-B-%'
                                  order by random() limit 20000""")
                              .query(UUID.class)
                              .list()));
      List<String> choiceLists =
          CurrentScope.asSystem(
              () ->
                  transaction.execute(
                      s ->
                          jdbc.sql(
                                  """
                                  select '/cases/' || ps.case_id || '/plan/services/' || ps.id || '/providers'
                                  from cases.plan_service ps
                                  join territory.unit m on m.id = ps.municipality_id
                                  where m.code = 'NV-N-01'
                                  order by random() limit 5000""")
                              .query(String.class)
                              .list()));
      System.out.printf(
          "Case management, %,d cases (%,d in Harbour City sampled), %,d service points,"
              + " %d signed-in workers x %d requests%n",
          CASES, harbourCases.size(), POINTS, CLIENTS, REQUESTS_PER_CLIENT);
      ClosedLoop.printHeader("page");
      run("case page /cases/{id}", port, r -> "/cases/" + pick(harbourCases, r));
      run("provider-choice list", port, r -> pick(choiceLists, r));
    } finally {
      context.close();
    }
  }

  private static <T> T pick(List<T> items, Random random) {
    return items.get(random.nextInt(items.size()));
  }

  /**
   * Cases in batches, each with its own client: three steps (the first two done, the individual
   * plan open), a note and three history entries; Harbour City's cases are worker.harbour's. One
   * case in twenty has a draft plan with home care and hot meals, measured from its municipality's
   * centre.
   */
  private static void seedCases(ConfigurableApplicationContext context) {
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
    for (int first = 1; first <= CASES; first += BATCH) {
      int last = Math.min(CASES, first + BATCH - 1);
      int from = first;
      CurrentScope.asSystem(
          () ->
              transaction.executeWithoutResult(
                  status -> {
                    jdbc.sql(
                            """
                            create temporary table bench_case on commit drop as
                            with m as (
                              select row_number() over (order by code) - 1 as n, id, region_id,
                                code, latitude, longitude, name
                              from territory.unit where level = 'MUNICIPALITY')
                            select g.n, gen_random_uuid() as case_id, gen_random_uuid() as person_id,
                              m.id as municipality_id, m.region_id, m.code, m.latitude, m.longitude,
                              m.name as place,
                              now() - ((g.n % 300) || ' days')::interval as opened_at
                            from generate_series(:first, :last) g(n)
                            join m on m.n = g.n % (select count(*) from m)""")
                        .param("first", from)
                        .param("last", last)
                        .update();
                    jdbc.sql(
                            """
                            insert into people.person (id, region_id, municipality_id, family_name,
                              given_names, name_key, date_of_birth, sex, identifier, changed_by)
                            select person_id, region_id, municipality_id, 'Benchclient' || n, 'Anna',
                              lower('Benchclient' || n || ' anna'),
                              date '1930-01-01' + ((n::bigint * 7919) % 20000)::int,
                              case when n % 2 = 0 then 'FEMALE' else 'MALE' end, 'CASE-' || n, 'bench'
                            from bench_case""")
                        .update();
                    jdbc.sql(
                            """
                            insert into cases.client_case (id, reference, person_id, region_id,
                              municipality_id, sector, source, request, status, worker_id,
                              worker_name, opened_at, opened_by, language)
                            select b.case_id, 'C-B-' || b.n, b.person_id, b.region_id,
                              b.municipality_id, 'SOCIAL_PROTECTION', 'COMMUNITY',
                              'Cannot manage at home alone.', 'OPEN',
                              case when b.code = 'NV-N-01' then w.id end,
                              case when b.code = 'NV-N-01' then w.display_name else '' end,
                              b.opened_at, 'bench', 'en'
                            from bench_case b
                            left join accounts.user_account w on w.username = 'worker.harbour'""")
                        .update();
                    jdbc.sql(
                            """
                            insert into cases.case_step (case_id, seq, kind, role, region_id,
                              municipality_id, started_on, due_on, completed_at, completed_by, record)
                            select b.case_id, s.seq, s.kind, 'CASE_WORKER', b.region_id,
                              b.municipality_id, b.opened_at::date + s.seq * 5,
                              b.opened_at::date + s.seq * 5 + 10,
                              case when s.seq < 3 then b.opened_at + (s.seq * 6 || ' days')::interval end,
                              case when s.seq < 3 then 'bench' end,
                              case when s.seq < 3 then 'Visited at home; needs help daily.' else '' end
                            from bench_case b
                            cross join (values (1, 'INITIAL_EVALUATION'), (2, 'INTERVENTION_PLAN'),
                                               (3, 'INDIVIDUAL_PLAN')) s(seq, kind)""")
                        .update();
                    jdbc.sql(
                            """
                            insert into cases.case_event (case_id, region_id, municipality_id, at,
                              actor, kind, detail)
                            select b.case_id, b.region_id, b.municipality_id,
                              b.opened_at + (e.k || ' days')::interval, 'bench', e.kind, e.detail
                            from bench_case b
                            cross join (values (0, 'OPENED', ''), (6, 'STEP_COMPLETED', 'INITIAL_EVALUATION'),
                                               (12, 'STEP_COMPLETED', 'INTERVENTION_PLAN')) e(k, kind, detail)""")
                        .update();
                    jdbc.sql(
                            """
                            insert into cases.case_note (id, case_id, region_id, municipality_id,
                              restricted, text, written_at, written_by)
                            select gen_random_uuid(), case_id, region_id, municipality_id, n % 7 = 0,
                              'Spoke with the neighbour; the daughter calls every Sunday.',
                              opened_at + interval '1 day', 'bench'
                            from bench_case""")
                        .update();
                    jdbc.sql(
                            """
                            insert into cases.service_plan (id, case_id, region_id, municipality_id,
                              version_number, status, goals, language, origin_name, origin_latitude,
                              origin_longitude, created_at, created_by)
                            select gen_random_uuid(), case_id, region_id, municipality_id, 1, 'DRAFT',
                              'Live at home safely.', 'en', place, latitude, longitude, now(), 'bench'
                            from bench_case where n % 20 = 0""")
                        .update();
                    jdbc.sql(
                            """
                            insert into cases.plan_service (id, plan_id, case_id, region_id,
                              municipality_id, position, service_type_id, service_name, standard_id,
                              unit, units, period, norm_units, starts_on, ends_on)
                            select gen_random_uuid(), p.id, p.case_id, p.region_id, p.municipality_id,
                              t.position, st.id, st.name, sd.id, sd.unit, 1, sd.norm_period,
                              sd.max_units, current_date, current_date + 180
                            from cases.service_plan p
                            join bench_case b on b.case_id = p.case_id
                            cross join (values (1, 'HOME-CARE'), (2, 'HOT-MEALS')) t(position, code)
                            join catalogue.service_type st on st.code = t.code
                            join lateral (select * from catalogue.standard s
                                          where s.service_type_id = st.id
                                          order by version_number desc limit 1) sd on true""")
                        .update();
                  }));
    }
  }

  /**
   * Every worker signs in once; its requests then go over one kept-alive connection with the
   * session's cookie, through the same minimal client as the other benchmarks.
   */
  private static void run(String label, int port, Function<Random, String> paths) throws Exception {
    ClosedLoop.run(
        label,
        WARM_UP_ROUNDS,
        CLIENTS,
        REQUESTS_PER_CLIENT,
        (n, random) -> {
          WebSession worker = new WebSession(port);
          if (!worker.signIn("worker.harbour", Fixtures.DEMO_PASSWORD)) {
            throw new IllegalStateException("worker.harbour cannot sign in");
          }
          String cookie = worker.cookieHeader();
          KeepAliveHttp http = new KeepAliveHttp("localhost", port);
          return new ClosedLoop.Client() {
            @Override
            public ClosedLoop.Exchange prepare(int i) {
              String path = paths.apply(random);
              return () -> http.getOk(path, cookie);
            }

            @Override
            public void close() throws Exception {
              http.close();
            }
          };
        });
  }
}
