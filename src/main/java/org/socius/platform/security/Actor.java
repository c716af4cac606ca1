package org.socius.platform.security;

import java.util.Set;
import java.util.UUID;

/** Whoever is acting in a request: a signed-in person or an API client acting for one. */
public interface Actor {

  UUID userId();

  String username();

  String displayName();

  Set<Role> roles();

  TerritorialScope scope();

  default boolean hasRole(Role role) {
    return roles().contains(role);
  }
}
