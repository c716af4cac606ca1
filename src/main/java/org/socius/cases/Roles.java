package org.socius.cases;

import java.util.function.Supplier;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.RequiredRoles;
import org.socius.platform.security.Role;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Who may act on cases, checked in the services as well as on the pages: case workers and regional
 * officers run cases; team specialists add to the cases they are on; a client with access to their
 * case changes their own providers, which the worker's operations then do on their behalf.
 */
final class Roles {

  private Roles() {}

  /** Those who run cases: workers and regional officers (their supervisors). */
  static final Role[] CASE_HANDLERS = {Role.CASE_WORKER, Role.REGIONAL_OFFICER};

  /** Bound while the application acts for a client whose access to the case it has checked. */
  private static final ScopedValue<Boolean> FOR_CLIENT = ScopedValue.newInstance();

  static void requireCaseHandler() {
    if (!FOR_CLIENT.isBound()) {
      RequiredRoles.anyOf(CASE_HANDLERS);
    }
  }

  /** Anyone who works on a case: its handlers and the specialists of its team. */
  static void requireCaseTeam() {
    if (!FOR_CLIENT.isBound()) {
      RequiredRoles.anyOf(Role.CASE_WORKER, Role.REGIONAL_OFFICER, Role.TEAM_SPECIALIST);
    }
  }

  /** Whether the actor works on cases (runs them or joins their teams). */
  static boolean actorOnCaseTeam() {
    return RequiredRoles.heldAnyOf(Role.CASE_WORKER, Role.REGIONAL_OFFICER, Role.TEAM_SPECIALIST);
  }

  /** Whether the actor runs cases (a team specialist alone does not). */
  static boolean actorHandlesCases() {
    return RequiredRoles.heldAnyOf(CASE_HANDLERS);
  }

  /**
   * Runs a change a client makes to their own case (a new provider) with the operations and the
   * reach of the case's workers, still recorded under the client's name. The work begins its own
   * transaction, and checks the client's access first inside it, so that access ended meanwhile is
   * not honoured.
   */
  static <T> T onClientsBehalf(Supplier<T> work) {
    // The database takes a transaction's scope when it begins: work joining the client's own
    // transaction would keep the client's reach whatever the scope here says.
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("Work on a client's behalf must begin its own transaction");
    }
    return ScopedValue.where(FOR_CLIENT, Boolean.TRUE).call(() -> CurrentScope.asSystem(work));
  }
}
