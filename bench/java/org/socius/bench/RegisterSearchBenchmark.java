package org.socius.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.socius.SociusApplication;
import org.socius.catalogue.Catalogue;
import org.socius.catalogue.ServiceType;
import org.socius.platform.security.CurrentScope;
import org.socius.territory.Territories;
import org.socius.territory.TerritoryUnit;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public register search under load: 100,000 service points with registered services, then 50
 * concurrent clients asking for the first page of the nearest services of a type, through the JSON
 * API and through the public HTML page. Prints latency percentiles and throughput.
 *
 * <p>Run with {@code bench/register-search.sh}.
 */
public final class RegisterSearchBenchmark {

  private static final int POINTS = Integer.getInteger("points", 100_000);
  private static final int CLIENTS = Integer.getInteger("clients", 50);
  private static final int REQUESTS_PER_CLIENT = Integer.getInteger("requests", 200);
  private static final int WARM_UP_ROUNDS = Integer.getInteger("warmups", 2);

  /** Which parts to run: any of floor, api, page, export. */
  private static final String PHASES = System.getProperty("phases", "floor,api,page,export");

  public static void main(String[] args) throws Exception {
    ConfigurableApplicationContext context =
        // Command-line arguments outrank application.properties, so the benchmark never touches
        // the data of a normal run.
        new SpringApplicationBuilder(SociusApplication.class)
            .run(
                "--server.port=0",
                "--socius.db.embedded.data-dir=target/bench-postgres",
                "--socius.db.embedded.clean=true",
                "--socius.demo.enabled=true",
                "--logging.level.root=WARN");
    try {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      List<UUID> types = seed(context);
      if (Boolean.getBoolean("hold")) {
        // Keeps the seeded server up for a look at its database with psql.
        System.out.println(
            "Holding; database: "
                + ((HikariDataSource) context.getBean(DataSource.class)).getJdbcUrl());
        Thread.sleep(Long.MAX_VALUE);
      }
      System.out.printf(
          "Register search, %,d service points, %d clients x %d requests%n",
          POINTS, CLIENTS, REQUESTS_PER_CLIENT);
      System.out.printf(
          "%-34s %8s %8s %8s %8s %10s%n", "path", "p50 ms", "p95 ms", "p99 ms", "max ms", "req/s");
      if (PHASES.contains("floor")) {
        run("floor /actuator/health/liveness", port, types, Target.FLOOR);
      }
      if (PHASES.contains("api")) {
        run("JSON API /api/v1/register/services", port, types, Target.API);
      }
      if (PHASES.contains("page")) {
        run("public page /register", port, types, Target.PAGE);
      }
      if (PHASES.contains("export")) {
        export(port);
      }
    } finally {
      context.close();
    }
  }

  /** Providers with ten service points each, spread over the country, one service per point. */
  private static List<UUID> seed(ConfigurableApplicationContext context) {
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
    Catalogue catalogue = context.getBean(Catalogue.class);
    Territories territories = context.getBean(Territories.class);
    List<UUID> types =
        catalogue.search(null, null, null, null, null, true).stream().map(ServiceType::id).toList();
    List<TerritoryUnit> municipalities = territories.municipalities();
    long started = System.nanoTime();
    CurrentScope.asSystem(
        () ->
            transaction.executeWithoutResult(
                status -> {
                  jdbc.sql(
                          """
                          create temporary table bench_municipality as
                          select row_number() over () - 1 as n, id, region_id
                          from territory.unit where level = 'MUNICIPALITY'""")
                      .update();
                  jdbc.sql(
                          """
                          insert into providers.provider (id, region_id, legal_name, provider_type, status)
                          select gen_random_uuid(), m.region_id, 'Bench provider ' || g,
                            (array['NGO','COMPANY','STATE_INSTITUTION','RELIGIOUS_ORGANISATION'])[1 + g % 4],
                            'REGISTERED'
                          from generate_series(1, :providers) g
                          join bench_municipality m on m.n = g % :municipalities""")
                      .param("providers", POINTS / 10)
                      .param("municipalities", municipalities.size())
                      .update();
                  jdbc.sql(
                          """
                          insert into providers.service_point (id, provider_id, region_id, municipality_id,
                            name, address, latitude, longitude, capacity)
                          select gen_random_uuid(), p.id, p.region_id,
                            (select id from bench_municipality where region_id = p.region_id limit 1),
                            'Point ' || s, s || ' Bench Street', 53 + random() * 2.5, 20 + random() * 3,
                            10 + (random() * 90)::int
                          from providers.provider p cross join generate_series(1, 10) s
                          where p.legal_name like 'Bench provider %'""")
                      .update();
                  jdbc.sql(
                          """
                          insert into providers.registered_service (id, provider_id, region_id,
                            municipality_id, service_type_id, service_point_id, capacity, registered_on,
                            earth, provider_type)
                          select gen_random_uuid(), sp.provider_id, sp.region_id, sp.municipality_id,
                            (:types::uuid[])[1 + (abs(hashtext(sp.id::text)) % :typeCount)], sp.id,
                            sp.capacity, current_date, ll_to_earth(sp.latitude, sp.longitude), p.provider_type
                          from providers.service_point sp join providers.provider p on p.id = sp.provider_id
                          where p.legal_name like 'Bench provider %'""")
                      .param(
                          "types",
                          "{" + String.join(",", types.stream().map(UUID::toString).toList()) + "}")
                      .param("typeCount", types.size())
                      .update();
                }));
    vacuum(context);
    System.out.printf(
        "Seeded %,d service points in %.1f s%n", POINTS, (System.nanoTime() - started) / 1e9);
    return types;
  }

  /**
   * A register in steady state has been vacuumed and analysed (autovacuum does it in production):
   * the planner needs the statistics, and counting needs the visibility map. Only the owner role
   * may vacuum the tables.
   */
  private static void vacuum(ConfigurableApplicationContext context) {
    String url = ((HikariDataSource) context.getBean(DataSource.class)).getJdbcUrl();
    try (Connection owner = DriverManager.getConnection(url, "socius_owner", "socius_owner");
        Statement statement = owner.createStatement()) {
      statement.execute("vacuum analyze");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot vacuum the benchmark database", e);
    }
  }

  /** Which requests a run sends. */
  private enum Target {
    /** The cheapest request the stack answers: what any endpoint costs before its own work. */
    FLOOR,
    API,
    PAGE
  }

  private static void run(String label, int port, List<UUID> types, Target target)
      throws Exception {
    // The same load, unmeasured, first: the JIT compiles the hot paths while it runs, and a
    // service in production answers with compiled code.
    for (int round = 0; round < WARM_UP_ROUNDS; round++) {
      load(port, types, target, 1000 + round);
    }
    long started = System.nanoTime();
    List<Long> sorted = load(port, types, target, 0);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "%-34s %8.1f %8.1f %8.1f %8.1f %10.0f%n",
        label,
        ms(sorted, 0.50),
        ms(sorted, 0.95),
        ms(sorted, 0.99),
        sorted.getLast() / 1e6,
        sorted.size() / seconds);
  }

  /**
   * Every client keeps one connection and sends its requests one after another, each as soon as the
   * previous answer is read; answers the sorted latencies.
   */
  private static List<Long> load(int port, List<UUID> types, Target target, int seed)
      throws Exception {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        Random own = new Random(seed * 1_000L + c);
        running.add(
            clients.submit(
                () -> {
                  try (KeepAliveHttp http = new KeepAliveHttp("localhost", port)) {
                    for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
                      String path = path(types, target, own);
                      long t0 = System.nanoTime();
                      KeepAliveHttp.Response response = http.get(path, null);
                      latencies.add(System.nanoTime() - t0);
                      if (response.status() != 200) {
                        throw new IllegalStateException(
                            "HTTP " + response.status() + " for " + path);
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
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    return sorted;
  }

  /**
   * Downloads the HSDS export of the whole register, streaming, while sampling the heap: the export
   * should need no more memory for 100,000 services than for ten.
   */
  private static void export(int port) throws Exception {
    java.lang.management.MemoryMXBean memory =
        java.lang.management.ManagementFactory.getMemoryMXBean();
    System.gc();
    long baseline = memory.getHeapMemoryUsage().getUsed();
    long[] peak = {baseline};
    Thread sampler =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed());
                    try {
                      Thread.sleep(5);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
    HttpClient http = HttpClient.newHttpClient();
    for (String path : List.of("/register/export/hsds.json", "/register/export/hsds-csv.zip")) {
      long started = System.nanoTime();
      HttpResponse<java.io.InputStream> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
              HttpResponse.BodyHandlers.ofInputStream());
      long bytes = 0;
      try (java.io.InputStream in = response.body()) {
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          bytes += n;
        }
      }
      System.out.printf(
          "Export %-32s %,12d bytes in %5.1f s; heap peak %,d MB above the %,d MB before (max heap %,d MB)%n",
          path,
          bytes,
          (System.nanoTime() - started) / 1e9,
          (peak[0] - baseline) >> 20,
          baseline >> 20,
          Runtime.getRuntime().maxMemory() >> 20);
      System.gc();
      baseline = memory.getHeapMemoryUsage().getUsed();
      peak[0] = baseline;
    }
    sampler.interrupt();
  }

  /** The first page of the nearest services of a random type around a random point. */
  private static String path(List<UUID> types, Target target, Random random) {
    UUID type = types.get(random.nextInt(types.size()));
    double lat = 53 + random.nextDouble() * 2.5;
    double lon = 20 + random.nextDouble() * 3;
    String query = "serviceType=" + type + "&lat=" + lat + "&lon=" + lon;
    return switch (target) {
      case FLOOR -> "/actuator/health/liveness";
      case API -> "/api/v1/register/services?size=25&" + query;
      case PAGE -> "/register?" + query;
    };
  }

  private static double ms(List<Long> sorted, double quantile) {
    return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1))
        / 1e6;
  }
}
