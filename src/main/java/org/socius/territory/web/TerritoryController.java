package org.socius.territory.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.socius.platform.api.ImportReport;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.web.FormErrors;
import org.socius.territory.CalendarDay;
import org.socius.territory.NewTerritoryUnit;
import org.socius.territory.Territories;
import org.socius.territory.TerritoryLevel;
import org.socius.territory.TerritoryUnit;
import org.socius.territory.WorkingDays;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the territorial hierarchy and of the regions' calendars. */
@Controller
class TerritoryController {

  private final Territories territories;
  private final WorkingDays workingDays;
  private final MessageSource messages;
  private final Clock clock;

  TerritoryController(
      Territories territories, WorkingDays workingDays, MessageSource messages, Clock clock) {
    this.territories = territories;
    this.workingDays = workingDays;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/territories")
  String root() {
    return territories
        .nation()
        .map(n -> "redirect:/territories/" + n.id())
        .orElse("redirect:/territories/import");
  }

  @GetMapping("/territories/{id}")
  String unit(@PathVariable UUID id, Model model) {
    TerritoryUnit unit =
        territories.find(id).orElseThrow(() -> new NotFoundException("territory", id));
    model.addAttribute("unit", unit);
    model.addAttribute("path", territories.path(id));
    model.addAttribute("children", territories.children(id));
    model.addAttribute("mayChange", territories.mayChange(unit));
    model.addAttribute("childLevel", childLevel(unit.level()));
    return "territory/unit";
  }

  @PostMapping("/territories/{id}/children")
  @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'REGIONAL_OFFICER')")
  String addChild(
      @PathVariable UUID id,
      @RequestParam String code,
      @RequestParam String name,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    TerritoryUnit parent =
        territories.find(id).orElseThrow(() -> new NotFoundException("territory", id));
    TerritoryLevel level = childLevel(parent.level());
    if (level == null) {
      throw new NotFoundException("territory level below", parent.level());
    }
    try {
      TerritoryUnit child = territories.create(new NewTerritoryUnit(level, id, code, name));
      redirect.addFlashAttribute("flash", "territory.created");
      return "redirect:/territories/" + child.id();
    } catch (InvalidInputException e) {
      model.addAttribute("errors", FormErrors.of(e, messages, locale));
      model.addAttribute("newCode", code);
      model.addAttribute("newName", name);
      return unit(id, model);
    }
  }

  @PostMapping("/territories/{id}")
  @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'REGIONAL_OFFICER')")
  String rename(
      @PathVariable UUID id,
      @RequestParam int version,
      @RequestParam String code,
      @RequestParam String name,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      territories.rename(id, version, code, name);
      redirect.addFlashAttribute("flash", "territory.saved");
      return "redirect:/territories/" + id;
    } catch (InvalidInputException e) {
      model.addAttribute("renameErrors", FormErrors.of(e, messages, locale).prefixed("rename-"));
    } catch (ConflictException e) {
      model.addAttribute("renameErrors", FormErrors.of(e, messages, locale));
    }
    return unit(id, model);
  }

  @GetMapping("/territories/import")
  @PreAuthorize("hasRole('ADMINISTRATOR')")
  String importForm() {
    return "territory/import";
  }

  @PostMapping("/territories/import")
  @PreAuthorize("hasRole('ADMINISTRATOR')")
  String importFile(@RequestParam("file") MultipartFile file, Model model) throws IOException {
    ImportReport report =
        territories.importCsv(new String(file.getBytes(), StandardCharsets.UTF_8));
    model.addAttribute("report", report);
    return "territory/import";
  }

  @GetMapping("/territories/{id}/calendar")
  String calendar(
      @PathVariable UUID id,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) Integer days,
      Locale locale,
      Model model) {
    TerritoryUnit region = territories.region(id);
    int shownYear = year == null ? LocalDate.now(clock).getYear() : year;
    if (shownYear < 1900 || shownYear > 2200) {
      throw InvalidInputException.of("year", "TER-0306");
    }
    model.addAttribute("region", region);
    model.addAttribute("year", shownYear);
    model.addAttribute("weekend", territories.weekend(id));
    model.addAttribute("allDays", DayOfWeek.values());
    model.addAttribute(
        "exceptions",
        territories.calendarExceptions(
            id, LocalDate.of(shownYear, 1, 1), LocalDate.of(shownYear, 12, 31)));
    model.addAttribute("mayChange", territories.mayChange(region));
    if (from != null && days != null) {
      model.addAttribute("from", from);
      model.addAttribute("days", days);
      try {
        model.addAttribute("deadline", workingDays.addWorkingDays(id, from, days));
      } catch (InvalidInputException e) {
        model.addAttribute("deadlineErrors", FormErrors.of(e, messages, locale));
      }
    }
    return "territory/calendar";
  }

  @PostMapping("/territories/{id}/calendar/days")
  @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'REGIONAL_OFFICER')")
  String setDay(
      @PathVariable UUID id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
      @RequestParam(defaultValue = "false") boolean working,
      @RequestParam(defaultValue = "") String description,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      territories.setCalendarDay(new CalendarDay(id, day, working, description));
    } catch (InvalidInputException e) {
      model.addAttribute("errors", FormErrors.of(e, messages, locale));
      return calendar(id, day == null ? null : day.getYear(), null, null, locale, model);
    }
    redirect.addFlashAttribute("flash", "calendar.saved");
    return "redirect:/territories/" + id + "/calendar?year=" + day.getYear();
  }

  @PostMapping("/territories/{id}/calendar/days/{day}/delete")
  @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'REGIONAL_OFFICER')")
  String removeDay(
      @PathVariable UUID id,
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
      RedirectAttributes redirect) {
    territories.removeCalendarDay(id, day);
    redirect.addFlashAttribute("flash", "calendar.removed");
    return "redirect:/territories/" + id + "/calendar?year=" + day.getYear();
  }

  @PostMapping("/territories/{id}/calendar/weekend")
  @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'REGIONAL_OFFICER')")
  String setWeekend(
      @PathVariable UUID id,
      @RequestParam(name = "weekend", required = false) Set<DayOfWeek> weekend,
      Locale locale,
      Model model,
      RedirectAttributes redirect) {
    try {
      territories.setWeekend(id, weekend == null ? Set.of() : weekend);
    } catch (InvalidInputException e) {
      model.addAttribute("weekendErrors", FormErrors.of(e, messages, locale));
      return calendar(id, null, null, null, locale, model);
    }
    redirect.addFlashAttribute("flash", "calendar.saved");
    return "redirect:/territories/" + id + "/calendar";
  }

  private static TerritoryLevel childLevel(TerritoryLevel level) {
    return switch (level) {
      case NATIONAL -> TerritoryLevel.REGION;
      case REGION -> TerritoryLevel.MUNICIPALITY;
      case MUNICIPALITY -> TerritoryLevel.SETTLEMENT;
      case SETTLEMENT -> null;
    };
  }
}
