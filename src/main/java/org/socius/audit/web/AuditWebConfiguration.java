package org.socius.audit.web;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.socius.audit.internal.AuditEntries;
import org.socius.audit.internal.AuditSearch;
import org.socius.platform.security.Actor;
import org.socius.platform.security.Role;
import org.socius.platform.web.DashboardWidget;
import org.socius.platform.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit log's place in the navigation and on the auditor's dashboard. */
@Configuration(proxyBeanMethods = false)
class AuditWebConfiguration {

  @Bean
  NavigationItem auditNavigation() {
    return new NavigationItem("nav.audit", "/audit", EnumSet.of(Role.AUDITOR), 90);
  }

  @Bean
  DashboardWidget auditLogWidget(AuditEntries entries) {
    return new DashboardWidget() {
      @Override
      public Set<Role> roles() {
        return EnumSet.of(Role.AUDITOR);
      }

      @Override
      public String fragment() {
        return "audit/widgets :: recent";
      }

      @Override
      public String titleKey() {
        return "audit.widget.title";
      }

      @Override
      public int position() {
        return 10;
      }

      @Override
      public Map<String, Object> model(Actor actor) {
        return Map.of("recent", entries.search(AuditSearch.everything(), 0, 5));
      }
    };
  }
}
