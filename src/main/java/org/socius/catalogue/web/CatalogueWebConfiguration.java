package org.socius.catalogue.web;

import java.util.EnumSet;
import org.socius.platform.security.Role;
import org.socius.platform.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalogue's place in the navigation: every member of staff consults it. */
@Configuration(proxyBeanMethods = false)
class CatalogueWebConfiguration {

  @Bean
  NavigationItem catalogueNavigation() {
    return new NavigationItem(
        "nav.catalogue",
        "/catalogue",
        EnumSet.of(
            Role.ADMINISTRATOR,
            Role.MINISTRY_ANALYST,
            Role.REGIONAL_OFFICER,
            Role.CASE_WORKER,
            Role.TEAM_SPECIALIST,
            Role.PROVIDER_STAFF,
            Role.INSPECTOR),
        20);
  }
}
