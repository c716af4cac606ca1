package org.socius.territory.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.socius.territory.CalendarDay;
import org.socius.territory.RegionCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The regions' weekly rest days and calendar exceptions. */
@Repository
public class Calendars {

  private static final Set<DayOfWeek> DEFAULT_WEEKEND =
      Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

  private final JdbcClient jdbc;

  Calendars(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public RegionCalendar load(UUID regionId, LocalDate from, LocalDate to) {
    Map<LocalDate, Boolean> exceptions = new HashMap<>();
    jdbc.sql(
            "select day, working from territory.calendar_day"
                + " where region_id = :region and day between :from and :to")
        .param("region", regionId)
        .param("from", from)
        .param("to", to)
        .query(
            rs -> {
              exceptions.put(rs.getObject("day", LocalDate.class), rs.getBoolean("working"));
            });
    return new RegionCalendar(weekend(regionId), exceptions, from, to);
  }

  public Set<DayOfWeek> weekend(UUID regionId) {
    return jdbc.sql("select weekend_days from territory.region_calendar where region_id = :region")
        .param("region", regionId)
        .query(
            (rs, n) -> {
              Short[] days = (Short[]) rs.getArray(1).getArray();
              return Arrays.stream(days).map(d -> DayOfWeek.of(d)).collect(Collectors.toSet());
            })
        .optional()
        .orElse(DEFAULT_WEEKEND);
  }

  public void saveWeekend(UUID regionId, Set<DayOfWeek> days) {
    Integer[] values = days.stream().map(DayOfWeek::getValue).sorted().toArray(Integer[]::new);
    jdbc.sql(
            """
            insert into territory.region_calendar (region_id, weekend_days)
            values (:region, cast(:days as smallint[]))
            on conflict (region_id) do update set weekend_days = excluded.weekend_days,
              version = territory.region_calendar.version + 1""")
        .param("region", regionId)
        .param(
            "days",
            "{" + Arrays.stream(values).map(String::valueOf).collect(Collectors.joining(",")) + "}")
        .update();
  }

  public List<CalendarDay> exceptions(UUID regionId, LocalDate from, LocalDate to) {
    return jdbc.sql(
            "select region_id, day, working, description from territory.calendar_day"
                + " where region_id = :region and day between :from and :to order by day")
        .param("region", regionId)
        .param("from", from)
        .param("to", to)
        .query(
            (rs, n) ->
                new CalendarDay(
                    rs.getObject("region_id", UUID.class),
                    rs.getObject("day", LocalDate.class),
                    rs.getBoolean("working"),
                    rs.getString("description")))
        .list();
  }

  public java.util.Optional<CalendarDay> exception(UUID regionId, LocalDate day) {
    return exceptions(regionId, day, day).stream().findFirst();
  }

  public void saveException(CalendarDay day) {
    jdbc.sql(
            """
            insert into territory.calendar_day (region_id, day, working, description)
            values (:region, :day, :working, :description)
            on conflict (region_id, day) do update
              set working = excluded.working, description = excluded.description""")
        .param("region", day.regionId())
        .param("day", day.day())
        .param("working", day.working())
        .param("description", day.description())
        .update();
  }

  public boolean deleteException(UUID regionId, LocalDate day) {
    return jdbc.sql("delete from territory.calendar_day where region_id = :region and day = :day")
            .param("region", regionId)
            .param("day", day)
            .update()
        == 1;
  }
}
