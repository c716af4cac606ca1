package org.socius.territory.web;

import org.socius.platform.security.TerritorialScope;
import org.socius.platform.web.ScopeDescriber;
import org.socius.territory.Territories;
import org.socius.territory.TerritoryUnit;
import org.springframework.stereotype.Component;

/** Names a scope by its territory: the country, a region or a municipality. */
@Component
class RegionScopeDescriber implements ScopeDescriber {

  private final Territories territories;

  RegionScopeDescriber(Territories territories) {
    this.territories = territories;
  }

  @Override
  public String describe(TerritorialScope scope) {
    return switch (scope.level()) {
      case REGION -> territories.find(scope.regionId()).map(TerritoryUnit::name).orElse("");
      case MUNICIPALITY ->
          territories.find(scope.municipalityId()).map(TerritoryUnit::name).orElse("");
      default -> territories.nation().map(TerritoryUnit::name).orElse("");
    };
  }
}
