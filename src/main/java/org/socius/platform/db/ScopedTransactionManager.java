package org.socius.platform.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.TerritorialScope;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Begins every transaction by telling PostgreSQL whose scope it runs in. The settings are local to
 * the transaction, so a pooled connection never carries one user's scope into another's work, and a
 * statement run outside a transaction sees no territorial data at all.
 */
class ScopedTransactionManager extends JdbcTransactionManager {

  ScopedTransactionManager(DataSource dataSource) {
    super(dataSource);
  }

  @Override
  protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition)
      throws SQLException {
    super.prepareTransactionalConnection(con, definition);
    TerritorialScope scope = CurrentScope.get();
    try (PreparedStatement statement =
        con.prepareStatement(
            "select set_config('socius.scope_level', ?, true),"
                + " set_config('socius.region_id', ?, true),"
                + " set_config('socius.municipality_id', ?, true)")) {
      statement.setString(1, scope.level().name());
      statement.setString(2, scope.regionId() == null ? "" : scope.regionId().toString());
      statement.setString(
          3, scope.municipalityId() == null ? "" : scope.municipalityId().toString());
      statement.execute();
    }
  }
}
