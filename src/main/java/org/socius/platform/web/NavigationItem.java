package org.socius.platform.web;

import java.util.Set;
import org.socius.platform.security.Role;

/**
 * An entry of the main navigation that a module contributes as a bean. It is shown to users holding
 * any of its roles, in the order of {@code position}.
 */
public record NavigationItem(String labelKey, String path, Set<Role> roles, int position) {

  public boolean visibleTo(Set<Role> userRoles) {
    return roles.stream().anyMatch(userRoles::contains);
  }
}
