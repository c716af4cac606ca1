package org.socius.accounts.web;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.socius.accounts.AccountAdministration;
import org.socius.platform.security.Actor;
import org.socius.platform.security.Role;
import org.socius.platform.web.DashboardWidget;
import org.socius.platform.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The users pages in the navigation and the administrator's dashboard panel. */
@Configuration(proxyBeanMethods = false)
class AccountsWebConfiguration {

  @Bean
  NavigationItem usersNavigation() {
    return new NavigationItem("nav.users", "/admin/users", EnumSet.of(Role.ADMINISTRATOR), 70);
  }

  @Bean
  DashboardWidget usersWidget(AccountAdministration administration) {
    return new DashboardWidget() {
      @Override
      public Set<Role> roles() {
        return EnumSet.of(Role.ADMINISTRATOR);
      }

      @Override
      public String fragment() {
        return "accounts/widgets :: users";
      }

      @Override
      public String titleKey() {
        return "users.widget.title";
      }

      @Override
      public int position() {
        return 10;
      }

      @Override
      public Map<String, Object> model(Actor actor) {
        return Map.of(
            "total", administration.search(null, null, 0, 1).totalItems(),
            "locked", administration.countLocked());
      }
    };
  }
}
