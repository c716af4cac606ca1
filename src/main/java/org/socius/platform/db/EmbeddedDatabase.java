package org.socius.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The embedded server, if this run uses one; closed with the application context. */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  static final String APP_ROLE = "socius";
  static final String OWNER_ROLE = "socius_owner";
  static final String DATABASE = "socius";
  static final EmbeddedDatabase NOT_USED = new EmbeddedDatabase(null);
  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static EmbeddedDatabase start(DatabaseProperties.Embedded settings) {
    try {
      Files.createDirectories(settings.dataDir());
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(settings.dataDir())
              .setCleanDataDirectory(settings.clean())
              .setServerConfig("max_connections", "200")
              .setServerConfig("shared_buffers", "256MB")
              .setServerConfig("timezone", "UTC")
              // A recertification writes a million decisions in one transaction: checkpoints in
              // the middle of it would write every page twice.
              .setServerConfig("max_wal_size", "4GB")
              // Stopped when the application context closes, after everything that still writes
              // on the way down (the event publication registry does); a JVM hook of its own
              // would stop it in parallel, and the last writes would wait for a dead server.
              .setRegisterShutdownHook(false);
      if (!settings.clean()) {
        // A data directory that is kept must survive a crash: the embedded server otherwise runs
        // without fsync and acknowledges commits before they reach the disk. Throw-away
        // directories (tests, benchmarks) keep the faster defaults.
        builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
      }
      if (settings.port() > 0) {
        builder.setPort(settings.port());
      }
      EmbeddedPostgres postgres = builder.start();
      log.info(
          "Embedded PostgreSQL on port {} with data in {}",
          postgres.getPort(),
          settings.dataDir().toAbsolutePath());
      createApplicationRoleAndDatabase(postgres);
      return new EmbeddedDatabase(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
    }
  }

  private static void createApplicationRoleAndDatabase(EmbeddedPostgres postgres) {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          """
          do $$ begin
            if not exists (select from pg_roles where rolname = 'socius_owner') then
              create role socius_owner login password 'socius_owner' nosuperuser nobypassrls;
            end if;
            if not exists (select from pg_roles where rolname = 'socius') then
              create role socius login password 'socius' nosuperuser nobypassrls;
            end if;
          end $$""");
      try (ResultSet rs =
          statement.executeQuery("select 1 from pg_database where datname = 'socius'")) {
        if (!rs.next()) {
          statement.execute("create database socius owner socius_owner");
        }
      }
      // Extensions need a superuser to install; the roles of Socius only use them.
      try (Connection app = postgres.getDatabase("postgres", DATABASE).getConnection();
          Statement appStatement = app.createStatement()) {
        appStatement.execute("create extension if not exists pg_trgm");
        appStatement.execute("create extension if not exists btree_gist");
        appStatement.execute("create extension if not exists unaccent");
        appStatement.execute("create extension if not exists cube");
        appStatement.execute("create extension if not exists earthdistance");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot prepare the embedded database", e);
    }
  }

  String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
  }

  /** A superuser connection to the application database, for tests of the defences. */
  public DataSource superuserDataSource() {
    return postgres == null ? null : postgres.getDatabase("postgres", DATABASE);
  }

  @Override
  public void close() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }
}
