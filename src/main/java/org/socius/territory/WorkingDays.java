package org.socius.territory;

import java.time.LocalDate;
import java.util.UUID;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.territory.internal.Calendars;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts working days on a region's calendar. Every statutory deadline is computed here: "within 20
 * working days" of a date is {@code addWorkingDays(region, date, 20)}.
 */
@Service
public class WorkingDays {

  /** Calendars are read in windows of this many days around the dates in question. */
  private static final int WINDOW_DAYS = 400;

  /** No statutory deadline runs longer than ten years of working days. */
  static final int MAX_DAYS = 2600;

  private final Calendars calendars;
  private final Territories territories;

  WorkingDays(Calendars calendars, Territories territories) {
    this.calendars = calendars;
    this.territories = territories;
  }

  /**
   * The date that lies {@code days} working days after {@code start}; the start itself does not
   * count. With zero days, the start if it is a working day, else the next working day. The region
   * may be given by any unit inside it.
   */
  @Transactional(readOnly = true)
  public LocalDate addWorkingDays(UUID territoryId, LocalDate start, int days) {
    if (days < 0) {
      throw InvalidInputException.of("days", "TER-0301");
    }
    if (days > MAX_DAYS) {
      throw InvalidInputException.of("days", "TER-0307", MAX_DAYS);
    }
    if (start == null) {
      throw InvalidInputException.of("start", "TER-0302");
    }
    UUID regionId = regionOf(territoryId);
    RegionCalendar calendar = calendars.load(regionId, start, start.plusDays(WINDOW_DAYS));
    LocalDate day = start;
    int counted = 0;
    if (days == 0) {
      while (!calendar.isWorkingDay(day)) {
        day = day.plusDays(1);
        calendar = extendIfNeeded(regionId, calendar, day);
      }
      return day;
    }
    while (counted < days) {
      day = day.plusDays(1);
      calendar = extendIfNeeded(regionId, calendar, day);
      if (calendar.isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /** Whether the day is a working day in the region the territory lies in. */
  @Transactional(readOnly = true)
  public boolean isWorkingDay(UUID territoryId, LocalDate day) {
    return calendars.load(regionOf(territoryId), day, day).isWorkingDay(day);
  }

  /** Working days strictly after {@code from} up to and including {@code to}. */
  @Transactional(readOnly = true)
  public int workingDaysBetween(UUID territoryId, LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      return -workingDaysBetween(territoryId, to, from);
    }
    RegionCalendar calendar = calendars.load(regionOf(territoryId), from, to);
    int count = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (calendar.isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }

  private RegionCalendar extendIfNeeded(UUID regionId, RegionCalendar calendar, LocalDate day) {
    return calendar.covers(day)
        ? calendar
        : calendars.load(regionId, day, day.plusDays(WINDOW_DAYS));
  }

  private UUID regionOf(UUID territoryId) {
    TerritoryUnit unit =
        territories
            .find(territoryId)
            .orElseThrow(() -> new NotFoundException("territory", territoryId));
    if (unit.regionId() == null) {
      throw InvalidInputException.of("territoryId", "TER-0303");
    }
    return unit.regionId();
  }
}
