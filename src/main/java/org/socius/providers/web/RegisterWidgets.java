package org.socius.providers.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.socius.platform.security.Actor;
import org.socius.platform.security.Role;
import org.socius.platform.web.DashboardWidget;
import org.socius.providers.Provider;
import org.socius.providers.ProviderProfiles;
import org.socius.providers.RegisterFigures;
import org.socius.territory.Territories;
import org.socius.territory.TerritoryUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The register's panels on the dashboards of officers, analysts and providers. */
@Configuration(proxyBeanMethods = false)
class RegisterWidgets {

  @Bean
  DashboardWidget registerFiguresWidget(RegisterFigures figures, Territories territories) {
    return widget(
        EnumSet.of(Role.REGIONAL_OFFICER, Role.MINISTRY_ANALYST),
        "providers/widgets :: figures",
        "register.figures.title",
        20,
        actor -> {
          Map<String, Object> model = new LinkedHashMap<>();
          if (actor.scope().regionId() != null) {
            TerritoryUnit region = territories.region(actor.scope().regionId());
            model.put("rows", List.of(Map.entry(region.name(), figures.of(region.id()))));
          } else {
            List<Map.Entry<String, RegisterFigures.Figures>> rows = new ArrayList<>();
            for (TerritoryUnit region : territories.regions()) {
              rows.add(Map.entry(region.name(), figures.of(region.id())));
            }
            rows.add(
                Map.entry(
                    territories.nation().map(TerritoryUnit::name).orElse(""), figures.of(null)));
            model.put("rows", rows);
          }
          model.put("licences", figures.expiringLicences(actor.scope().regionId(), null, 60));
          return model;
        });
  }

  @Bean
  DashboardWidget providerWidget(ProviderProfiles profiles, RegisterFigures figures) {
    return widget(
        EnumSet.of(Role.PROVIDER_STAFF),
        "providers/widgets :: mine",
        "providers.mine",
        10,
        actor -> {
          List<Provider> mine = profiles.mine();
          Map<String, Object> model = new LinkedHashMap<>();
          model.put("providers", mine);
          model.put(
              "licences",
              mine.stream()
                  .flatMap(p -> figures.expiringLicences(null, p.id(), 60).stream())
                  .toList());
          return model;
        });
  }

  private static DashboardWidget widget(
      Set<Role> roles,
      String fragment,
      String titleKey,
      int position,
      Function<Actor, Map<String, Object>> model) {
    return new DashboardWidget() {
      @Override
      public Set<Role> roles() {
        return roles;
      }

      @Override
      public String fragment() {
        return fragment;
      }

      @Override
      public String titleKey() {
        return titleKey;
      }

      @Override
      public int position() {
        return position;
      }

      @Override
      public Map<String, Object> model(Actor actor) {
        return model.apply(actor);
      }
    };
  }
}
