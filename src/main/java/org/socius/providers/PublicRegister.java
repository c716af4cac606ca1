package org.socius.providers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socius.platform.api.PageResponse;
import org.socius.platform.api.Paging;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
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
      int freePlaces,
      Double distanceKm) {}

  /** A provider's public page; applicants that have nothing in the register yet have none. */
  public record ProviderPage(
      Provider provider,
      List<ServicePoint> servicePoints,
      List<RegisteredService> services,
      List<Licence> licences) {}

  /** A point to measure distance from, and how far to look (null: anywhere). */
  public record Near(double latitude, double longitude, Double radiusKm) {}

  @Transactional(readOnly = true)
  public PageResponse<Entry> search(
      UUID serviceTypeId,
      UUID regionId,
      UUID municipalityId,
      ProviderType providerType,
      int page,
      int size) {
    return search(serviceTypeId, regionId, municipalityId, providerType, null, page, size);
  }

  /**
   * Active registered services matching the filters. With a point, the nearest come first (a GiST
   * index on the service type and the position answers this without sorting the register) and a
   * radius, if given, bounds the search.
   */
  @Transactional(readOnly = true)
  public PageResponse<Entry> search(
      UUID serviceTypeId,
      UUID regionId,
      UUID municipalityId,
      ProviderType providerType,
      Near near,
      int page,
      int size) {
    Paging.check(page, size);
    if (near != null) {
      List<Finding> findings = new ArrayList<>();
      if (near.latitude() < -90 || near.latitude() > 90) {
        findings.add(Finding.of("lat", "PRV-1201"));
      }
      if (near.longitude() < -180 || near.longitude() > 180) {
        findings.add(Finding.of("lon", "PRV-1202"));
      }
      if (near.radiusKm() != null && (near.radiusKm() <= 0 || near.radiusKm() > 20_000)) {
        findings.add(Finding.of("radiusKm", "PRV-1203"));
      }
      if (!findings.isEmpty()) {
        throw new InvalidInputException(findings);
      }
    }
    // Only the filters in use become SQL: a condition like "(:x is null or column = :x)" would
    // keep PostgreSQL from using the indexes once it caches a generic plan.
    Map<String, Object> params = new HashMap<>();
    StringBuilder where =
        new StringBuilder(" from providers.registered_service r where r.status = 'ACTIVE'");
    if (serviceTypeId != null) {
      where.append(" and r.service_type_id = :type");
      params.put("type", serviceTypeId);
    }
    if (regionId != null) {
      where.append(" and r.region_id = :region");
      params.put("region", regionId);
    }
    if (municipalityId != null) {
      where.append(" and r.municipality_id = :municipality");
      params.put("municipality", municipalityId);
    }
    if (providerType != null) {
      where.append(" and r.provider_type = :providerType");
      params.put("providerType", providerType.name());
    }
    if (near != null) {
      params.put("lat", near.latitude());
      params.put("lon", near.longitude());
      if (near.radiusKm() != null) {
        where.append(
            " and earth_box(ll_to_earth(:lat, :lon), :radius) @> r.earth"
                + " and earth_distance(ll_to_earth(:lat, :lon), r.earth) <= :radius");
        params.put("radius", near.radiusKm() * 1000);
      }
    }
    long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
    String order =
        near == null
            ? " order by p.legal_name, sp.name"
            : " order by r.earth <-> ll_to_earth(:lat, :lon)";
    String distance =
        near == null
            ? "null::double precision"
            : "earth_distance(ll_to_earth(:lat, :lon), r.earth) / 1000.0";
    List<Entry> items =
        jdbc.sql(
                "select r.id, p.id as provider_id, p.legal_name, r.provider_type, r.service_type_id,"
                    + " sp.id as point_id, sp.name, sp.address, r.region_id, r.municipality_id,"
                    + " sp.latitude, sp.longitude, r.capacity, r.capacity - r.occupied as free, "
                    + distance
                    + " as distance_km"
                    + " from (select r.*"
                    + where
                    + (near == null ? "" : " order by r.earth <-> ll_to_earth(:lat, :lon)")
                    + (near == null ? "" : " limit :limit offset :offset")
                    + ") r"
                    + " join providers.provider p on p.id = r.provider_id"
                    + " join providers.service_point sp on sp.id = r.service_point_id"
                    + order
                    + (near == null ? " limit :limit offset :offset" : ""))
            .params(params)
            .param("limit", size)
            .param("offset", (long) page * size)
            .query(
                (rs, n) -> {
                  Double km = rs.getObject(15, Double.class);
                  return new Entry(
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
                      km);
                })
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
