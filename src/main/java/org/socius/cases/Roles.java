package org.socius.cases;

import org.socius.platform.security.RequiredRoles;
import org.socius.platform.security.Role;

/**
 * Who may act on cases, checked in the services as well as on the pages: case workers and regional
 * officers run cases; team specialists add to the cases they are on.
 */
final class Roles {

  private Roles() {}

  /** Those who run cases: workers and regional officers (their supervisors). */
  static final Role[] CASE_HANDLERS = {Role.CASE_WORKER, Role.REGIONAL_OFFICER};

  static void requireCaseHandler() {
    RequiredRoles.anyOf(CASE_HANDLERS);
  }

  /** Anyone who works on a case: its handlers and the specialists of its team. */
  static void requireCaseTeam() {
    RequiredRoles.anyOf(Role.CASE_WORKER, Role.REGIONAL_OFFICER, Role.TEAM_SPECIALIST);
  }

  /** Whether the actor runs cases (a team specialist alone does not). */
  static boolean actorHandlesCases() {
    return RequiredRoles.heldAnyOf(CASE_HANDLERS);
  }
}
