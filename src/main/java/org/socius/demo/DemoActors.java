package org.socius.demo;

import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.socius.accounts.UserAccount;
import org.socius.platform.security.Actor;
import org.socius.platform.security.Role;
import org.socius.platform.security.TerritorialScope;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The demo's people acting: each step passes the same checks as in the UI. */
final class DemoActors {

  private DemoActors() {}

  static Actor of(UserAccount user) {
    return new DemoActor(user.id(), user.username(), user.roles(), user.scope());
  }

  /** Runs a step as a given person. */
  static <T> T as(Actor actor, Supplier<T> step) {
    var previous = SecurityContextHolder.getContext();
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            actor,
            null,
            actor.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    SecurityContextHolder.setContext(context);
    try {
      return step.get();
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }

  /** A person the demo acts as. */
  private record DemoActor(UUID userId, String username, Set<Role> roles, TerritorialScope scope)
      implements Actor {
    @Override
    public String displayName() {
      return username;
    }
  }
}
