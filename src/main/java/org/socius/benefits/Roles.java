package org.socius.benefits;

import java.util.Arrays;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.Role;
import org.socius.platform.security.ScopeLevel;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may act on benefits, checked in the services as well as on the pages: territory alone does
 * not make an inspector or a provider's staff a decision-maker. Work the system does for itself (in
 * the system's scope, with no user) is allowed.
 */
final class Roles {

  private Roles() {}

  static void require(Role... roles) {
    if (CurrentScope.get().level() == ScopeLevel.SYSTEM && CurrentScope.actor().isEmpty()) {
      return;
    }
    boolean allowed =
        CurrentScope.actor()
            .map(actor -> Arrays.stream(roles).anyMatch(actor::hasRole))
            .orElse(false);
    if (!allowed) {
      throw new AccessDeniedException("This needs one of the roles " + Arrays.toString(roles));
    }
  }

  /** Those who handle applications and decisions: workers and regional officers. */
  static void requireCaseHandler() {
    require(Role.CASE_WORKER, Role.REGIONAL_OFFICER);
  }
}
