package org.socius.people.web;

import java.util.EnumSet;
import org.socius.platform.security.Role;
import org.socius.platform.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The register of people in the navigation of those who register people. */
@Configuration(proxyBeanMethods = false)
class PeopleWebConfiguration {

  @Bean
  NavigationItem peopleNavigation() {
    return new NavigationItem(
        "nav.people",
        "/people",
        EnumSet.of(Role.ADMINISTRATOR, Role.REGIONAL_OFFICER, Role.CASE_WORKER),
        15);
  }
}
