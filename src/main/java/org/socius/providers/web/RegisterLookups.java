package org.socius.providers.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.socius.catalogue.Catalogue;
import org.socius.catalogue.ServiceType;
import org.socius.territory.Territories;
import org.socius.territory.TerritoryUnit;
import org.springframework.stereotype.Component;

/**
 * The names the public register pages show on every request (service types, regions,
 * municipalities), read at most once a minute: they change rarely, and the public pages are the
 * busiest in the system. A change shows on every node within the minute.
 */
@Component
class RegisterLookups {

  private static final Duration FRESH_FOR = Duration.ofMinutes(1);

  private final Catalogue catalogue;
  private final Territories territories;
  private final Clock clock;
  private volatile Snapshot snapshot;

  RegisterLookups(Catalogue catalogue, Territories territories, Clock clock) {
    this.catalogue = catalogue;
    this.territories = territories;
    this.clock = clock;
  }

  /** The names as of one moment. */
  record Snapshot(
      Instant readAt,
      List<ServiceType> serviceTypes,
      Map<UUID, String> typeNames,
      List<TerritoryUnit> regions,
      List<TerritoryUnit> municipalities,
      Map<UUID, TerritoryUnit> places) {}

  Snapshot current() {
    Snapshot now = snapshot;
    if (now == null || now.readAt().plus(FRESH_FOR).isBefore(clock.instant())) {
      now = read();
      snapshot = now;
    }
    return now;
  }

  private Snapshot read() {
    List<ServiceType> types = catalogue.search(null, null, null, null, null, true);
    List<TerritoryUnit> municipalities =
        territories.municipalities().stream()
            .sorted(Comparator.comparing(TerritoryUnit::name))
            .toList();
    return new Snapshot(
        clock.instant(),
        types,
        types.stream().collect(Collectors.toMap(ServiceType::id, ServiceType::name)),
        territories.regions(),
        municipalities,
        municipalities.stream().collect(Collectors.toMap(TerritoryUnit::id, Function.identity())));
  }
}
