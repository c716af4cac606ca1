package org.socius.territory.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.socius.platform.security.Actor;
import org.socius.platform.security.Role;
import org.socius.platform.web.DashboardWidget;
import org.socius.territory.CalendarDay;
import org.socius.territory.Territories;
import org.socius.territory.TerritoryUnit;
import org.springframework.stereotype.Component;

/** The regional officer's panel: the region's coming holidays and its calendar. */
@Component
class CalendarWidget implements DashboardWidget {

  private final Territories territories;
  private final Clock clock;

  CalendarWidget(Territories territories, Clock clock) {
    this.territories = territories;
    this.clock = clock;
  }

  @Override
  public Set<Role> roles() {
    return EnumSet.of(Role.REGIONAL_OFFICER);
  }

  @Override
  public String fragment() {
    return "territory/widgets :: calendar";
  }

  @Override
  public String titleKey() {
    return "calendar.widget.title";
  }

  @Override
  public int position() {
    return 50;
  }

  @Override
  public Map<String, Object> model(Actor actor) {
    if (actor.scope().regionId() == null) {
      return Map.of("regions", territories.regions());
    }
    TerritoryUnit region = territories.region(actor.scope().regionId());
    LocalDate today = LocalDate.now(clock);
    List<CalendarDay> coming =
        territories.calendarExceptions(region.id(), today, today.plusDays(90));
    return Map.of("region", region, "coming", coming);
  }
}
