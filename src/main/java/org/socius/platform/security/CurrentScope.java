package org.socius.platform.security;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Resolves the actor and territorial scope of the running code: the signed-in actor, or the system
 * scope for work the system does on its own behalf ({@link #asSystem}).
 */
public final class CurrentScope {

  private static final ScopedValue<TerritorialScope> OVERRIDE = ScopedValue.newInstance();

  /**
   * Set while the security context is being resolved. Resolving it may load the session from the
   * database, which opens a transaction, which asks for the scope again: that inner transaction
   * reads only the session table and runs with no territorial scope.
   */
  private static final ThreadLocal<Boolean> RESOLVING = new ThreadLocal<>();

  private CurrentScope() {}

  /** The scope the database session and the application checks use now. */
  public static TerritorialScope get() {
    if (OVERRIDE.isBound()) {
      return OVERRIDE.get();
    }
    if (RESOLVING.get() != null) {
      return TerritorialScope.none();
    }
    RESOLVING.set(Boolean.TRUE);
    try {
      return actor().map(Actor::scope).orElse(TerritorialScope.none());
    } finally {
      RESOLVING.remove();
    }
  }

  /** Who is acting, by user name, as changes record it: "system" for the system's own work. */
  public static String actorName() {
    return actor().map(Actor::username).orElse("system");
  }

  /** Who acts and in which scope, as a transaction tells the database. */
  public record Acting(TerritorialScope scope, Optional<Actor> actor) {}

  /**
   * The scope and the actor, resolved once: no actor while the actor itself is being resolved
   * (loading the session opens a transaction of its own, which must not resolve it again).
   */
  public static Acting acting() {
    if (RESOLVING.get() != null) {
      return new Acting(
          OVERRIDE.isBound() ? OVERRIDE.get() : TerritorialScope.none(), Optional.empty());
    }
    RESOLVING.set(Boolean.TRUE);
    try {
      Optional<Actor> actor = actor();
      TerritorialScope scope =
          OVERRIDE.isBound()
              ? OVERRIDE.get()
              : actor.map(Actor::scope).orElse(TerritorialScope.none());
      return new Acting(scope, actor);
    } finally {
      RESOLVING.remove();
    }
  }

  /** The signed-in actor, if any. */
  public static Optional<Actor> actor() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
      return Optional.of(actor);
    }
    return Optional.empty();
  }

  /**
   * Runs work that belongs to the system rather than to a user (start-up, login look-up, jobs) with
   * a scope that sees every territory.
   */
  public static <T> T asSystem(Supplier<T> work) {
    return ScopedValue.where(OVERRIDE, TerritorialScope.system()).call(work::get);
  }

  public static void asSystem(Runnable work) {
    ScopedValue.where(OVERRIDE, TerritorialScope.system()).run(work);
  }

  /** Runs work within an explicit scope, e.g. a job acting for one region. */
  public static <T> T within(TerritorialScope scope, Supplier<T> work) {
    return ScopedValue.where(OVERRIDE, scope).call(work::get);
  }
}
