package org.socius.providers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.socius.territory.Territories;
import org.socius.territory.TerritoryLevel;
import org.socius.territory.TerritoryUnit;
import org.springframework.stereotype.Component;

/**
 * What a service point must be, whether it is added or changed: named, addressed, placed on the
 * map, with places, in a municipality of the provider's own region.
 */
@Component
class ServicePointRules {

  private final Territories territories;

  ServicePointRules(Territories territories) {
    this.territories = territories;
  }

  /** The point as it will be stored, or every problem with it at once. */
  ServicePoint check(UUID pointId, Provider provider, ServicePointDetails d) {
    List<Finding> findings = new ArrayList<>();
    if (d.name() == null || d.name().isBlank()) {
      findings.add(Finding.of("name", "PRV-0501"));
    }
    if (d.address() == null || d.address().isBlank()) {
      findings.add(Finding.of("address", "PRV-0502"));
    }
    TerritoryUnit municipality =
        d.municipalityId() == null
            ? null
            : territories
                .find(d.municipalityId())
                .filter(u -> u.level() == TerritoryLevel.MUNICIPALITY)
                .orElse(null);
    if (municipality == null) {
      findings.add(Finding.of("municipalityId", "PRV-0503"));
    } else if (!municipality.regionId().equals(provider.regionId())) {
      findings.add(Finding.of("municipalityId", "PRV-0504", municipality.name()));
    }
    if (d.latitude() == null || !(d.latitude() >= -90 && d.latitude() <= 90)) {
      findings.add(Finding.of("latitude", "PRV-0505"));
    }
    if (d.longitude() == null || !(d.longitude() >= -180 && d.longitude() <= 180)) {
      findings.add(Finding.of("longitude", "PRV-0506"));
    }
    if (d.capacity() == null || d.capacity() <= 0 || d.capacity() > 100_000) {
      findings.add(Finding.of("capacity", "PRV-0507"));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    return new ServicePoint(
        pointId,
        provider.id(),
        provider.regionId(),
        municipality.id(),
        d.name().trim(),
        d.address().trim(),
        d.latitude(),
        d.longitude(),
        d.capacity(),
        text(d.openingHours()),
        d.accessibility() == null ? Set.of() : Set.copyOf(d.accessibility()),
        text(d.phone()));
  }

  private static String text(String value) {
    return value == null ? "" : value.trim();
  }
}
