package org.socius.benefits.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.socius.benefits.Application;
import org.socius.benefits.Application.Channel;
import org.socius.benefits.Applications;
import org.socius.people.People;
import org.socius.people.Person;
import org.socius.platform.Languages;
import org.socius.platform.api.CsvWriter;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.security.RequiredRoles;
import org.socius.platform.web.FormErrors;
import org.socius.platform.web.ListLinks;
import org.socius.programmes.CompiledRules;
import org.socius.programmes.Programme;
import org.socius.programmes.Programmes;
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
 * Benefit applications in the browser: the list, intake for a person, and an application's page
 * with its steps and deadlines, the means test, the public notice and its objections, evidence, and
 * the form that completes the current step for whoever holds its role.
 */
@Controller
@PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER', 'MINISTRY_ANALYST')")
class BenefitApplicationController {

  private static final int PAGE_SIZE = 25;

  private final Applications applications;
  private final Programmes programmes;
  private final People people;
  private final MessageSource messages;
  private final Clock clock;

  BenefitApplicationController(
      Applications applications,
      Programmes programmes,
      People people,
      MessageSource messages,
      Clock clock) {
    this.clock = clock;
    this.applications = applications;
    this.programmes = programmes;
    this.people = people;
    this.messages = messages;
  }

  @GetMapping("/benefit-applications")
  String list(
      @RequestParam(required = false) Application.Status status,
      @RequestParam(required = false) UUID programmeId,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    model.addAttribute("listLink", ListLinks.withoutPage(request));
    model.addAttribute(
        "page", applications.list(status, programmeId, Math.max(0, page), PAGE_SIZE));
    model.addAttribute("status", status);
    model.addAttribute("programmeId", programmeId);
    model.addAttribute("statuses", Application.Status.values());
    model.addAttribute("programmeNames", programmeNames());
    model.addAttribute("now", OffsetDateTime.now(clock));
    return "benefits/applications";
  }

  /** The list as filtered, every page of it, for a spreadsheet. */
  @GetMapping("/benefit-applications/export.csv")
  void export(
      @RequestParam(required = false) Application.Status status,
      @RequestParam(required = false) UUID programmeId,
      HttpServletResponse response)
      throws IOException {
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"benefit-applications.csv\"");
    Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    CsvWriter csv = new CsvWriter(out);
    csv.row(
        "reference", "programme", "status", "urgent", "submitted", "current_step", "role", "due");
    Map<UUID, String> names = programmeNames();
    applications.forEach(
        status,
        programmeId,
        a ->
            csv.row(
                a.reference(),
                names.get(a.programmeId()),
                a.status(),
                a.urgent(),
                a.submittedAt(),
                a.currentKind() == null ? "" : a.currentKind(),
                a.currentRole() == null ? "" : a.currentRole(),
                a.currentDue() == null ? "" : a.currentDue()));
    out.flush();
  }

  @GetMapping("/benefit-applications/new")
  String intake(@RequestParam UUID applicant, Model model) {
    Person person = people.get(applicant);
    model.addAttribute("applicant", person);
    model.addAttribute("household", people.householdOf(applicant).orElse(null));
    model.addAttribute(
        "programmes",
        programmes.all().stream().filter(p -> p.kind() != Programme.Kind.CONTRIBUTION).toList());
    model.addAttribute("channels", Channel.values());
    model.addAttribute("languages", Languages.CODES);
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new IntakeForm(null, Channel.PERSON, "", false, "en"));
    }
    return "benefits/intake";
  }

  record IntakeForm(
      UUID programmeId, Channel channel, String representative, boolean urgent, String language) {}

  @PostMapping("/benefit-applications")
  String submit(
      @RequestParam UUID applicant,
      @RequestParam(required = false) UUID programmeId,
      @RequestParam(required = false) Channel channel,
      @RequestParam(defaultValue = "") String representative,
      @RequestParam(defaultValue = "false") boolean urgent,
      @RequestParam(defaultValue = "en") String language,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      Application a =
          applications.submit(
              new Applications.NewApplication(
                  programmeId, applicant, channel, representative, urgent, language));
      redirect.addFlashAttribute("flash", "benefits.registered");
      return "redirect:/benefit-applications/" + a.id();
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("errors", FormErrors.ofRefusal(e, messages, locale));
      model.addAttribute(
          "form", new IntakeForm(programmeId, channel, representative, urgent, language));
      return intake(applicant, model);
    }
  }

  @GetMapping("/benefit-applications/{id}")
  String application(@PathVariable UUID id, Model model, Locale locale) {
    Application a = applications.get(id);
    model.addAttribute("a", a);
    model.addAttribute("programme", programmes.get(a.programmeId()));
    model.addAttribute("applicant", people.get(a.applicantId()));
    model.addAttribute("now", OffsetDateTime.now(clock));
    model.addAttribute("evidenceKinds", Application.EvidenceKind.values());
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute(
        "mayAct", a.current().map(s -> RequiredRoles.heldAnyOf(s.role())).orElse(false));
    if (a.status() == Application.Status.IN_PROGRESS) {
      try {
        CompiledRules.Evaluation assessment = applications.assess(a);
        model.addAttribute("assessment", assessment);
      } catch (InvalidInputException | ConflictException e) {
        model.addAttribute("assessmentErrors", FormErrors.ofRefusal(e, messages, locale));
      }
    }
    return "benefits/application";
  }

  @PostMapping("/benefit-applications/{id}/steps")
  String completeStep(
      @PathVariable UUID id,
      @RequestParam int version,
      @RequestParam(defaultValue = "") String note,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      Application a = applications.completeStep(id, version, note);
      if (a.decisionId() != null) {
        redirect.addFlashAttribute("flash", "benefits.decided");
        return "redirect:/decisions/" + a.decisionId();
      }
      redirect.addFlashAttribute("flash", "benefits.stepCompleted");
      return "redirect:/benefit-applications/" + id;
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("stepErrors", FormErrors.ofRefusal(e, messages, locale));
      return application(id, model, locale);
    }
  }

  @PostMapping("/benefit-applications/{id}/evidence")
  String addEvidence(
      @PathVariable UUID id,
      @RequestParam(required = false) Application.EvidenceKind kind,
      @RequestParam(defaultValue = "") String description,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate receivedOn,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      applications.addEvidence(id, kind, description, receivedOn);
      redirect.addFlashAttribute("flash", "benefits.evidenceAdded");
      return "redirect:/benefit-applications/" + id;
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("evidenceErrors", FormErrors.ofRefusal(e, messages, locale));
      return application(id, model, locale);
    }
  }

  @PostMapping("/benefit-applications/{id}/objections/{objectionId}/answer")
  String answerObjection(
      @PathVariable UUID id,
      @PathVariable UUID objectionId,
      @RequestParam(defaultValue = "") String answer,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      applications.answerObjection(id, objectionId, answer);
      redirect.addFlashAttribute("flash", "benefits.objectionAnswered");
      return "redirect:/benefit-applications/" + id;
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("objectionErrors", FormErrors.ofRefusal(e, messages, locale));
      return application(id, model, locale);
    }
  }

  @PostMapping("/benefit-applications/{id}/withdrawal")
  String withdraw(
      @PathVariable UUID id,
      @RequestParam int version,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      applications.withdraw(id, version);
      redirect.addFlashAttribute("flash", "benefits.withdrawn");
      return "redirect:/benefit-applications/" + id;
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("stepErrors", FormErrors.ofRefusal(e, messages, locale));
      return application(id, model, locale);
    }
  }

  private Map<UUID, String> programmeNames() {
    return programmes.all().stream().collect(Collectors.toMap(Programme::id, Programme::name));
  }
}
