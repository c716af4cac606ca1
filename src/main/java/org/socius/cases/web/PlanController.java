package org.socius.cases.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.socius.cases.Agreements;
import org.socius.cases.Case;
import org.socius.cases.Cases;
import org.socius.cases.Plan;
import org.socius.cases.Plans;
import org.socius.catalogue.Catalogue;
import org.socius.people.People;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.security.RequiredRoles;
import org.socius.platform.security.Role;
import org.socius.platform.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A case's individual plan in the browser: its versions, the draft being written with the client
 * (services against the standard's norms, the choice of provider for each, the client's agreement),
 * the agreements drawn up with the providers, and the plan as a PDF in the client's language.
 */
@Controller
@PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER', 'TEAM_SPECIALIST')")
class PlanController {

  private static final int CHOICES_PER_PAGE = 10;

  private final Cases cases;
  private final Plans plans;
  private final Agreements agreements;
  private final Catalogue catalogue;
  private final People people;
  private final CaseDocuments documents;
  private final MessageSource messages;
  private final Clock clock;

  PlanController(
      Cases cases,
      Plans plans,
      Agreements agreements,
      Catalogue catalogue,
      People people,
      CaseDocuments documents,
      MessageSource messages,
      Clock clock) {
    this.cases = cases;
    this.plans = plans;
    this.agreements = agreements;
    this.catalogue = catalogue;
    this.people = people;
    this.documents = documents;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/cases/{id}/plan")
  String page(@PathVariable UUID id, Model model) {
    Case c = cases.get(id);
    List<Plan> versions = plans.versions(id);
    model.addAttribute("c", c);
    model.addAttribute("client", people.get(c.personId()));
    model.addAttribute("versions", versions);
    model.addAttribute("draft", versions.stream().filter(Plan::draft).findFirst().orElse(null));
    model.addAttribute("inForce", Plans.inForce(versions).orElse(null));
    model.addAttribute("agreements", agreements.ofCase(id));
    model.addAttribute("handles", RequiredRoles.heldAnyOf(Role.CASE_WORKER, Role.REGIONAL_OFFICER));
    model.addAttribute("serviceTypes", catalogue.search(null, null, null, null, null, true));
    model.addAttribute("agreedAs", Plan.AgreedAs.values());
    model.addAttribute("today", LocalDate.now(clock));
    return "cases/plan";
  }

  @PostMapping("/cases/{id}/plan")
  String begin(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String goals,
      @RequestParam(defaultValue = "") String reason,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        "beginErrors",
        "plans.begun",
        () -> plans.begin(id, new Plans.NewVersion(goals, reason)),
        model,
        locale,
        redirect);
  }

  @PostMapping("/cases/{id}/plan/services")
  String addService(
      @PathVariable UUID id,
      @RequestParam int version,
      @RequestParam(required = false) UUID serviceTypeId,
      @RequestParam(required = false) BigDecimal units,
      @RequestParam(defaultValue = "") String frequency,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate startsOn,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate endsOn,
      @RequestParam(defaultValue = "") String aboveNormReason,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        "serviceErrors",
        "plans.serviceAdded",
        () ->
            plans.addService(
                id,
                version,
                new Plans.NewService(
                    serviceTypeId, units, frequency, startsOn, endsOn, aboveNormReason)),
        model,
        locale,
        redirect);
  }

  @PostMapping("/cases/{id}/plan/services/{serviceId}/removal")
  String removeService(
      @PathVariable UUID id,
      @PathVariable UUID serviceId,
      @RequestParam int version,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        "serviceErrors",
        "plans.serviceRemoved",
        () -> plans.removeService(id, version, serviceId),
        model,
        locale,
        redirect);
  }

  /** The providers the client may choose from for a service, nearest first. */
  @GetMapping("/cases/{id}/plan/services/{serviceId}/providers")
  String providers(
      @PathVariable UUID id,
      @PathVariable UUID serviceId,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    // The options carry the draft they were found for: the list reads the case and plan once.
    model.addAttribute("options", plans.options(id, serviceId, page, CHOICES_PER_PAGE));
    model.addAttribute("forClient", false);
    model.addAttribute("backUrl", "/cases/" + id + "/plan");
    model.addAttribute("serviceUrl", "/cases/" + id + "/plan/services/" + serviceId);
    return "cases/choose";
  }

  @PostMapping("/cases/{id}/plan/services/{serviceId}/choice")
  String choose(
      @PathVariable UUID id,
      @PathVariable UUID serviceId,
      @RequestParam int version,
      @RequestParam(required = false) UUID registeredServiceId,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      plans.choose(id, version, serviceId, registeredServiceId);
      redirect.addFlashAttribute("flash", "plans.chosen");
      return "redirect:/cases/" + id + "/plan";
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("choiceErrors", FormErrors.ofRefusal(e, messages, locale));
      return providers(id, serviceId, 0, model);
    }
  }

  @PostMapping("/cases/{id}/plan/agreement")
  String agree(
      @PathVariable UUID id,
      @RequestParam int version,
      @RequestParam(required = false) Plan.AgreedAs agreedAs,
      @RequestParam(defaultValue = "") String agreedBy,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        "agreeErrors",
        "plans.agreed",
        () -> plans.agree(id, version, new Plans.Agreement(agreedAs, agreedBy)),
        model,
        locale,
        redirect);
  }

  @PostMapping("/cases/{id}/agreements")
  String drawUp(@PathVariable UUID id, Model model, Locale locale, RedirectAttributes redirect) {
    return act(
        id,
        "agreementErrors",
        "agreements.drawn",
        () -> agreements.drawUp(id),
        model,
        locale,
        redirect);
  }

  /** A version of the plan as a PDF in the client's language, for them to keep or sign. */
  @GetMapping("/cases/{id}/plan/{planId}/pdf")
  ResponseEntity<byte[]> pdf(@PathVariable UUID id, @PathVariable UUID planId) {
    Case c = cases.get(id);
    Plan plan =
        plans.versions(id).stream()
            .filter(p -> p.id().equals(planId))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("plan", planId));
    byte[] pdf = documents.plan(c, people.get(c.personId()), plan);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "inline; filename=\"plan-" + c.reference() + "-v" + plan.versionNumber() + ".pdf\"")
        .body(pdf);
  }

  private String act(
      UUID id,
      String errorsKey,
      String flash,
      Supplier<?> action,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      action.get();
      redirect.addFlashAttribute("flash", flash);
      return "redirect:/cases/" + id + "/plan";
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute(errorsKey, FormErrors.ofRefusal(e, messages, locale));
      return page(id, model);
    }
  }
}
