package org.socius.cases.internal;

import org.socius.people.PersonsMerged;
import org.socius.platform.security.CurrentScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When two records of a person are merged, their cases name the person kept: the case page reads
 * its client by that reference, and a duplicate no longer stands in the register of people.
 */
@Component
class ClientMerges {

  private final JdbcClient jdbc;
  private final TransactionTemplate system;

  ClientMerges(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.system = new TransactionTemplate(transactions);
    system.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @ApplicationModuleListener
  void on(PersonsMerged merged) {
    // The event carries no user, and the listener's own transaction began without a scope: the
    // update runs in a new one, begun in the system's scope.
    CurrentScope.asSystem(
        () ->
            system.executeWithoutResult(
                status ->
                    jdbc.sql(
                            "update cases.client_case set person_id = :kept"
                                + " where person_id = :duplicate")
                        .param("kept", merged.keptId())
                        .param("duplicate", merged.duplicateId())
                        .update()));
  }
}
