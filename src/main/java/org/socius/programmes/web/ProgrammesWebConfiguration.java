package org.socius.programmes.web;

import java.util.EnumSet;
import org.socius.platform.security.Role;
import org.socius.platform.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Programmes in the navigation: analysts define them, officers and workers apply them. */
@Configuration(proxyBeanMethods = false)
class ProgrammesWebConfiguration {

  @Bean
  NavigationItem programmesNavigation() {
    return new NavigationItem(
        "nav.programmes",
        "/programmes",
        EnumSet.of(
            Role.ADMINISTRATOR, Role.MINISTRY_ANALYST, Role.REGIONAL_OFFICER, Role.CASE_WORKER),
        25);
  }
}
