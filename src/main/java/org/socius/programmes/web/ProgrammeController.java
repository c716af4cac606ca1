package org.socius.programmes.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.web.FormErrors;
import org.socius.programmes.CompiledRules;
import org.socius.programmes.HouseholdFacts;
import org.socius.programmes.Programme;
import org.socius.programmes.Programmes;
import org.socius.territory.Territories;
import org.socius.territory.TerritoryUnit;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Programmes in the browser: the list, a programme with its versions, and for analysts the draft
 * form, trials on sample households with their explanations, and publication.
 */
@Controller
@PreAuthorize("hasAnyRole('MINISTRY_ANALYST', 'ADMINISTRATOR', 'REGIONAL_OFFICER', 'CASE_WORKER')")
class ProgrammeController {

  private final Programmes programmes;
  private final Territories territories;
  private final MessageSource messages;
  private final Clock clock;

  ProgrammeController(
      Programmes programmes, Territories territories, MessageSource messages, Clock clock) {
    this.programmes = programmes;
    this.territories = territories;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/programmes")
  String list(Model model) {
    model.addAttribute("programmes", programmes.all());
    model.addAttribute("kinds", Programme.Kind.values());
    return "programmes/list";
  }

  @PostMapping("/programmes")
  @PreAuthorize("hasAnyRole('MINISTRY_ANALYST', 'ADMINISTRATOR')")
  String create(
      @RequestParam(defaultValue = "") String code,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String description,
      @RequestParam(required = false) Programme.Kind kind,
      @RequestParam(required = false) Integer position,
      @RequestParam(defaultValue = "false") boolean lastResort,
      Model model,
      Locale locale) {
    try {
      Programme created =
          programmes.create(
              new Programmes.NewProgramme(code, name, description, kind, position, lastResort));
      return "redirect:/programmes/" + created.id();
    } catch (InvalidInputException e) {
      model.addAttribute("errors", FormErrors.of(e, messages, locale));
      return list(model);
    }
  }

  @GetMapping("/programmes/{id}")
  String programme(@PathVariable UUID id, Model model) {
    Programme programme = programmes.get(id);
    model.addAttribute("programme", programme);
    List<TerritoryUnit> regions = territories.regions();
    Map<UUID, String> regionCodes = new HashMap<>();
    for (TerritoryUnit region : regions) {
      regionCodes.put(region.id(), region.code());
    }
    model.addAttribute("regions", regions);
    model.addAttribute("regionCodes", regionCodes);
    Map<UUID, String> criteriaTexts = new HashMap<>();
    Map<UUID, String> parameterTexts = new HashMap<>();
    Map<UUID, String> regionalTexts = new HashMap<>();
    for (Programme.Version v : programme.versions()) {
      criteriaTexts.put(v.id(), RuleForm.criteriaText(v.criteria()));
      parameterTexts.put(v.id(), RuleForm.parametersText(v.parameters()));
      regionalTexts.put(
          v.id(),
          RuleForm.regionalText(v.regionalParameters(), r -> regionCodes.getOrDefault(r, "?")));
    }
    model.addAttribute("criteriaTexts", criteriaTexts);
    model.addAttribute("parameterTexts", parameterTexts);
    model.addAttribute("regionalTexts", regionalTexts);
    if (!model.containsAttribute("draft")) {
      Programme.Version last =
          programme.versions().isEmpty() ? null : programme.versions().getLast();
      model.addAttribute(
          "draft",
          new DraftForm(
              LocalDate.now(clock).plusDays(1),
              last == null ? "" : criteriaTexts.get(last.id()),
              last == null ? "" : last.formula(),
              last == null ? "" : parameterTexts.get(last.id()),
              last == null ? "" : regionalTexts.get(last.id())));
    }
    return "programmes/programme";
  }

  /** What the draft form holds, kept when the form comes back with problems. */
  record DraftForm(
      LocalDate effectiveFrom,
      String criteria,
      String formula,
      String parameters,
      String regional) {}

  @PostMapping("/programmes/{id}/versions")
  @PreAuthorize("hasAnyRole('MINISTRY_ANALYST', 'ADMINISTRATOR')")
  String draft(
      @PathVariable UUID id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate effectiveFrom,
      @RequestParam(defaultValue = "") String criteria,
      @RequestParam(defaultValue = "") String formula,
      @RequestParam(defaultValue = "") String parameters,
      @RequestParam(defaultValue = "") String regional,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      List<Finding> findings = new ArrayList<>();
      var parsedCriteria = RuleForm.criteria(criteria, findings);
      var parsedParameters = RuleForm.parameters(parameters, "parameters", findings);
      Map<UUID, Map<String, Long>> byRegion = new HashMap<>();
      RuleForm.regional(regional, findings)
          .forEach(
              (code, values) ->
                  territories
                      .findByCode(code)
                      .ifPresentOrElse(
                          region -> byRegion.put(region.id(), values),
                          () -> findings.add(Finding.of("regional", "PRG-0305", code))));
      if (!findings.isEmpty()) {
        throw new InvalidInputException(findings);
      }
      programmes.draft(
          id,
          new Programmes.Draft(effectiveFrom, parsedCriteria, formula, parsedParameters, byRegion));
    } catch (InvalidInputException e) {
      model.addAttribute("draftErrors", FormErrors.of(e, messages, locale));
      model.addAttribute(
          "draft", new DraftForm(effectiveFrom, criteria, formula, parameters, regional));
      return programme(id, model);
    }
    redirect.addFlashAttribute("flash", "programmes.drafted");
    return "redirect:/programmes/" + id;
  }

  @PostMapping("/programmes/{id}/versions/{versionId}/trial")
  @PreAuthorize("hasAnyRole('MINISTRY_ANALYST', 'ADMINISTRATOR')")
  String trial(
      @PathVariable UUID id,
      @PathVariable UUID versionId,
      @RequestParam(required = false) UUID regionId,
      @RequestParam(defaultValue = "") String households,
      Model model,
      Locale locale) {
    model.addAttribute("trialVersion", versionId);
    model.addAttribute("trialHouseholds", households);
    model.addAttribute("trialRegion", regionId);
    try {
      List<CompiledRules.Evaluation> results =
          programmes.test(
              versionId,
              regionId,
              RuleForm.sampleHouseholds(households).stream()
                  .map(HouseholdFacts::ofSample)
                  .toList());
      model.addAttribute("trialResults", results);
    } catch (InvalidInputException e) {
      model.addAttribute("trialErrors", FormErrors.of(e, messages, locale));
    }
    return programme(id, model);
  }

  @PostMapping("/programmes/{id}/versions/{versionId}/publish")
  @PreAuthorize("hasAnyRole('MINISTRY_ANALYST', 'ADMINISTRATOR')")
  String publish(
      @PathVariable UUID id,
      @PathVariable UUID versionId,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      programmes.publish(versionId);
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("publishErrors", FormErrors.ofRefusal(e, messages, locale));
      return programme(id, model);
    }
    redirect.addFlashAttribute("flash", "programmes.published");
    return "redirect:/programmes/" + id;
  }
}
