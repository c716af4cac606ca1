package org.socius.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.socius.platform.security.Actor;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.Role;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every page's shell needs: the actor, their navigation and the current path. It is added only
 * when a page is about to be rendered, so JSON calls and redirects do none of this work.
 */
class ShellModelInterceptor implements HandlerInterceptor {

  private final List<NavigationItem> navigation;

  ShellModelInterceptor(List<NavigationItem> navigation) {
    this.navigation =
        navigation.stream().sorted(Comparator.comparingInt(NavigationItem::position)).toList();
  }

  @Override
  public void postHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
    if (page == null
        || (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
      return;
    }
    Actor actor = CurrentScope.actor().orElse(null);
    Set<Role> roles = actor == null ? Set.of() : actor.roles();
    page.addObject("actor", actor);
    page.addObject(
        "navigation", navigation.stream().filter(item -> item.visibleTo(roles)).toList());
    page.addObject("currentPath", request.getRequestURI());
    // A fresh key for the page's forms: see FormResubmissionFilter.
    page.addObject("submissionKey", UUID.randomUUID().toString());
  }
}
