package org.socius.providers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socius.platform.api.PageResponse;
import org.socius.platform.api.Paging;
import org.socius.providers.ProviderKinds.ProviderType;
import org.socius.providers.internal.ProviderRecords;
import org.socius.providers.internal.RegisterRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register as everybody sees it, signed in or not: the active registered services with their
 * provider and service point.
 */
@Service
public class PublicRegister {

  private final JdbcClient jdbc;
  private final ProviderRecords providers;
  private final RegisterRecords register;

  PublicRegister(JdbcClient jdbc, ProviderRecords providers, RegisterRecords register) {
    this.jdbc = jdbc;
    this.providers = providers;
    this.register = register;
  }

  /** One line of the register. */
  public record Entry(
      UUID registeredServiceId,
      UUID providerId,
      String providerName,
      ProviderType providerType,
      UUID serviceTypeId,
      UUID servicePointId,
      String servicePointName,
      String address,
      UUID regionId,
      UUID municipalityId,
      double latitude,
      double longitude,
      int capacity,
      int freePlaces) {}

  /** A provider's public page; applicants that have nothing in the register yet have none. */
  public record ProviderPage(
      Provider provider,
      List<ServicePoint> servicePoints,
      List<RegisteredService> services,
      List<Licence> licences) {}

  @Transactional(readOnly = true)
  public PageResponse<Entry> search(
      UUID serviceTypeId,
      UUID regionId,
      UUID municipalityId,
      ProviderType providerType,
      int page,
      int size) {
    Paging.check(page, size);
    Map<String, Object> params = new HashMap<>();
    params.put("type", serviceTypeId);
    params.put("region", regionId);
    params.put("municipality", municipalityId);
    params.put("providerType", providerType == null ? null : providerType.name());
    String where =
        " from providers.registered_service r"
            + " join providers.provider p on p.id = r.provider_id"
            + " join providers.service_point sp on sp.id = r.service_point_id"
            + " where r.status = 'ACTIVE'"
            + " and (cast(:type as uuid) is null or r.service_type_id = :type)"
            + " and (cast(:region as uuid) is null or r.region_id = :region)"
            + " and (cast(:municipality as uuid) is null or r.municipality_id = :municipality)"
            + " and (cast(:providerType as text) is null or p.provider_type = :providerType)";
    long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
    List<Entry> items =
        jdbc.sql(
                "select r.id, p.id as provider_id, p.legal_name, p.provider_type, r.service_type_id,"
                    + " sp.id as point_id, sp.name, sp.address, r.region_id, r.municipality_id,"
                    + " sp.latitude, sp.longitude, r.capacity, r.capacity - r.occupied as free"
                    + where
                    + " order by p.legal_name, sp.name limit :limit offset :offset")
            .params(params)
            .param("limit", size)
            .param("offset", (long) page * size)
            .query(
                (rs, n) ->
                    new Entry(
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
                        rs.getInt(14)))
            .list();
    return PageResponse.of(items, page, size, total);
  }

  @Transactional(readOnly = true)
  public Optional<ProviderPage> provider(UUID providerId) {
    return providers
        .find(providerId)
        .filter(p -> !"APPLICANT".equals(p.status()))
        .map(
            p ->
                new ProviderPage(
                    p,
                    providers.points(providerId),
                    register.ofProvider(providerId).stream()
                        .filter(s -> s.status() == ProviderKinds.RegisteredStatus.ACTIVE)
                        .toList(),
                    providers.licences(providerId)));
  }
}
