package org.socius.platform.web;

import java.util.Map;
import java.util.Set;
import org.socius.platform.security.Actor;
import org.socius.platform.security.Role;

/**
 * A panel of the landing page that a module contributes as a bean: the roles it is for, the
 * Thymeleaf fragment that draws it and the figures it shows, computed in the actor's scope.
 */
public interface DashboardWidget {

  Set<Role> roles();

  /** A fragment expression such as {@code audit/widgets :: chain}. */
  String fragment();

  String titleKey();

  int position();

  Map<String, Object> model(Actor actor);
}
