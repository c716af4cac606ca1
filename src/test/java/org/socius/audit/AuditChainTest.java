package org.socius.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socius.audit.internal.AuditEntries;
import org.socius.audit.internal.ChainVerification;
import org.socius.platform.db.EmbeddedDatabase;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.TerritorialScope;
import org.socius.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit log cannot be changed through the application, and changes behind its back show. */
@IntegrationTest
class AuditChainTest {

  @Autowired AuditLog audit;
  @Autowired AuditEntries entries;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired EmbeddedDatabase embedded;

  /** The check as a national auditor runs it. */
  private ChainVerification verify() {
    return CurrentScope.within(TerritorialScope.national(), entries::verify);
  }

  private long recordOne(String id) {
    CurrentScope.asSystem(
        () ->
            transaction.executeWithoutResult(
                s ->
                    audit.recordChange(
                        AuditedEntity.national("test-record", id),
                        "update",
                        Map.of("value", 1),
                        Map.of("value", 2))));
    return CurrentScope.asSystem(
        () ->
            transaction.execute(
                s ->
                    jdbc.sql("select seq from audit.entry where entity_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()));
  }

  @Test
  void theApplicationRoleCannotChangeOrRemoveEntries() {
    long seq = recordOne("append-only");
    for (String statement :
        new String[] {
          "update audit.entry set actor_name = 'nobody' where seq = :seq",
          "delete from audit.entry where seq = :seq",
          "update audit.chain_head set last_seq = 0 where :seq > 0",
          "alter table audit.entry disable trigger entry_append_only",
          "alter table audit.entry no force row level security"
        }) {
      assertThatThrownBy(
              () ->
                  CurrentScope.asSystem(
                      () ->
                          transaction.execute(s -> jdbc.sql(statement).param("seq", seq).update())))
          .as(statement)
          .rootCause()
          .hasMessageMatching("(?s).*(permission denied|must be owner).*");
    }
    assertThat(verify().intact()).isTrue();

    // Even a role allowed to change rows meets the triggers.
    JdbcClient root = JdbcClient.create(embedded.superuserDataSource());
    assertThatThrownBy(
            () ->
                root.sql("update audit.entry set actor_name = 'nobody' where seq = :seq")
                    .param("seq", seq)
                    .update())
        .rootCause()
        .hasMessageContaining("append-only");
  }

  @Test
  void tamperingByASuperuserIsDetectedAndNamed() {
    long seq = recordOne("tamper-target");
    assertThat(verify().intact()).isTrue();

    JdbcClient root = JdbcClient.create(embedded.superuserDataSource());
    String original =
        root.sql("select after_state::text from audit.entry where seq = :seq")
            .param("seq", seq)
            .query(String.class)
            .single();
    try {
      root.sql("alter table audit.entry disable trigger entry_append_only").update();
      root.sql("update audit.entry set after_state = '{\"value\": 3}' where seq = :seq")
          .param("seq", seq)
          .update();

      ChainVerification verification = verify();
      assertThat(verification.intact()).isFalse();
      assertThat(verification.breaks())
          .contains(new ChainVerification.Break(seq, "content-changed"));
    } finally {
      root.sql("update audit.entry set after_state = cast(:original as jsonb) where seq = :seq")
          .param("original", original)
          .param("seq", seq)
          .update();
      root.sql("alter table audit.entry enable trigger entry_append_only").update();
    }
    assertThat(verify().intact()).isTrue();
  }

  @Test
  void aRemovedEntryIsDetected() {
    long seq = recordOne("removal-target");
    JdbcClient root = JdbcClient.create(embedded.superuserDataSource());
    var saved =
        root.sql("select * from audit.entry where seq = :seq")
            .param("seq", seq)
            .query()
            .singleRow();
    try {
      root.sql("alter table audit.entry disable trigger entry_append_only").update();
      root.sql("delete from audit.entry where seq = :seq").param("seq", seq).update();
      ChainVerification verification = verify();
      assertThat(verification.intact()).isFalse();
    } finally {
      root.sql("alter table audit.entry disable trigger entry_chain").update();
      root.sql(
              """
              insert into audit.entry (seq, occurred_at, actor_id, actor_name, action, entity_type,
                entity_id, region_id, municipality_id, client_address, before_state, after_state,
                prev_hash, hash)
              values (:seq, :occurred_at, :actor_id, :actor_name, :action, :entity_type, :entity_id,
                :region_id, :municipality_id, :client_address, cast(:before as jsonb),
                cast(:after as jsonb), :prev_hash, :hash)""")
          .params(saved)
          .param(
              "before",
              saved.get("before_state") == null ? null : saved.get("before_state").toString())
          .param(
              "after",
              saved.get("after_state") == null ? null : saved.get("after_state").toString())
          .update();
      root.sql("alter table audit.entry enable trigger entry_chain").update();
      root.sql("alter table audit.entry enable trigger entry_append_only").update();
    }
    assertThat(verify().intact()).isTrue();
  }
}
