package org.socius.platform.db;

import static java.util.stream.Collectors.joining;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.socius.platform.security.Actor;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.Role;
import org.socius.platform.security.TerritorialScope;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Begins every transaction by telling PostgreSQL whose scope it runs in, and who acts with which
 * roles (some rows are visible to a user or a role rather than to a territory). The settings are
 * local to the transaction, so a pooled connection never carries one user's scope into another's
 * work, and a statement run outside a transaction sees no territorial data at all.
 */
class ScopedTransactionManager extends JdbcTransactionManager {

  ScopedTransactionManager(DataSource dataSource) {
    super(dataSource);
  }

  @Override
  protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition)
      throws SQLException {
    super.prepareTransactionalConnection(con, definition);
    CurrentScope.Acting acting = CurrentScope.acting();
    TerritorialScope scope = acting.scope();
    Optional<Actor> actor = acting.actor();
    try (PreparedStatement statement =
        con.prepareStatement(
            "select set_config('socius.scope_level', ?, true),"
                + " set_config('socius.region_id', ?, true),"
                + " set_config('socius.municipality_id', ?, true),"
                + " set_config('socius.user_id', ?, true),"
                + " set_config('socius.roles', ?, true)")) {
      statement.setString(1, scope.level().name());
      statement.setString(2, scope.regionId() == null ? "" : scope.regionId().toString());
      statement.setString(
          3, scope.municipalityId() == null ? "" : scope.municipalityId().toString());
      statement.setString(4, actor.map(a -> a.userId().toString()).orElse(""));
      statement.setString(
          5,
          actor
              .map(a -> a.roles().stream().map(Role::name).sorted().collect(joining(",")))
              .orElse(""));
      statement.execute();
    }
  }
}
