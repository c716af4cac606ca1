package org.socius.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.socius.audit.AuditLog;
import org.socius.audit.AuditedEntity;
import org.socius.platform.security.Actor;
import org.socius.platform.security.CurrentScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

@Service
class JdbcAuditLog implements AuditLog {

  static final String READ_ACTION = "read";

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Clock clock;
  private final TransactionTemplate separateTransaction;

  JdbcAuditLog(
      JdbcClient jdbc, JsonMapper json, Clock clock, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
    this.separateTransaction = new TransactionTemplate(transactions);
    this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  @Transactional
  public void recordChange(AuditedEntity entity, String action, Object before, Object after) {
    append(entity, action, before, after);
  }

  @Override
  public void recordRead(AuditedEntity entity) {
    // Reads usually run in read-only transactions, which PostgreSQL would refuse to write in;
    // the read happened either way, so it is recorded in a transaction of its own.
    if (TransactionSynchronizationManager.isActualTransactionActive()
        && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
      append(entity, READ_ACTION, null, null);
    } else {
      separateTransaction.executeWithoutResult(status -> append(entity, READ_ACTION, null, null));
    }
  }

  private void append(AuditedEntity entity, String action, Object before, Object after) {
    Actor actor = CurrentScope.actor().orElse(null);
    jdbc.sql(
            """
            insert into audit.entry (occurred_at, actor_id, actor_name, action, entity_type,
              entity_id, region_id, municipality_id, client_address, before_state, after_state)
            values (:at, :actorId, :actorName, :action, :type, :id, :region, :municipality,
              :address, cast(:before as jsonb), cast(:after as jsonb))""")
        .param("at", OffsetDateTime.now(clock))
        .param("actorId", actor == null ? null : actor.userId())
        .param("actorName", actor == null ? "system" : actor.username())
        .param("action", action)
        .param("type", entity.type())
        .param("id", entity.id())
        .param("region", entity.regionId())
        .param("municipality", entity.municipalityId())
        .param("address", clientAddress())
        .param("before", toJson(before))
        .param("after", toJson(after))
        .update();
  }

  private String toJson(Object state) {
    return state == null ? null : json.writeValueAsString(state);
  }

  private static String clientAddress() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
      HttpServletRequest request = attrs.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }
}
