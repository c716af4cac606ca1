package org.socius.benefits.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.socius.benefits.RecertificationRun;
import org.socius.benefits.Recertifications;
import org.socius.benefits.Workflow;
import org.socius.benefits.Workflows;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.web.FormErrors;
import org.socius.platform.web.ListLinks;
import org.socius.programmes.Programme;
import org.socius.programmes.Programmes;
import org.socius.territory.Territories;
import org.socius.territory.TerritoryUnit;
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
 * A programme's decision-making in the browser: its workflow, written as plain text, and its
 * recertification and what-if runs with their progress and figures by region.
 */
@Controller
@PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER', 'MINISTRY_ANALYST', 'ADMINISTRATOR')")
class RecertificationController {

  private final Recertifications recertifications;
  private final Workflows workflows;
  private final Programmes programmes;
  private final Territories territories;
  private final MessageSource messages;

  RecertificationController(
      Recertifications recertifications,
      Workflows workflows,
      Programmes programmes,
      Territories territories,
      MessageSource messages) {
    this.recertifications = recertifications;
    this.workflows = workflows;
    this.programmes = programmes;
    this.territories = territories;
    this.messages = messages;
  }

  @GetMapping("/programmes/{id}/decisions")
  String page(@PathVariable UUID id, Model model) {
    Programme programme = programmes.get(id);
    model.addAttribute("programme", programme);
    model.addAttribute("runs", recertifications.ofProgramme(id));
    model.addAttribute("regions", regionsInScope());
    model.addAttribute("regionNames", regionNames());
    model.addAttribute("national", CurrentScope.get().isNationalOrWider());
    Workflow workflow = workflows.of(id);
    model.addAttribute("workflow", workflow);
    if (!model.containsAttribute("workflowText")) {
      model.addAttribute("workflowText", WorkflowText.write(workflow.steps()));
      model.addAttribute("urgentHours", workflow.urgentHours());
      model.addAttribute("appealWorkingDays", workflow.appealWorkingDays());
    }
    return "benefits/programme-decisions";
  }

  @PostMapping("/programmes/{id}/workflow")
  @PreAuthorize("hasAnyRole('MINISTRY_ANALYST', 'ADMINISTRATOR')")
  String setWorkflow(
      @PathVariable UUID id,
      @RequestParam int version,
      @RequestParam(defaultValue = "") String steps,
      @RequestParam(required = false) Integer urgentHours,
      @RequestParam(required = false) Integer appealWorkingDays,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      workflows.set(id, WorkflowText.read(steps), urgentHours, appealWorkingDays, version);
      redirect.addFlashAttribute("flash", "workflow.saved");
      return "redirect:/programmes/" + id + "/decisions";
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("workflowErrors", FormErrors.ofRefusal(e, messages, locale));
      model.addAttribute("workflowText", steps);
      model.addAttribute("urgentHours", urgentHours);
      model.addAttribute("appealWorkingDays", appealWorkingDays);
      return page(id, model);
    }
  }

  @PostMapping("/programmes/{id}/runs")
  @PreAuthorize("hasAnyRole('MINISTRY_ANALYST', 'REGIONAL_OFFICER', 'ADMINISTRATOR')")
  String start(
      @PathVariable UUID id,
      @RequestParam(required = false) UUID regionId,
      @RequestParam(required = false) UUID versionId,
      Model model,
      Locale locale) {
    try {
      RecertificationRun run = recertifications.start(id, regionId, versionId);
      return "redirect:/recertification-runs/" + run.id();
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("runErrors", FormErrors.ofRefusal(e, messages, locale));
      return page(id, model);
    }
  }

  /** A run's page; while it runs, the progress part asks for itself again every second. */
  @GetMapping("/recertification-runs/{id}")
  String run(@PathVariable UUID id, HttpServletRequest request, Model model) {
    RecertificationRun run = recertifications.get(id);
    model.addAttribute("run", run);
    model.addAttribute("regionNames", regionNames());
    if (ListLinks.isFragmentRequest(request)) {
      return "benefits/run :: progress";
    }
    model.addAttribute("programme", programmes.get(run.programmeId()));
    model.addAttribute("version", programmes.version(run.programmeVersionId()));
    return "benefits/run";
  }

  private List<TerritoryUnit> regionsInScope() {
    return territories.regions().stream()
        .filter(r -> CurrentScope.get().allows(r.id(), null))
        .toList();
  }

  private Map<UUID, String> regionNames() {
    return territories.regions().stream()
        .collect(Collectors.toMap(TerritoryUnit::id, TerritoryUnit::name));
  }
}
