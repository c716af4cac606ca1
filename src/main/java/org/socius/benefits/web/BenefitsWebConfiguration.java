package org.socius.benefits.web;

import java.util.EnumSet;
import org.socius.platform.security.Role;
import org.socius.platform.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Benefit applications in the navigation: workers take them in, officers decide them. */
@Configuration(proxyBeanMethods = false)
class BenefitsWebConfiguration {

  @Bean
  NavigationItem benefitApplicationsNavigation() {
    return new NavigationItem(
        "nav.benefitApplications",
        "/benefit-applications",
        EnumSet.of(Role.CASE_WORKER, Role.REGIONAL_OFFICER, Role.MINISTRY_ANALYST),
        35);
  }
}
