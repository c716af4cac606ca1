package org.socius.benefits.internal;

import org.socius.people.PersonsMerged;
import org.socius.platform.security.CurrentScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** When two records of a person are merged, their applications name the person kept. */
@Component
class ApplicantMerges {

  private final JdbcClient jdbc;
  private final TransactionTemplate system;

  ApplicantMerges(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    // The event carries no user: the update runs in a transaction begun in the system's scope.
    this.system = new TransactionTemplate(transactions);
    system.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @ApplicationModuleListener
  void on(PersonsMerged merged) {
    CurrentScope.asSystem(
        () ->
            system.executeWithoutResult(
                status ->
                    jdbc.sql(
                            "update benefits.application set applicant_id = :kept"
                                + " where applicant_id = :duplicate")
                        .param("kept", merged.keptId())
                        .param("duplicate", merged.duplicateId())
                        .update()));
  }
}
