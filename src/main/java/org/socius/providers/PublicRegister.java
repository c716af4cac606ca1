package org.socius.providers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.socius.providers.internal.RegisterSearchIndex;
import org.socius.territory.Territories;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register as everybody sees it, signed in or not: the active registered services with their
 * provider and service point.
 */
@Service
public class PublicRegister {

  private final ProviderRecords providers;
  private final RegisterRecords register;
  private final RegisterSearchIndex searchIndex;
  private final Territories territories;

  PublicRegister(
      ProviderRecords providers,
      RegisterRecords register,
      RegisterSearchIndex searchIndex,
      Territories territories) {
    this.territories = territories;
    this.searchIndex = searchIndex;
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
      Double distanceKm) {

    /** The same line at a distance from a point. */
    public Entry at(double km) {
      return new Entry(
          registeredServiceId,
          providerId,
          providerName,
          providerType,
          serviceTypeId,
          servicePointId,
          servicePointName,
          address,
          regionId,
          municipalityId,
          latitude,
          longitude,
          capacity,
          freePlaces,
          km);
    }

    /** The same line with another count of free places. */
    public Entry withFreePlaces(int free) {
      return new Entry(
          registeredServiceId,
          providerId,
          providerName,
          providerType,
          serviceTypeId,
          servicePointId,
          servicePointName,
          address,
          regionId,
          municipalityId,
          latitude,
          longitude,
          capacity,
          free,
          distanceKm);
    }
  }

  /** A provider's public page; applicants that have nothing in the register yet have none. */
  public record ProviderPage(
      Provider provider,
      List<ServicePoint> servicePoints,
      List<RegisteredService> services,
      List<Licence> licences) {}

  /** A point to measure distance from, and how far to look (null: anywhere). */
  public record Near(double latitude, double longitude, Double radiusKm) {}

  /** Where a search measures from: a point, and the place it stands for if one was typed. */
  public record Origin(Near near, String placeName) {}

  /**
   * The point a search measures from: latitude and longitude if given, otherwise the centre of the
   * place a typed address names (down to the settlement); none if neither is given.
   */
  public Optional<Origin> origin(String address, Double lat, Double lon, Double radiusKm) {
    if (lat != null && lon != null) {
      return Optional.of(new Origin(new Near(lat, lon, radiusKm), null));
    }
    if (address == null || address.isBlank()) {
      return Optional.empty();
    }
    Territories.Place place =
        territories
            .locate(address)
            .orElseThrow(() -> InvalidInputException.of("address", "PRV-1204", address.trim()));
    return Optional.of(
        new Origin(new Near(place.latitude(), place.longitude(), radiusKm), place.name()));
  }

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
   * Active registered services matching the filters, in register order or, with a point, nearest
   * first; a radius, if given, bounds the search. Answered from the register's search index.
   */
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
      if (!(near.latitude() >= -90 && near.latitude() <= 90)) {
        findings.add(Finding.of("lat", "PRV-1201"));
      }
      if (!(near.longitude() >= -180 && near.longitude() <= 180)) {
        findings.add(Finding.of("lon", "PRV-1202"));
      }
      if (near.radiusKm() != null && !(near.radiusKm() > 0 && near.radiusKm() <= 20_000)) {
        findings.add(Finding.of("radiusKm", "PRV-1203"));
      }
      if (!findings.isEmpty()) {
        throw new InvalidInputException(findings);
      }
    }
    RegisterSearchIndex.Result result =
        searchIndex.search(
            new RegisterSearchIndex.Query(
                serviceTypeId, regionId, municipalityId, providerType, near),
            page,
            size);
    return PageResponse.of(result.items(), page, size, result.total());
  }

  /** A map shows at most this many services; past it, the filters must narrow the search. */
  public static final int MAP_LIMIT = 5_000;

  /** A service point on the map with the matching services registered there. */
  public record MapPoint(
      UUID servicePointId,
      String name,
      String address,
      UUID providerId,
      String providerName,
      double latitude,
      double longitude,
      List<UUID> serviceTypeIds,
      int freePlaces) {}

  /** What a map shows: the points, and how many services matched in all. */
  public record MapPoints(List<MapPoint> points, long totalServices) {
    public boolean complete() {
      return points.stream().mapToLong(p -> p.serviceTypeIds().size()).sum() == totalServices;
    }
  }

  /** The service points of the services matching the filters, one point per place. */
  public MapPoints mapPoints(
      UUID serviceTypeId, UUID regionId, UUID municipalityId, ProviderType providerType) {
    RegisterSearchIndex.Result result =
        searchIndex.search(
            new RegisterSearchIndex.Query(
                serviceTypeId, regionId, municipalityId, providerType, null),
            0,
            MAP_LIMIT);
    Map<UUID, List<Entry>> byPoint = new LinkedHashMap<>();
    for (Entry e : result.items()) {
      byPoint.computeIfAbsent(e.servicePointId(), id -> new ArrayList<>()).add(e);
    }
    List<MapPoint> points = new ArrayList<>(byPoint.size());
    byPoint.forEach(
        (id, entries) -> {
          Entry first = entries.getFirst();
          points.add(
              new MapPoint(
                  id,
                  first.servicePointName(),
                  first.address(),
                  first.providerId(),
                  first.providerName(),
                  first.latitude(),
                  first.longitude(),
                  entries.stream().map(Entry::serviceTypeId).toList(),
                  entries.stream().mapToInt(Entry::freePlaces).sum()));
        });
    return new MapPoints(points, result.total());
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
