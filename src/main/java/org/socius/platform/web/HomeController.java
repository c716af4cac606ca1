package org.socius.platform.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.socius.platform.security.Actor;
import org.socius.platform.security.CurrentScope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page: the panels the modules offer for the actor's roles. */
@Controller
class HomeController {

  private final List<DashboardWidget> widgets;
  private final ScopeDescriber scopes;

  HomeController(List<DashboardWidget> widgets, ScopeDescriber scopes) {
    this.scopes = scopes;
    this.widgets =
        widgets.stream().sorted(Comparator.comparingInt(DashboardWidget::position)).toList();
  }

  @GetMapping("/")
  String home(Model model) {
    Actor actor = CurrentScope.actor().orElseThrow();
    List<Panel> panels =
        widgets.stream()
            .filter(w -> w.roles().stream().anyMatch(actor.roles()::contains))
            .map(w -> new Panel(w.titleKey(), w.fragment(), w.model(actor)))
            .toList();
    model.addAttribute("panels", panels);
    model.addAttribute("scopeName", scopes.describe(actor.scope()));
    return "home";
  }

  /** A widget ready to draw. */
  public record Panel(String titleKey, String fragment, Map<String, Object> data) {}
}
