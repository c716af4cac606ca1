package org.socius.territory.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.socius.platform.errors.InvalidInputException;
import org.socius.territory.CalendarDay;
import org.socius.territory.Territories;
import org.socius.territory.WorkingDays;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Regions' working-day calendars and deadline arithmetic over JSON. */
@RestController
@RequestMapping("/api/v1/regions/{regionId}")
@Tag(name = "Calendar", description = "Working days, holidays and deadlines per region")
class CalendarApiController {

  private final Territories territories;
  private final WorkingDays workingDays;

  CalendarApiController(Territories territories, WorkingDays workingDays) {
    this.territories = territories;
    this.workingDays = workingDays;
  }

  record Calendar(
      UUID regionId, int year, Set<DayOfWeek> weekendDays, List<CalendarDay> exceptions) {}

  record DayChange(@NotNull Boolean working, String description) {}

  record WeekendChange(@NotNull Set<DayOfWeek> weekendDays) {}

  record Deadline(LocalDate from, int workingDays, LocalDate deadline) {}

  @GetMapping("/calendar")
  Calendar calendar(@PathVariable UUID regionId, @RequestParam int year) {
    if (year < 1900 || year > 2200) {
      throw InvalidInputException.of("year", "TER-0306");
    }
    return new Calendar(
        regionId,
        year,
        territories.weekend(regionId),
        territories.calendarExceptions(
            regionId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
  }

  @PutMapping("/calendar/weekend")
  @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'REGIONAL_OFFICER')")
  ResponseEntity<Void> setWeekend(
      @PathVariable UUID regionId, @Valid @RequestBody WeekendChange body) {
    territories.setWeekend(regionId, body.weekendDays());
    return ResponseEntity.noContent().build();
  }

  @PutMapping("/calendar/days/{day}")
  @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'REGIONAL_OFFICER')")
  @Operation(summary = "Mark a day as a holiday (working=false) or as a working day")
  ResponseEntity<Void> setDay(
      @PathVariable UUID regionId,
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
      @Valid @RequestBody DayChange body) {
    territories.setCalendarDay(new CalendarDay(regionId, day, body.working(), body.description()));
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/calendar/days/{day}")
  @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'REGIONAL_OFFICER')")
  ResponseEntity<Void> removeDay(
      @PathVariable UUID regionId,
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
    territories.removeCalendarDay(regionId, day);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/deadline")
  @Operation(summary = "The date N working days after a date, on the region's calendar")
  Deadline deadline(
      @PathVariable UUID regionId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam int workingDays) {
    territories.region(regionId);
    return new Deadline(
        from, workingDays, this.workingDays.addWorkingDays(regionId, from, workingDays));
  }
}
