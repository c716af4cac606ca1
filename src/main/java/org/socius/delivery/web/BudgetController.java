package org.socius.delivery.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.socius.catalogue.Catalogue;
import org.socius.delivery.Budgets;
import org.socius.delivery.Claims;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.web.FormErrors;
import org.socius.programmes.Programmes;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The region's budgets for the regional officer: each programme's line for the year with what was
 * paid, what is committed, what is left, the administrative cost, the cost per client and the share
 * of administration, flagged before it runs out; a new line; an administrative cost.
 */
@Controller
@PreAuthorize("hasRole('REGIONAL_OFFICER')")
class BudgetController {

  private final Budgets budgets;
  private final Programmes programmes;
  private final Catalogue catalogue;
  private final MessageSource messages;
  private final Clock clock;

  BudgetController(
      Budgets budgets,
      Programmes programmes,
      Catalogue catalogue,
      MessageSource messages,
      Clock clock) {
    this.budgets = budgets;
    this.programmes = programmes;
    this.catalogue = catalogue;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/budgets")
  String list(@RequestParam(required = false) Integer year, Model model) {
    int shown = year == null ? LocalDate.now(clock).getYear() : year;
    model.addAttribute("year", shown);
    model.addAttribute("lines", budgets.lines(Claims.officersRegion(), shown));
    model.addAttribute("programmes", programmes.all());
    model.addAttribute("services", catalogue.search("", null, null, null, null, true));
    model.addAttribute("today", LocalDate.now(clock));
    return "delivery/budgets";
  }

  @PostMapping("/budgets")
  String define(
      @RequestParam(required = false) UUID programmeId,
      @RequestParam(required = false) Integer year,
      @RequestParam(defaultValue = "") String amount,
      @RequestParam(defaultValue = "") String warnShare,
      @RequestParam(required = false) List<String> services,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      budgets.define(
          Claims.officersRegion(),
          new Budgets.NewLine(
              programmeId,
              year,
              FormValues.amount(amount, "amount", "DLV-0503"),
              services == null ? List.of() : services,
              FormValues.amount(warnShare, "warnShare", "DLV-0504")));
      redirect.addFlashAttribute("flash", "budgets.defined");
      return "redirect:/budgets?year=" + year;
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("lineErrors", FormErrors.ofRefusal(e, messages, locale));
      return list(year, model);
    }
  }

  @PostMapping("/budgets/administrative-costs")
  String cost(
      @RequestParam UUID lineId,
      @RequestParam int year,
      @RequestParam(name = "costIncurredOn", defaultValue = "") String incurredOn,
      @RequestParam(name = "costAmount", defaultValue = "") String amount,
      @RequestParam(name = "costDescription", defaultValue = "") String description,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      budgets.recordAdministrativeCost(
          lineId,
          FormValues.day(incurredOn, "incurredOn", "DLV-0506", year),
          FormValues.amount(amount, "amount", "DLV-0503"),
          description);
      redirect.addFlashAttribute("flash", "budgets.costRecorded");
      return "redirect:/budgets?year=" + year;
    } catch (InvalidInputException e) {
      // The cost form's fields are named apart from the line form's, on the same page.
      model.addAttribute(
          "costErrors",
          FormErrors.of(e, messages, locale)
              .withFieldIds(f -> "cost" + Character.toUpperCase(f.charAt(0)) + f.substring(1)));
      return list(year, model);
    }
  }
}
