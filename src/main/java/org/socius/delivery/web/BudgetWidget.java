package org.socius.delivery.web;

import java.time.Clock;
import java.time.Year;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.socius.delivery.BudgetLine;
import org.socius.delivery.Budgets;
import org.socius.platform.security.Actor;
import org.socius.platform.security.Role;
import org.socius.platform.web.DashboardWidget;
import org.springframework.stereotype.Component;

/**
 * The regional officer's warning that a budget line is about to run out (or has), on the first page
 * they see, not only on the budgets page.
 */
@Component
class BudgetWidget implements DashboardWidget {

  private final Budgets budgets;
  private final Clock clock;

  BudgetWidget(Budgets budgets, Clock clock) {
    this.budgets = budgets;
    this.clock = clock;
  }

  @Override
  public Set<Role> roles() {
    return EnumSet.of(Role.REGIONAL_OFFICER);
  }

  @Override
  public String fragment() {
    return "delivery/widgets :: budgets";
  }

  @Override
  public String titleKey() {
    return "budgets.widget.title";
  }

  @Override
  public int position() {
    return 40;
  }

  @Override
  public Map<String, Object> model(Actor actor) {
    int year = Year.now(clock).getValue();
    if (actor.scope().regionId() == null) {
      return Map.of("year", year, "lines", List.of(), "flagged", List.of());
    }
    List<BudgetLine> lines = budgets.lines(actor.scope().regionId(), year);
    List<BudgetLine> flagged =
        lines.stream().filter(l -> l.standing() != BudgetLine.Standing.WITHIN).toList();
    return Map.of("year", year, "lines", lines, "flagged", flagged);
  }
}
