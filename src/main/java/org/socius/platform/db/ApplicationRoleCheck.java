package org.socius.platform.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * After the migrations, refuses to run if the application's role owns any table: an owner can
 * switch off row-level security and the audit log's triggers, which would leave one line of defence
 * instead of two.
 */
class ApplicationRoleCheck implements SmartInitializingSingleton {

  private final DataSource dataSource;

  ApplicationRoleCheck(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void afterSingletonsInstantiated() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "select count(*) from pg_tables where tableowner = current_user"
                    + " and schemaname not in ('pg_catalog', 'information_schema')")) {
      rs.next();
      if (rs.getLong(1) > 0) {
        throw new IllegalStateException(
            "The database role Socius connects as owns tables, so it could switch off row-level"
                + " security and the audit log's protection. Run the migrations as a separate"
                + " owner role (SOCIUS_DB_OWNER_USER, SOCIUS_DB_OWNER_PASSWORD).");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot check the database roles: " + e.getMessage(), e);
    }
  }
}
