package org.socius.cases.web;

import java.util.EnumSet;
import org.socius.platform.security.Role;
import org.socius.platform.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Cases in the navigation: workers and their supervisors run them, specialists join them; a
 * provider's staff find the agreements their organisation is party to; a client (or their
 * representative) finds their own cases.
 */
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

  @Bean
  NavigationItem providerAgreementsNavigation() {
    return new NavigationItem(
        "nav.providerAgreements", "/provider-agreements", EnumSet.of(Role.PROVIDER_STAFF), 33);
  }

  @Bean
  NavigationItem myCasesNavigation() {
    return new NavigationItem("nav.myCases", "/my-cases", EnumSet.of(Role.BENEFICIARY), 34);
  }
}
