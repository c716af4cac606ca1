package org.socius.platform.security;

import java.util.Arrays;
import org.springframework.security.access.AccessDeniedException;

/**
 * Checks in the services, beside the pages, that the actor holds a role: territory alone does not
 * make an inspector a decision-maker. Work the system does for itself (in the system's scope, with
 * no user) is allowed.
 */
public final class RequiredRoles {

  private RequiredRoles() {}

  /** Refuses unless the actor holds one of the roles. */
  public static void anyOf(Role... roles) {
    if (!heldAnyOf(roles)) {
      throw new AccessDeniedException("This needs one of the roles " + Arrays.toString(roles));
    }
  }

  /** Whether the actor holds one of the roles: what a page offers depends on it too. */
  public static boolean heldAnyOf(Role... roles) {
    if (CurrentScope.get().level() == ScopeLevel.SYSTEM && CurrentScope.actor().isEmpty()) {
      return true;
    }
    return CurrentScope.actor()
        .map(actor -> Arrays.stream(roles).anyMatch(actor::hasRole))
        .orElse(false);
  }
}
