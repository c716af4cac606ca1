package org.socius.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.socius.platform.security.Actor;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.Role;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's shell needs: the actor, their navigation and the current path. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class ShellModelAdvice {

  private final List<NavigationItem> navigation;

  ShellModelAdvice(List<NavigationItem> navigation) {
    this.navigation =
        navigation.stream().sorted(Comparator.comparingInt(NavigationItem::position)).toList();
  }

  @ModelAttribute("actor")
  Actor actor() {
    return CurrentScope.actor().orElse(null);
  }

  @ModelAttribute("navigation")
  List<NavigationItem> navigation() {
    Set<Role> roles = CurrentScope.actor().map(Actor::roles).orElse(Set.of());
    return navigation.stream().filter(item -> item.visibleTo(roles)).toList();
  }

  @ModelAttribute("currentPath")
  String currentPath(HttpServletRequest request) {
    return request.getRequestURI();
  }
}
