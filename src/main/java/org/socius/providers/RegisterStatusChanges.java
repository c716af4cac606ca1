package org.socius.providers;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.socius.audit.AuditLog;
import org.socius.audit.AuditedEntity;
import org.socius.platform.Ids;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.providers.ProviderKinds.RegisteredStatus;
import org.socius.providers.internal.RegisterRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The region's officers suspend a registered service (it leaves the public register until
 * reinstated), exclude it for good, or reinstate a suspended one; each change needs a reason and
 * stays in the register's history.
 */
@Service
public class RegisterStatusChanges {

  private final JdbcClient jdbc;
  private final ProviderAccess access;
  private final AuditLog audit;
  private final RegisterRecords register;

  RegisterStatusChanges(
      JdbcClient jdbc, ProviderAccess access, AuditLog audit, RegisterRecords register) {
    this.jdbc = jdbc;
    this.access = access;
    this.audit = audit;
    this.register = register;
  }

  /** Whether the actor keeps the register this provider is in. */
  public boolean mayManage(UUID regionId) {
    return access.isOfficerOf(regionId);
  }

  /** Every registered service of a provider, whatever its status, for the region's officers. */
  @Transactional(readOnly = true)
  public List<RegisteredService> services(UUID providerId, UUID regionId) {
    access.requireOfficerOf(regionId, providerId);
    return register.ofProvider(providerId);
  }

  /** A step in the register's history. */
  public record Event(
      UUID registeredServiceId, OffsetDateTime at, String actorName, String kind, String reason) {}

  @Transactional
  public void suspend(UUID registeredServiceId, String reason) {
    change(
        registeredServiceId,
        RegisteredStatus.ACTIVE,
        RegisteredStatus.SUSPENDED,
        "SUSPENDED",
        reason);
  }

  @Transactional
  public void exclude(UUID registeredServiceId, String reason) {
    RegisteredStatus current = current(registeredServiceId).status();
    if (current == RegisteredStatus.EXCLUDED) {
      throw new ConflictException("PRV-1401", current);
    }
    change(registeredServiceId, current, RegisteredStatus.EXCLUDED, "EXCLUDED", reason);
  }

  @Transactional
  public void reinstate(UUID registeredServiceId, String reason) {
    change(
        registeredServiceId,
        RegisteredStatus.SUSPENDED,
        RegisteredStatus.ACTIVE,
        "REINSTATED",
        reason);
  }

  @Transactional(readOnly = true)
  public List<Event> history(UUID providerId) {
    return jdbc.sql(
            "select registered_service_id, at, actor_name, kind, reason from providers.register_event"
                + " where provider_id = :p order by at desc")
        .param("p", providerId)
        .query(
            (rs, n) ->
                new Event(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, OffsetDateTime.class),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)))
        .list();
  }

  private record Current(UUID providerId, UUID regionId, RegisteredStatus status) {}

  private Current current(UUID id) {
    Current current =
        jdbc.sql(
                "select provider_id, region_id, status from providers.registered_service where id = :id")
            .param("id", id)
            .query(
                (rs, n) ->
                    new Current(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        RegisteredStatus.valueOf(rs.getString(3))))
            .optional()
            .orElseThrow(() -> new NotFoundException("registered service", id));
    access.requireOfficerOf(current.regionId(), id);
    return current;
  }

  private void change(
      UUID id, RegisteredStatus from, RegisteredStatus to, String kind, String reason) {
    Current current = current(id);
    if (reason == null || reason.isBlank()) {
      throw InvalidInputException.of("reason", "PRV-1402");
    }
    if (current.status() != from) {
      throw new ConflictException("PRV-1401", current.status());
    }
    if (!register.changeStatus(
        id, from.name(), to.name(), to == RegisteredStatus.ACTIVE ? "" : reason.trim())) {
      throw new ConflictException("PRV-1401", "changed");
    }
    jdbc.sql(
            """
            insert into providers.register_event (id, registered_service_id, provider_id, region_id,
              actor_name, kind, reason)
            values (:id, :service, :provider, :region, :actor, :kind, :reason)""")
        .param("id", Ids.newId())
        .param("service", id)
        .param("provider", current.providerId())
        .param("region", current.regionId())
        .param("actor", access.actorName())
        .param("kind", kind)
        .param("reason", reason.trim())
        .update();
    audit.recordChange(
        AuditedEntity.of("registered-service", id, current.regionId(), null), kind.toLowerCase(),
        Map.of("status", from), Map.of("status", to, "reason", reason.trim()));
  }
}
