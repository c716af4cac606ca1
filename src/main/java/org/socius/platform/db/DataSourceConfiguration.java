package org.socius.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The application's one {@link DataSource}: an external PostgreSQL when configured, otherwise an
 * embedded PostgreSQL started here. Either way the application connects as a role that is neither
 * superuser nor allowed to bypass row-level security, so that PostgreSQL enforces the territorial
 * scope as a second line of defence.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DataSourceConfiguration {

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
      config.setJdbcUrl(embedded.jdbcUrl(EmbeddedDatabase.DATABASE));
      config.setUsername(EmbeddedDatabase.APP_ROLE);
      config.setPassword(EmbeddedDatabase.APP_ROLE);
    }
    HikariDataSource dataSource = new HikariDataSource(config);
    refuseRoleThatBypassesRowSecurity(dataSource);
    return dataSource;
  }

  /**
   * Migrations run as the owner role, not as the application; the application role is named to the
   * migrations, which grant it row access only.
   */
  @Bean
  FlywayConfigurationCustomizer ownerRunsMigrations(
      DatabaseProperties properties, EmbeddedDatabase embedded) {
    return configuration -> {
      if (properties.isExternal()) {
        configuration.placeholders(Map.of("app_role", properties.user()));
        if (properties.ownerUser() != null && !properties.ownerUser().isBlank()) {
          configuration.dataSource(
              properties.url(), properties.ownerUser(), properties.ownerPassword());
        }
      } else {
        configuration.placeholders(Map.of("app_role", EmbeddedDatabase.APP_ROLE));
        configuration.dataSource(
            embedded.jdbcUrl(EmbeddedDatabase.DATABASE),
            EmbeddedDatabase.OWNER_ROLE,
            EmbeddedDatabase.OWNER_ROLE);
      }
    };
  }

  @Bean
  ApplicationRoleCheck applicationRoleCheck(DataSource dataSource) {
    return new ApplicationRoleCheck(dataSource);
  }

  @Bean
  PlatformTransactionManager transactionManager(DataSource dataSource) {
    return new ScopedTransactionManager(dataSource);
  }

  /**
   * A superuser or BYPASSRLS role would silently switch off the territorial policies; better not to
   * start than to run without them.
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
                + " switch off row-level security. Connect as an ordinary role (SOCIUS_DB_USER)"
                + " and let an owner role (SOCIUS_DB_OWNER_USER) run the migrations.");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot connect to the database: " + e.getMessage(), e);
    }
  }
}
