package org.socius.territory;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * A region's calendar over a span of dates: its weekly rest days and the exceptions to them
 * (holidays that fall on working days, working days moved onto weekends).
 */
public record RegionCalendar(
    Set<DayOfWeek> weekendDays, Map<LocalDate, Boolean> exceptions, LocalDate from, LocalDate to) {

  public RegionCalendar {
    weekendDays = Set.copyOf(weekendDays);
    exceptions = Map.copyOf(exceptions);
  }

  public boolean covers(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }

  public boolean isWorkingDay(LocalDate day) {
    if (!covers(day)) {
      throw new IllegalArgumentException(day + " is outside " + from + ".." + to);
    }
    Boolean exception = exceptions.get(day);
    return exception != null ? exception : !weekendDays.contains(day.getDayOfWeek());
  }
}
