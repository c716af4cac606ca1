package org.socius.benefits;

import org.socius.platform.security.RequiredRoles;
import org.socius.platform.security.Role;

/** Who may act on benefits, checked in the services as well as on the pages. */
final class Roles {

  private Roles() {}

  static void require(Role... roles) {
    RequiredRoles.anyOf(roles);
  }

  /** Those who handle applications and decisions: workers and regional officers. */
  static void requireCaseHandler() {
    require(Role.CASE_WORKER, Role.REGIONAL_OFFICER);
  }
}
