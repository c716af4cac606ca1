package org.socius.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The application's one {@link DataSource}: an external PostgreSQL when configured, otherwise
 * an embedded PostgreSQL started here. Either way the application connects as a role that is
 * neither superuser nor allowed to bypass row-level security, so that PostgreSQL enforces the
 * territorial scope as a second line of defence.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DataSourceConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DataSourceConfiguration.class);
  static final String EMBEDDED_APP_ROLE = "socius";
  static final String EMBEDDED_DATABASE = "socius";

  @Bean
  EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) {
    if (properties.isExternal()) {
      return EmbeddedDatabase.NOT_USED;
    }
    return EmbeddedDatabase.start(properties.embedded());
  }

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(DatabaseProperties properties, EmbeddedDatabase embedded) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("socius");
    config.setMaximumPoolSize(properties.poolSize());
    if (properties.isExternal()) {
      config.setJdbcUrl(properties.url());
      config.setUsername(properties.user());
      config.setPassword(properties.password());
    } else {
      config.setJdbcUrl(embedded.jdbcUrl(EMBEDDED_DATABASE));
      config.setUsername(EMBEDDED_APP_ROLE);
      config.setPassword(EMBEDDED_APP_ROLE);
    }
    HikariDataSource dataSource = new HikariDataSource(config);
    refuseRoleThatBypassesRowSecurity(dataSource);
    return dataSource;
  }

  @Bean
  PlatformTransactionManager transactionManager(DataSource dataSource) {
    return new ScopedTransactionManager(dataSource);
  }

  /**
   * A superuser or BYPASSRLS role would silently switch off the territorial policies; better not
   * to start than to run without them.
   */
  private static void refuseRoleThatBypassesRowSecurity(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "select rolsuper or rolbypassrls from pg_roles where rolname = current_user")) {
      if (rs.next() && rs.getBoolean(1)) {
        throw new IllegalStateException(
            "The database role Socius connects as is a superuser or has BYPASSRLS, which would"
                + " switch off row-level security. Connect as an ordinary role that owns the"
                + " database instead.");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot connect to the database: " + e.getMessage(), e);
    }
  }

  /** The embedded server, if this run uses one; closed with the application context. */
  static final class EmbeddedDatabase implements AutoCloseable {
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
                .setServerConfig("timezone", "UTC");
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
              if not exists (select from pg_roles where rolname = 'socius') then
                create role socius login password 'socius' nosuperuser nobypassrls;
              end if;
            end $$""");
        try (ResultSet rs =
            statement.executeQuery("select 1 from pg_database where datname = 'socius'")) {
          if (!rs.next()) {
            statement.execute("create database socius owner socius");
          }
        }
        // Extensions need a superuser to install; the application role only uses them.
        try (Connection app =
                postgres.getDatabase("postgres", EMBEDDED_DATABASE).getConnection();
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
      return postgres == null ? null : postgres.getDatabase("postgres", EMBEDDED_DATABASE);
    }

    @Override
    public void close() throws IOException {
      if (postgres != null) {
        postgres.close();
      }
    }
  }
}
