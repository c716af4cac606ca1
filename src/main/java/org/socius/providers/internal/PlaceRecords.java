package org.socius.providers.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socius.providers.ProviderKinds.ProviderType;
import org.socius.providers.PublicRegister;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of places in the register: taking and giving back a place through the database's own
 * functions (a single conditional update decides who gets the last one), and reading free places
 * afresh.
 */
@Repository
public class PlaceRecords {

  private final JdbcClient jdbc;

  PlaceRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The reservation's id, or empty when no place is free or the service is not active. */
  public Optional<UUID> take(
      UUID registeredServiceId,
      UUID holderId,
      UUID clientRegionId,
      UUID clientMunicipalityId,
      OffsetDateTime at) {
    return jdbc.sql("select providers.take_place(:s, :h, :r, :m, :at)")
        .param("s", registeredServiceId)
        .param("h", holderId)
        .param("r", clientRegionId)
        .param("m", clientMunicipalityId)
        .param("at", at)
        .query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
        .single();
  }

  public boolean giveBack(UUID reservationId, OffsetDateTime at) {
    return Boolean.TRUE.equals(
        jdbc.sql("select providers.give_back_place(:id, :at)")
            .param("id", reservationId)
            .param("at", at)
            .query(Boolean.class)
            .single());
  }

  /** The registered service a reservation holds a place of. */
  public Optional<UUID> serviceOf(UUID reservationId) {
    return jdbc.sql("select registered_service_id from providers.place_reservation where id = :id")
        .param("id", reservationId)
        .query(UUID.class)
        .optional();
  }

  /** Free places of registered services as the database has them now. */
  public Map<UUID, Integer> freePlaces(Collection<UUID> registeredServiceIds) {
    Map<UUID, Integer> free = new HashMap<>();
    if (registeredServiceIds.isEmpty()) {
      return free;
    }
    jdbc.sql(
            "select id, greatest(0, capacity - occupied) from providers.registered_service"
                + " where id = any(:ids)")
        .param("ids", registeredServiceIds.toArray(UUID[]::new))
        .query(
            rs -> {
              free.put(rs.getObject(1, UUID.class), rs.getInt(2));
            });
    return free;
  }

  /** A line of the register as the public sees it, active or not. */
  public Optional<PlaceEntry> entry(UUID registeredServiceId) {
    return jdbc.sql(
            """
            select r.id, p.id, p.legal_name, r.provider_type, r.service_type_id, sp.id, sp.name,
              sp.address, r.region_id, r.municipality_id, sp.latitude, sp.longitude, r.capacity,
              greatest(0, r.capacity - r.occupied), r.status
            from providers.registered_service r
            join providers.provider p on p.id = r.provider_id
            join providers.service_point sp on sp.id = r.service_point_id
            where r.id = :id""")
        .param("id", registeredServiceId)
        .query(
            (rs, n) ->
                new PlaceEntry(
                    new PublicRegister.Entry(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        ProviderType.valueOf(rs.getString(4)),
                        rs.getObject(5, UUID.class),
                        rs.getObject(6, UUID.class),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getObject(9, UUID.class),
                        rs.getObject(10, UUID.class),
                        rs.getDouble(11),
                        rs.getDouble(12),
                        rs.getInt(13),
                        rs.getInt(14),
                        null),
                    "ACTIVE".equals(rs.getString(15))))
        .optional();
  }

  /** A line of the register and whether it takes clients now. */
  public record PlaceEntry(PublicRegister.Entry entry, boolean active) {}
}
