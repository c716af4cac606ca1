package org.socius.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.socius.support.SeededAgreements;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nothing acknowledged is lost. Socius runs as a process of its own against a PostgreSQL that
 * outlives it, as in production; a provider's system sends sets of delivery records one after
 * another, and the process is killed (SIGKILL: no shutdown, no flushing) while a set is in flight.
 * After a restart every set that was acknowledged is there whole, and sending every set again under
 * its key takes the one in flight at most once and nothing twice.
 */
class DeliveryCrashTest {

  private static final int AGREEMENTS = 500;
  private static final int SETS = 30;
  private static final String TOKEN = "soc_crash-test-" + UUID.randomUUID();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void aProcessKilledDuringBulkIngestionLosesNoAcknowledgedRecord() throws Exception {
    Path data = Path.of("target/crash-postgres");
    try (EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setCleanDataDirectory(true)
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .start()) {
      prepare(postgres);
      int port = freePort();
      Process first = launch(postgres, port, "first");
      DataSource superuser = postgres.getDatabase("postgres", "socius");
      JdbcClient jdbc = JdbcClient.create(superuser);
      TransactionTemplate transaction =
          new TransactionTemplate(new DataSourceTransactionManager(superuser));
      UUID provider;
      try {
        awaitUp(port, first);
        // The demo data load after the server listens; its last step is the demo's deliveries.
        awaitDemo(jdbc, first);
        provider =
            jdbc.sql(
                    "select id from providers.provider where legal_name = 'Harbour Care Association'")
                .query(UUID.class)
                .single();
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        transaction.executeWithoutResult(
            s -> SeededAgreements.homeCare(jdbc, provider, AGREEMENTS, today.minusDays(60)));
        jdbc.sql(
                """
                insert into accounts.api_token (id, user_id, name, token_hash, prefix, created_at,
                  expires_at)
                select gen_random_uuid(), id, 'crash test', :hash, :prefix, now(),
                  now() + interval '1 day'
                from accounts.user_account where username = 'provider.staff'""")
            .param(
                "hash",
                MessageDigest.getInstance("SHA-256").digest(TOKEN.getBytes(StandardCharsets.UTF_8)))
            .param("prefix", TOKEN.substring(0, 10))
            .update();
      } catch (RuntimeException | Error e) {
        first.destroyForcibly();
        throw e;
      }

      // Sets are sent one after another; the process is killed once a few are acknowledged.
      String path = "/api/v1/providers/" + provider + "/deliveries/batches";
      Map<Integer, Integer> acknowledged = new ConcurrentHashMap<>();
      AtomicInteger attempted = new AtomicInteger(-1);
      java.util.concurrent.atomic.AtomicReference<String> refused =
          new java.util.concurrent.atomic.AtomicReference<>();
      Thread sender =
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = 0; i < SETS; i++) {
                      attempted.set(i);
                      try {
                        HttpResponse<String> r = send(port, path, i);
                        if (r.statusCode() == 201) {
                          acknowledged.put(i, AGREEMENTS);
                        } else {
                          refused.compareAndSet(null, r.statusCode() + " " + r.body());
                        }
                      } catch (IOException | InterruptedException e) {
                        return;
                      }
                    }
                  });
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (acknowledged.size() < 3 && System.nanoTime() < deadline && sender.isAlive()) {
        Thread.sleep(5);
      }
      first.destroyForcibly().waitFor();
      sender.join();
      assertThat(refused.get()).as("a set refused").isNull();
      assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(3);
      int inFlight = attempted.get();

      // Every acknowledged set is in the database, whole.
      for (int i : acknowledged.keySet()) {
        assertThat(recordsOf(jdbc, provider, i)).as("set " + i).isEqualTo(AGREEMENTS);
      }

      // Restarted, the same sets sent again under their keys are taken at most once.
      Process second = launch(postgres, port, "second");
      try {
        awaitUp(port, second);
        for (int i = 0; i <= inFlight; i++) {
          HttpResponse<String> again = send(port, path, i);
          assertThat(again.statusCode()).as("set " + i + " again").isIn(200, 201);
          if (acknowledged.containsKey(i)) {
            assertThat(again.statusCode()).as("set " + i + " acknowledged before").isEqualTo(200);
          }
        }
      } finally {
        second.destroyForcibly().waitFor();
      }
      for (int i = 0; i <= inFlight; i++) {
        assertThat(recordsOf(jdbc, provider, i)).as("set " + i).isEqualTo(AGREEMENTS);
      }
      long records =
          jdbc.sql("select count(*) from delivery.delivery_record where agreement_ref like 'A-B-%'")
              .query(Long.class)
              .single();
      assertThat(records).isEqualTo((long) AGREEMENTS * (inFlight + 1));
    }
  }

  /** Set {@code i}: a morning visit under every agreement on one day, as CSV. */
  private static HttpResponse<String> send(int port, String path, int i)
      throws IOException, InterruptedException {
    StringBuilder csv = new StringBuilder("agreement,service,date,start,end,staff\n");
    String day = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1L + i).toString();
    for (int a = 1; a <= AGREEMENTS; a++) {
      csv.append("A-B-").append(a).append(",HOME-CARE,").append(day);
      csv.append(",08:00,09:00,Carer ").append(a).append('\n');
    }
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + TOKEN)
            .header("Idempotency-Key", "crash-set-" + i)
            .header("Content-Type", "text/csv")
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static long recordsOf(JdbcClient jdbc, UUID provider, int set) {
    return jdbc.sql(
            """
            select count(*) from delivery.delivery_record r
            join delivery.delivery_batch b on b.id = r.batch_id
            where b.provider_id = :p and b.idempotency_key = :k""")
        .param("p", provider)
        .param("k", "crash-set-" + set)
        .query(Long.class)
        .single();
  }

  /** The roles, the database and the extensions, as an administrator prepares them. */
  private static void prepare(EmbeddedPostgres postgres) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create role socius_owner login password 'socius_owner'");
      s.execute("create role socius login password 'socius'");
      s.execute("create database socius owner socius_owner");
    }
    try (Connection c = postgres.getDatabase("postgres", "socius").getConnection();
        Statement s = c.createStatement()) {
      for (String extension :
          List.of("pg_trgm", "btree_gist", "unaccent", "cube", "earthdistance")) {
        s.execute("create extension if not exists " + extension);
      }
    }
  }

  private static Process launch(EmbeddedPostgres postgres, int port, String name)
      throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(
            java,
            "-Xmx1g",
            "-cp",
            System.getProperty("java.class.path"),
            "org.socius.SociusApplication",
            "--logging.level.root=WARN");
    builder
        .environment()
        .putAll(
            Map.of(
                "SOCIUS_PORT", String.valueOf(port),
                "SOCIUS_DB_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/socius",
                "SOCIUS_DB_USER", "socius",
                "SOCIUS_DB_PASSWORD", "socius",
                "SOCIUS_DB_OWNER_USER", "socius_owner",
                "SOCIUS_DB_OWNER_PASSWORD", "socius_owner",
                "SOCIUS_DEMO", "true"));
    Path log = Path.of("target/crash-app-" + name + ".log");
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    return builder.start();
  }

  private static void awaitUp(int port, Process app) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
    while (System.nanoTime() < deadline) {
      if (!app.isAlive()) {
        throw new IllegalStateException(
            "Socius stopped while starting: see target/crash-app-*.log");
      }
      try {
        HttpResponse<String> r =
            HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("Socius did not start within four minutes");
  }

  private static void awaitDemo(JdbcClient jdbc, Process app) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      if (!app.isAlive()) {
        throw new IllegalStateException(
            "Socius stopped while loading the demo: see target/crash-app-*.log");
      }
      boolean loaded =
          jdbc.sql(
                  "select exists (select 1 from delivery.delivery_batch"
                      + " where idempotency_key = 'demo-home-care')")
              .query(Boolean.class)
              .single();
      if (loaded) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("The demo data did not load within two minutes");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
