package org.socius.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.socius.SociusApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

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
      ClosedLoop.printHeader("path");
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

  private static List<UUID> seed(ConfigurableApplicationContext context) {
    long started = System.nanoTime();
    List<UUID> types = BenchRegister.seed(context, POINTS);
    System.out.printf(
        "Seeded %,d service points in %.1f s%n", POINTS, (System.nanoTime() - started) / 1e9);
    return types;
  }

  /** Which requests a run sends. */
  private enum Target {
    /** The cheapest request the stack answers: what any endpoint costs before its own work. */
    FLOOR,
    API,
    PAGE
  }

  /** Every client keeps one connection for its requests. */
  private static void run(String label, int port, List<UUID> types, Target target)
      throws Exception {
    ClosedLoop.run(
        label,
        WARM_UP_ROUNDS,
        CLIENTS,
        REQUESTS_PER_CLIENT,
        (n, random) -> {
          KeepAliveHttp http = new KeepAliveHttp("localhost", port);
          return new ClosedLoop.Client() {
            @Override
            public ClosedLoop.Exchange prepare(int i) {
              String path = path(types, target, random);
              return () -> http.getOk(path, null);
            }

            @Override
            public void close() throws Exception {
              http.close();
            }
          };
        });
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
}
