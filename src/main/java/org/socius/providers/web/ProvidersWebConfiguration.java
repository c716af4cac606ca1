package org.socius.providers.web;

import java.util.EnumSet;
import org.socius.platform.security.Role;
import org.socius.platform.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the register's pages appear in the navigation. */
@Configuration(proxyBeanMethods = false)
class ProvidersWebConfiguration {

  @Bean
  NavigationItem registerNavigation() {
    return new NavigationItem("nav.register", "/register", EnumSet.allOf(Role.class), 30);
  }

  @Bean
  NavigationItem myProviderNavigation() {
    return new NavigationItem(
        "nav.myProvider", "/my-provider", EnumSet.of(Role.PROVIDER_STAFF), 10);
  }

  @Bean
  NavigationItem applicationsNavigation() {
    return new NavigationItem(
        "nav.applications", "/applications", EnumSet.of(Role.REGIONAL_OFFICER), 40);
  }
}
