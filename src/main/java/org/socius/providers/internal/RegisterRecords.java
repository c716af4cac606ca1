package org.socius.providers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socius.providers.ProviderKinds.RegisteredStatus;
import org.socius.providers.RegisteredService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registered services. */
@Repository
public class RegisterRecords {

  private static final String COLUMNS =
      "id, provider_id, region_id, municipality_id, service_type_id, service_point_id, capacity,"
          + " occupied, status, status_reason, registered_on, version";

  private final JdbcClient jdbc;
  private final RegisterSearchIndex searchIndex;

  RegisterRecords(JdbcClient jdbc, RegisterSearchIndex searchIndex) {
    this.searchIndex = searchIndex;
    this.jdbc = jdbc;
  }

  public Optional<RegisteredService> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from providers.registered_service where id = :id")
        .param("id", id)
        .query(RegisterRecords::map)
        .optional();
  }

  public List<RegisteredService> ofProvider(UUID providerId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from providers.registered_service where provider_id = :p"
                + " order by registered_on")
        .param("p", providerId)
        .query(RegisterRecords::map)
        .list();
  }

  /** Adds a service to the register, or brings it back to the register at a new capacity. */
  public void register(RegisteredService s, UUID applicationId) {
    jdbc.sql(
            """
            insert into providers.registered_service (id, provider_id, region_id, municipality_id,
              service_type_id, service_point_id, capacity, registered_on, application_id, earth,
              provider_type)
            select :id, :p, :r, :m, :type, :point, :capacity, :on, :a,
              ll_to_earth(sp.latitude, sp.longitude), pr.provider_type
            from providers.service_point sp join providers.provider pr on pr.id = sp.provider_id
            where sp.id = :point
            on conflict (service_type_id, service_point_id) do update
              set capacity = excluded.capacity, status = 'ACTIVE', status_reason = '',
                  application_id = excluded.application_id, earth = excluded.earth,
                  provider_type = excluded.provider_type,
                  version = providers.registered_service.version + 1""")
        .param("id", s.id())
        .param("p", s.providerId())
        .param("r", s.regionId())
        .param("m", s.municipalityId())
        .param("type", s.serviceTypeId())
        .param("point", s.servicePointId())
        .param("capacity", s.capacity())
        .param("on", s.registeredOn())
        .param("a", applicationId)
        .update();
    searchIndex.rebuildOnCommit();
  }

  /**
   * Sets a registered service's capacity; false if more places are already taken than it would
   * have.
   */
  public boolean changeCapacity(UUID id, int capacity) {
    int changed =
        jdbc.sql(
                "update providers.registered_service set capacity = :capacity,"
                    + " version = version + 1 where id = :id and occupied <= :capacity")
            .param("capacity", capacity)
            .param("id", id)
            .update();
    searchIndex.rebuildOnCommit();
    return changed == 1;
  }

  /** Moves a registered service from one status to another; false if it was not in the first. */
  public boolean changeStatus(UUID id, String from, String to, String reason) {
    int changed =
        jdbc.sql(
                "update providers.registered_service set status = :to, status_reason = :reason,"
                    + " version = version + 1 where id = :id and status = :from")
            .param("to", to)
            .param("reason", reason)
            .param("id", id)
            .param("from", from)
            .update();
    searchIndex.rebuildOnCommit();
    return changed == 1;
  }

  static RegisteredService map(ResultSet rs, int row) throws SQLException {
    return new RegisteredService(
        rs.getObject("id", UUID.class),
        rs.getObject("provider_id", UUID.class),
        rs.getObject("region_id", UUID.class),
        rs.getObject("municipality_id", UUID.class),
        rs.getObject("service_type_id", UUID.class),
        rs.getObject("service_point_id", UUID.class),
        rs.getInt("capacity"),
        rs.getInt("occupied"),
        RegisteredStatus.valueOf(rs.getString("status")),
        rs.getString("status_reason"),
        rs.getObject("registered_on", LocalDate.class),
        rs.getInt("version"));
  }
}
