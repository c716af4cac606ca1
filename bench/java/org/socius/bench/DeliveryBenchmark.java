package org.socius.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.socius.SociusApplication;
import org.socius.accounts.AccountAdministration;
import org.socius.accounts.internal.ApiTokens;
import org.socius.delivery.Claim;
import org.socius.delivery.Claims;
import org.socius.platform.security.CurrentScope;
import org.socius.support.Fixtures;
import org.socius.support.SeededAgreements;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery at scale. Harbour Care Association holds accepted agreements of home care with 2,000
 * clients. Its system sends 100 days of morning visits (200,000 records) through the API in CSV
 * sets of 10,000 under their keys, two at a time, every record checked against its agreement, the
 * plan's volume and its carer's other visits; then single records at a steady 100 a second. Last,
 * the regional officer builds a past month's claims from 1,000,000 confirmed records. Prints
 * records per second, the single records' latency percentiles and the claims' build time.
 *
 * <p>Run with {@code bench/delivery.sh}.
 */
public final class DeliveryBenchmark {

  private static final int AGREEMENTS = Integer.getInteger("agreements", 2_000);
  private static final int DAYS = Integer.getInteger("days", 100);
  private static final int BATCH = Integer.getInteger("batch", 10_000);
  private static final int SENDERS = Integer.getInteger("senders", 2);
  private static final int RATE = Integer.getInteger("rate", 100);
  private static final int SINGLES = Integer.getInteger("singles", 2_000);
  private static final int CLAIM_RECORDS = Integer.getInteger("claimRecords", 1_000_000);
  private static final String HARBOUR = "Harbour Care Association";

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
      JdbcClient jdbc = context.getBean(JdbcClient.class);
      TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
      UUID harbour =
          system(
              transaction,
              () ->
                  jdbc.sql("select id from providers.provider where legal_name = :n")
                      .param("n", HARBOUR)
                      .query(UUID.class)
                      .single());
      LocalDate today = LocalDate.now();
      long started = System.nanoTime();
      system(
          transaction,
          () -> {
            SeededAgreements.homeCare(jdbc, harbour, AGREEMENTS, today.minusDays(DAYS + 20L));
            return null;
          });
      BenchRegister.vacuum(context);
      System.out.printf(
          "Seeded %,d accepted agreements of home care in %.1f s%n",
          AGREEMENTS, (System.nanoTime() - started) / 1e9);
      String authorization = "Bearer " + token(context, "provider.staff");
      String path = "/api/v1/providers/" + harbour + "/deliveries";

      bulk(port, authorization, path + "/batches", today);
      singles(port, authorization, path, today);
      claims(context, jdbc, transaction, harbour);
    } finally {
      context.close();
    }
  }

  /** Sets of CSV lines, a visit a day for each agreement, sent by a few senders at once. */
  private static void bulk(int port, String authorization, String path, LocalDate today)
      throws Exception {
    List<byte[]> sets = new ArrayList<>();
    StringBuilder csv = new StringBuilder("agreement,service,date,start,end,staff,place\n");
    int inSet = 0;
    for (int day = DAYS; day >= 1; day--) {
      String date = today.minusDays(day).toString();
      for (int a = 1; a <= AGREEMENTS; a++) {
        csv.append("A-B-").append(a).append(",HOME-CARE,").append(date);
        csv.append(",08:00,09:00,Carer ").append(a).append(",At home\n");
        if (++inSet == BATCH) {
          sets.add(csv.toString().getBytes(StandardCharsets.UTF_8));
          csv = new StringBuilder("agreement,service,date,start,end,staff,place\n");
          inSet = 0;
        }
      }
    }
    if (inSet > 0) {
      sets.add(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
    AtomicInteger next = new AtomicInteger();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    long started = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(SENDERS)) {
      List<Future<?>> running = new ArrayList<>();
      for (int s = 0; s < SENDERS; s++) {
        running.add(
            pool.submit(
                () -> {
                  try (KeepAliveHttp http = new KeepAliveHttp("localhost", port)) {
                    for (int i = next.getAndIncrement();
                        i < sets.size();
                        i = next.getAndIncrement()) {
                      long t0 = System.nanoTime();
                      KeepAliveHttp.Response r =
                          http.post(
                              path,
                              authorization,
                              "text/csv",
                              "Idempotency-Key: bench-set-" + i,
                              sets.get(i));
                      latencies.add(System.nanoTime() - t0);
                      if (r.status() != 201) {
                        throw new IllegalStateException(
                            "Set "
                                + i
                                + ": HTTP "
                                + r.status()
                                + " "
                                + new String(r.body(), StandardCharsets.UTF_8));
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long records = (long) DAYS * AGREEMENTS;
    Collections.sort(latencies);
    System.out.printf(
        "Bulk ingestion: %,d records in %d CSV sets of %,d, %d senders: %.1f s, %,.0f records/s"
            + " (a set: p50 %.0f ms, max %.0f ms)%n",
        records,
        sets.size(),
        BATCH,
        SENDERS,
        seconds,
        records / seconds,
        latencies.get(latencies.size() / 2) / 1e6,
        latencies.getLast() / 1e6);
  }

  /**
   * Single records at a steady rate: each is due at its scheduled time and sent then (or at once
   * when the one before ran late), and timed from when it was due to the answer, so that a slow
   * answer also counts against those it held up. A first round, unmeasured, lets the JIT compile
   * the path.
   */
  private static void singles(int port, String authorization, String path, LocalDate today)
      throws Exception {
    paced(port, authorization, path, today, DAYS + 9, SINGLES / 2);
    ClosedLoop.Latencies measured = paced(port, authorization, path, today, DAYS + 5, SINGLES);
    System.out.printf(
        "Single records, %d a second scheduled, %,d in all (latency from when each was due):%n",
        RATE, SINGLES);
    ClosedLoop.printHeader("request");
    measured.print("POST one delivery record");
  }

  private static ClosedLoop.Latencies paced(
      int port, String authorization, String path, LocalDate today, int firstDay, int count)
      throws Exception {
    List<Long> latencies = new ArrayList<>(count);
    long interval = 1_000_000_000L / RATE;
    long start;
    try (KeepAliveHttp http = new KeepAliveHttp("localhost", port)) {
      start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        long due = start + i * interval;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        int agreement = 1 + i % AGREEMENTS;
        String date = today.minusDays(firstDay - (long) (i / AGREEMENTS)).toString();
        String json =
            """
            {"agreement":"A-B-%d","service":"HOME-CARE","date":"%s","start":"10:00",
             "end":"10:30","staff":"Carer %d","place":"At home"}"""
                .formatted(agreement, date, agreement);
        KeepAliveHttp.Response r = http.postJson(path, authorization, json);
        latencies.add(System.nanoTime() - due);
        if (r.status() != 201) {
          throw new IllegalStateException(
              "HTTP " + r.status() + " " + new String(r.body(), StandardCharsets.UTF_8));
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Collections.sort(latencies);
    return new ClosedLoop.Latencies(latencies, seconds);
  }

  /** A past month's claims of the region, built from its confirmed records. */
  private static void claims(
      ConfigurableApplicationContext context,
      JdbcClient jdbc,
      TransactionTemplate transaction,
      UUID harbour) {
    YearMonth month = YearMonth.now().minusMonths(13);
    long started = System.nanoTime();
    int providers = seedConfirmed(jdbc, transaction, month);
    System.out.printf(
        "Seeded %,d confirmed records of %s across %d providers of the north in %.1f s%n",
        CLAIM_RECORDS, month, providers, (System.nanoTime() - started) / 1e9);
    BenchRegister.vacuum(context);
    Claims claims = context.getBean(Claims.class);
    Fixtures fixtures = context.getBean(Fixtures.class);
    UUID north =
        system(
            transaction,
            () ->
                jdbc.sql("select region_id from providers.provider where id = :p")
                    .param("p", harbour)
                    .query(UUID.class)
                    .single());
    started = System.nanoTime();
    List<Claim> built = fixtures.as("officer.north", () -> claims.build(north, month, null));
    double seconds = (System.nanoTime() - started) / 1e9;
    long lines = built.stream().mapToLong(Claim::lineCount).sum();
    System.out.printf(
        "Monthly claims: %d claims holding %,d lines built in %.1f s%n",
        built.size(), lines, seconds);
  }

  /** Confirmed records of a past month spread over the region's providers; answers how many. */
  private static int seedConfirmed(
      JdbcClient jdbc, TransactionTemplate transaction, YearMonth month) {
    return system(
        transaction,
        () -> {
          List<UUID> providers =
              jdbc.sql(
                      """
                      select p.id from providers.provider p
                      join territory.unit r on r.id = p.region_id where r.code = 'NV-N'""")
                  .query(UUID.class)
                  .list();
          UUID batch = UUID.randomUUID();
          jdbc.sql(
                  """
                  insert into delivery.delivery_batch (id, provider_id, idempotency_key, source,
                    record_count, content_hash, received_at, received_by)
                  values (:id, :p, 'bench-claims', 'API', :count, '\\x00', now(), 'bench')""")
              .param("id", batch)
              .param("p", providers.getFirst())
              .param("count", CLAIM_RECORDS)
              .update();
          jdbc.sql(
                  """
                  insert into delivery.delivery_record (id, batch_id, batch_position, provider_id,
                    agreement_id, agreement_ref, plan_service_id, case_id, region_id,
                    municipality_id, client_name, service_type_id, service_name, unit,
                    delivered_on, units, unit_price, copayment_share, status, recorded_at,
                    recorded_by, answered_at, answered_by, answered_as)
                  select gen_random_uuid(), :batch, g.n, (:providers)[1 + g.n % :count],
                    gen_random_uuid(), 'A-C-' || (g.n % 50000), gen_random_uuid(),
                    gen_random_uuid(), m.region_id, m.id, 'Client ' || (g.n % 50000), st.id,
                    st.name, 'HOUR', :first + (g.n % :days), 1.5, 9.80, 0.1, 'CONFIRMED', now(),
                    'bench', now(), 'bench', 'CLIENT'
                  from generate_series(1, :records) g(n)
                  cross join (select id, region_id from territory.unit where code = 'NV-N-01') m
                  cross join (select id, name from catalogue.service_type where code = 'HOME-CARE') st""")
              .param("batch", batch)
              .param("providers", providers.toArray(new UUID[0]))
              .param("count", providers.size())
              .param("first", month.atDay(1))
              .param("days", month.lengthOfMonth())
              .param("records", CLAIM_RECORDS)
              .update();
          return providers.size();
        });
  }

  private static <T> T system(
      TransactionTemplate transaction, java.util.function.Supplier<T> work) {
    return CurrentScope.asSystem(() -> transaction.execute(s -> work.get()));
  }

  private static String token(ConfigurableApplicationContext context, String username) {
    AccountAdministration accounts = context.getBean(AccountAdministration.class);
    ApiTokens tokens = context.getBean(ApiTokens.class);
    UUID user = CurrentScope.asSystem(() -> accounts.findByUsername(username).orElseThrow().id());
    return CurrentScope.asSystem(() -> tokens.issue(user, "benchmark", 1).token());
  }
}
