package org.socius.cases.web;

import java.util.EnumSet;
import org.socius.platform.security.Role;
import org.socius.platform.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Cases in the navigation: workers and their supervisors run them, specialists join them. */
@Configuration(proxyBeanMethods = false)
class CasesWebConfiguration {

  @Bean
  NavigationItem casesNavigation() {
    return new NavigationItem(
        "nav.cases",
        "/cases",
        EnumSet.of(Role.CASE_WORKER, Role.REGIONAL_OFFICER, Role.TEAM_SPECIALIST),
        32);
  }
}
