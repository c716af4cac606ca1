package org.socius.benefits.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.socius.benefits.Application;
import org.socius.benefits.Applications;
import org.socius.benefits.Decision;
import org.socius.benefits.Decisions;
import org.socius.people.People;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.security.RequiredRoles;
import org.socius.platform.security.Role;
import org.socius.platform.web.FormErrors;
import org.socius.programmes.Programmes;
import org.socius.territory.Territories;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A decision's page: the outcome, its explanation criterion by criterion with the values used, how
 * the amount was computed, the appeals; and the same explanation printed for the applicant in the
 * language of their application.
 */
@Controller
@PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER', 'MINISTRY_ANALYST')")
class DecisionController {

  private final Decisions decisions;
  private final Applications applications;
  private final Programmes programmes;
  private final People people;
  private final Territories territories;
  private final MessageSource messages;

  DecisionController(
      Decisions decisions,
      Applications applications,
      Programmes programmes,
      People people,
      Territories territories,
      MessageSource messages) {
    this.decisions = decisions;
    this.applications = applications;
    this.programmes = programmes;
    this.people = people;
    this.territories = territories;
    this.messages = messages;
  }

  @GetMapping("/decisions/{id}")
  String decision(@PathVariable UUID id, Model model) {
    Decision d = decisions.get(id);
    model.addAttribute("d", d);
    model.addAttribute("programme", programmes.get(d.programmeId()));
    model.addAttribute("version", programmes.version(d.programmeVersionId()));
    model.addAttribute(
        "app", d.applicationId() == null ? null : applications.get(d.applicationId()));
    model.addAttribute("mayResolve", RequiredRoles.heldAnyOf(Role.REGIONAL_OFFICER));
    return "benefits/decision";
  }

  @PostMapping("/decisions/{id}/appeals")
  String appeal(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String reason,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      decisions.lodgeAppeal(id, reason);
      redirect.addFlashAttribute("flash", "benefits.appealLodged");
      return "redirect:/decisions/" + id;
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("appealErrors", FormErrors.ofRefusal(e, messages, locale));
      return decision(id, model);
    }
  }

  @PostMapping("/decisions/{id}/appeals/{appealId}/resolution")
  String resolve(
      @PathVariable UUID id,
      @PathVariable UUID appealId,
      @RequestParam(defaultValue = "false") boolean upheld,
      @RequestParam(defaultValue = "") String resolution,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      Decision result = decisions.resolveAppeal(id, appealId, upheld, resolution);
      redirect.addFlashAttribute("flash", "benefits.appealResolved");
      return "redirect:/decisions/" + result.id();
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("appealErrors", FormErrors.ofRefusal(e, messages, locale));
      return decision(id, model);
    }
  }

  /**
   * The decision as a letter to the applicant, in the language of their application (the worker's
   * own language when the decision came of a recertification): every sentence is resolved here, in
   * that language, whatever language the worker reads the system in.
   */
  @GetMapping("/decisions/{id}/letter")
  String letter(@PathVariable UUID id, Model model, Locale workerLocale) {
    Decision d = decisions.get(id);
    Application application =
        d.applicationId() == null ? null : applications.get(d.applicationId());
    Locale locale =
        application == null ? workerLocale : Locale.forLanguageTag(application.language());
    Map<String, String> t = new LinkedHashMap<>();
    for (String key :
        new String[] {
          "title",
          "to",
          "programme",
          "decidedOn",
          "outcome",
          "amount",
          "criteria",
          "criterion",
          "values",
          "passed",
          "failed",
          "computed",
          "appealRight",
          "reference",
          "household"
        }) {
      t.put(key, messages.getMessage("letter." + key, null, locale));
    }
    t.put("outcomeText", messages.getMessage("decision.outcome." + d.outcome(), null, locale));
    model.addAttribute("t", t);
    model.addAttribute("lang", locale.getLanguage());
    model.addAttribute("d", d);
    model.addAttribute("programme", programmes.get(d.programmeId()));
    model.addAttribute("app", application);
    model.addAttribute(
        "applicant", application == null ? null : people.get(application.applicantId()));
    model.addAttribute(
        "municipality", territories.find(d.municipalityId()).map(u -> u.name()).orElse(""));
    return "benefits/letter";
  }
}
