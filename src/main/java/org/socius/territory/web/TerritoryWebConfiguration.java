package org.socius.territory.web;

import java.util.EnumSet;
import org.socius.platform.security.Role;
import org.socius.platform.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the territory pages appear in the navigation. */
@Configuration(proxyBeanMethods = false)
class TerritoryWebConfiguration {

  @Bean
  NavigationItem territoryNavigation() {
    return new NavigationItem(
        "nav.territories",
        "/territories",
        EnumSet.of(Role.ADMINISTRATOR, Role.REGIONAL_OFFICER, Role.MINISTRY_ANALYST),
        80);
  }
}
