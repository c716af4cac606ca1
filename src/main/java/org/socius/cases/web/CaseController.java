package org.socius.cases.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.socius.accounts.Sector;
import org.socius.cases.Assessments;
import org.socius.cases.Case;
import org.socius.cases.CaseAccess;
import org.socius.cases.CaseFile;
import org.socius.cases.CaseWork;
import org.socius.cases.Cases;
import org.socius.cases.ClientAccess;
import org.socius.cases.Instrument;
import org.socius.people.People;
import org.socius.platform.Languages;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.security.RequiredRoles;
import org.socius.platform.security.Role;
import org.socius.platform.web.FormErrors;
import org.socius.platform.web.ListLinks;
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
 * Cases in the browser: the caseload, intake at the one window, and a case's page with its steps,
 * team, assessments, notes, conferences, tasks, referrals and history. Every form posts, redirects
 * on success, and on a refusal shows the page again with the message beside the form that caused
 * it.
 */
@Controller
@PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER', 'TEAM_SPECIALIST')")
class CaseController {

  private static final int PAGE_SIZE = 25;

  /**
   * The forms of the case page whose fields carry a prefix there (their names recur in other
   * forms), so that a refusal's message links to the field of its own form.
   */
  private static final Map<String, String> FIELD_PREFIXES =
      Map.of(
          "closureErrors", "early-",
          "noteErrors", "note-",
          "accessErrors", "access-",
          "replyErrors", "reply-");

  private final Cases cases;
  private final CaseWork work;
  private final Assessments assessments;
  private final ClientAccess clientAccess;
  private final People people;
  private final MessageSource messages;
  private final Clock clock;

  CaseController(
      Cases cases,
      CaseWork work,
      Assessments assessments,
      ClientAccess clientAccess,
      People people,
      MessageSource messages,
      Clock clock) {
    this.cases = cases;
    this.work = work;
    this.assessments = assessments;
    this.clientAccess = clientAccess;
    this.people = people;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/cases")
  String caseload(
      @RequestParam(required = false) Cases.Caseload view,
      @RequestParam(required = false) Case.Status status,
      @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    Cases.Caseload shown = view == null ? Cases.Caseload.MINE : view;
    Case.Status statusShown = status == null && view == null ? Case.Status.OPEN : status;
    model.addAttribute("listLink", ListLinks.withoutPage(request));
    model.addAttribute(
        "page", cases.caseload(shown, statusShown, overdue, Math.max(0, page), PAGE_SIZE));
    model.addAttribute("view", shown);
    model.addAttribute("views", Cases.Caseload.values());
    model.addAttribute("status", statusShown);
    model.addAttribute("statuses", Case.Status.values());
    model.addAttribute("overdue", overdue);
    model.addAttribute("today", LocalDate.now(clock));
    return "cases/caseload";
  }

  @GetMapping("/cases/new")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER')")
  String intake(@RequestParam UUID person, Model model) {
    model.addAttribute("person", people.get(person));
    model.addAttribute("sectors", Sector.values());
    model.addAttribute("sources", Case.Source.values());
    model.addAttribute("languages", Languages.CODES);
    if (!model.containsAttribute("form")) {
      model.addAttribute(
          "form",
          new Cases.NewCase(
              person, Sector.SOCIAL_PROTECTION, Case.Source.PERSON, "", "", false, "en", null));
    }
    return "cases/intake";
  }

  @PostMapping("/cases")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER')")
  String open(
      @RequestParam UUID person,
      @RequestParam(required = false) Sector sector,
      @RequestParam(required = false) Case.Source source,
      @RequestParam(defaultValue = "") String requester,
      @RequestParam(defaultValue = "") String request,
      @RequestParam(defaultValue = "false") boolean urgent,
      @RequestParam(defaultValue = "en") String language,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    Cases.NewCase n =
        new Cases.NewCase(person, sector, source, requester, request, urgent, language, null);
    try {
      Case c = cases.open(n);
      redirect.addFlashAttribute("flash", "cases.caseOpened");
      return "redirect:/cases/" + c.id();
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("errors", FormErrors.ofRefusal(e, messages, locale));
      model.addAttribute("form", n);
      return intake(person, model);
    }
  }

  @GetMapping("/cases/{id}")
  String page(@PathVariable UUID id, Model model) {
    CaseFile file = cases.file(id);
    Case c = file.theCase();
    boolean handles = RequiredRoles.heldAnyOf(Role.CASE_WORKER, Role.REGIONAL_OFFICER);
    model.addAttribute("file", file);
    model.addAttribute("c", c);
    model.addAttribute("client", people.get(c.personId()));
    model.addAttribute("handles", handles);
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("outcomes", Case.Outcome.values());
    model.addAttribute("earlyOutcomes", earlyOutcomes());
    model.addAttribute("sectors", Sector.values());
    model.addAttribute("referralTargets", CaseFile.ReferralTarget.values());
    model.addAttribute("instruments", assessments.instruments());
    model.addAttribute("clientAccess", clientAccess.accessTo(id));
    model.addAttribute("clientMessages", clientAccess.messages(id));
    model.addAttribute("capacities", CaseAccess.Capacity.values());
    if (handles && c.open()) {
      CaseWork.Staffing staffing = work.staffing(id);
      model.addAttribute("workers", staffing.workers());
      model.addAttribute("candidates", staffing.team());
    }
    return "cases/case";
  }

  @PostMapping("/cases/{id}/steps")
  String completeStep(
      @PathVariable UUID id,
      @RequestParam int version,
      @RequestParam(required = false) Case.StepKind step,
      @RequestParam(defaultValue = "") String record,
      @RequestParam(required = false) Boolean complexEvaluationNeeded,
      @RequestParam(required = false) Boolean continueHelp,
      @RequestParam(required = false) Case.Outcome outcome,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        "stepErrors",
        "cases.stepCompleted",
        () ->
            cases.completeStep(
                id,
                version,
                new Cases.StepCompletion(
                    step, record, complexEvaluationNeeded, continueHelp, outcome)),
        model,
        locale,
        redirect);
  }

  @PostMapping("/cases/{id}/early-closure")
  String closeEarly(
      @PathVariable UUID id,
      @RequestParam int version,
      @RequestParam(required = false) Case.Outcome outcome,
      @RequestParam(defaultValue = "") String record,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        "closureErrors",
        "cases.closed",
        () -> cases.closeEarly(id, version, outcome, record),
        model,
        locale,
        redirect);
  }

  @PostMapping("/cases/{id}/worker")
  String assign(
      @PathVariable UUID id,
      @RequestParam int version,
      @RequestParam(required = false) UUID workerId,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        "workerErrors",
        "cases.assigned",
        () -> cases.assign(id, version, workerId),
        model,
        locale,
        redirect);
  }

  @PostMapping("/cases/{id}/team")
  String addMember(
      @PathVariable UUID id,
      @RequestParam(required = false) UUID userId,
      @RequestParam(defaultValue = "") String roleInCase,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        "teamErrors",
        "cases.memberAdded",
        () -> work.addMember(id, userId, roleInCase),
        model,
        locale,
        redirect);
  }

  @PostMapping("/cases/{id}/team/{memberId}/removal")
  String removeMember(
      @PathVariable UUID id,
      @PathVariable UUID memberId,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        "teamErrors",
        "cases.memberRemoved",
        () -> {
          work.removeMember(id, memberId);
          return null;
        },
        model,
        locale,
        redirect);
  }

  @PostMapping("/cases/{id}/notes")
  String addNote(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String text,
      @RequestParam(defaultValue = "false") boolean restricted,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    // What was typed is shown again in the form if it is refused.
    model.addAttribute("noteText", text);
    return act(
        id,
        "noteErrors",
        "cases.noteAdded",
        () -> work.addNote(id, text, restricted),
        model,
        locale,
        redirect);
  }

  @PostMapping("/cases/{id}/client-access")
  String giveClientAccess(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String username,
      @RequestParam(required = false) CaseAccess.Capacity capacity,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    model.addAttribute("accessUsername", username);
    return act(
        id,
        "accessErrors",
        "portal.accessGiven",
        () -> clientAccess.give(id, username, capacity),
        model,
        locale,
        redirect);
  }

  @PostMapping("/cases/{id}/client-access/{accessId}/end")
  String endClientAccess(
      @PathVariable UUID id,
      @PathVariable UUID accessId,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        "accessErrors",
        "portal.accessEnded",
        () -> {
          clientAccess.end(id, accessId);
          return null;
        },
        model,
        locale,
        redirect);
  }

  @PostMapping("/cases/{id}/client-messages")
  String replyToClient(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String body,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    model.addAttribute("replyBody", body);
    return act(
        id,
        "replyErrors",
        "portal.replied",
        () -> clientAccess.reply(id, body),
        model,
        locale,
        redirect);
  }

  @PostMapping("/cases/{id}/conferences")
  String recordConference(
      @PathVariable UUID id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate heldOn,
      @RequestParam(defaultValue = "") String participants,
      @RequestParam(defaultValue = "") String minutes,
      @RequestParam(defaultValue = "") String decisions,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        "conferenceErrors",
        "cases.conferenceRecorded",
        () ->
            work.recordConference(
                id, new CaseWork.NewConference(heldOn, participants, minutes, decisions)),
        model,
        locale,
        redirect);
  }

  @PostMapping("/cases/{id}/tasks")
  String addTask(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String title,
      @RequestParam(defaultValue = "") String assignee,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate dueOn,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        "taskErrors",
        "cases.taskAdded",
        () -> work.addTask(id, title, assignee, dueOn),
        model,
        locale,
        redirect);
  }

  @PostMapping("/cases/{id}/tasks/{taskId}/done")
  String completeTask(
      @PathVariable UUID id,
      @PathVariable UUID taskId,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        "taskErrors",
        "cases.taskDone",
        () -> {
          work.completeTask(id, taskId);
          return null;
        },
        model,
        locale,
        redirect);
  }

  @PostMapping("/cases/{id}/referrals")
  String refer(
      @PathVariable UUID id,
      @RequestParam(required = false) CaseFile.ReferralTarget toKind,
      @RequestParam(defaultValue = "") String toName,
      @RequestParam(required = false) Sector sector,
      @RequestParam(defaultValue = "") String reason,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        "referralErrors",
        "cases.referred",
        () -> work.refer(id, new CaseWork.NewReferral(toKind, toName, sector, reason)),
        model,
        locale,
        redirect);
  }

  /** The questionnaire of an instrument, to fill in for the case. */
  @GetMapping("/cases/{id}/assessments/new")
  String assessmentForm(@PathVariable UUID id, @RequestParam UUID instrument, Model model) {
    model.addAttribute("c", cases.get(id));
    model.addAttribute("instrument", assessments.instrument(instrument));
    model.addAttribute("today", LocalDate.now(clock));
    if (!model.containsAttribute("answers")) {
      model.addAttribute("answers", Map.of());
    }
    return "cases/assessment";
  }

  @PostMapping("/cases/{id}/assessments")
  String assess(
      @PathVariable UUID id,
      @RequestParam UUID instrument,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate assessedOn,
      @RequestParam Map<String, String> form,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    Instrument i = assessments.instrument(instrument);
    Map<String, Integer> answers = new LinkedHashMap<>();
    for (Instrument.Question q : i.questions()) {
      String value = form.get("q." + q.code());
      if (value != null && value.matches("-?\\d{1,6}")) {
        answers.put(q.code(), Integer.valueOf(value));
      }
    }
    try {
      CaseFile.Assessment a = assessments.assess(id, instrument, answers, assessedOn);
      redirect.addFlashAttribute("flash", "cases.assessed");
      redirect.addFlashAttribute("assessed", a.results());
      return "redirect:/cases/" + id + "#assessments";
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("errors", FormErrors.ofRefusal(e, messages, locale));
      model.addAttribute("answers", answers);
      return assessmentForm(id, instrument, model);
    }
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
      return "redirect:/cases/" + id;
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute(
          errorsKey,
          FormErrors.ofRefusal(e, messages, locale)
              .prefixed(FIELD_PREFIXES.getOrDefault(errorsKey, "")));
      return page(id, model);
    }
  }

  private static List<Case.Outcome> earlyOutcomes() {
    return Arrays.stream(Case.Outcome.values()).filter(Case.Outcome::endsEarly).toList();
  }
}
