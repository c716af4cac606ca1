package org.socius.delivery.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.socius.delivery.Deliveries;
import org.socius.delivery.DeliveryRecord;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.security.RequiredRoles;
import org.socius.platform.security.Role;
import org.socius.platform.web.FormErrors;
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
 * What the providers delivered to a client, as the client (or their representative) sees it under
 * "My cases" and as the case's worker sees it: each record is confirmed or disputed with a reason,
 * by the client or by the worker for them; the worker settles disputes. Workers also find every
 * dispute of their territory in one list.
 */
@Controller
class DeliveryAnswersController {

  private final Deliveries deliveries;
  private final MessageSource messages;

  DeliveryAnswersController(Deliveries deliveries, MessageSource messages) {
    this.deliveries = deliveries;
    this.messages = messages;
  }

  @GetMapping("/my-cases/{id}/deliveries")
  @PreAuthorize("hasRole('BENEFICIARY')")
  String forClient(@PathVariable UUID id, Model model) {
    return show(deliveries.forClient(id), "/my-cases/" + id, true, model);
  }

  @GetMapping("/cases/{id}/deliveries")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER')")
  String forWorker(@PathVariable UUID id, Model model) {
    return show(deliveries.ofCase(id), "/cases/" + id, false, model);
  }

  @GetMapping("/delivery-disputes")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER')")
  String disputes(Model model) {
    model.addAttribute("records", deliveries.disputes());
    return "delivery/disputes";
  }

  @PostMapping({
    "/my-cases/{id}/deliveries/{recordId}/confirmation",
    "/cases/{id}/deliveries/{recordId}/confirmation"
  })
  @PreAuthorize("hasAnyRole('BENEFICIARY', 'CASE_WORKER', 'REGIONAL_OFFICER')")
  String confirm(
      @PathVariable UUID id,
      @PathVariable UUID recordId,
      @RequestParam int version,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        recordId,
        "deliveries.confirmed",
        () -> deliveries.confirm(recordId, version),
        model,
        locale,
        redirect);
  }

  @PostMapping({
    "/my-cases/{id}/deliveries/{recordId}/dispute",
    "/cases/{id}/deliveries/{recordId}/dispute"
  })
  @PreAuthorize("hasAnyRole('BENEFICIARY', 'CASE_WORKER', 'REGIONAL_OFFICER')")
  String dispute(
      @PathVariable UUID id,
      @PathVariable UUID recordId,
      @RequestParam int version,
      @RequestParam(defaultValue = "") String reason,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        recordId,
        "deliveries.disputed",
        () -> deliveries.dispute(recordId, version, reason),
        model,
        locale,
        redirect);
  }

  @PostMapping("/cases/{id}/deliveries/{recordId}/settlement")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER')")
  String settle(
      @PathVariable UUID id,
      @PathVariable UUID recordId,
      @RequestParam int version,
      @RequestParam(required = false) Boolean delivered,
      @RequestParam(defaultValue = "") String note,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        recordId,
        "deliveries.settled",
        () -> deliveries.settle(recordId, version, delivered, note),
        model,
        locale,
        redirect);
  }

  private String act(
      UUID caseId,
      UUID recordId,
      String flash,
      Supplier<DeliveryRecord> action,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    // The client answers from their own pages, a worker from the case's.
    boolean client = RequiredRoles.heldAnyOf(Role.BENEFICIARY);
    String base = (client ? "/my-cases/" : "/cases/") + caseId;
    try {
      action.get();
      redirect.addFlashAttribute("flash", flash);
      return "redirect:" + base + "/deliveries";
    } catch (InvalidInputException | ConflictException e) {
      // The forms repeat on every row: a problem links to the row's own field.
      model.addAttribute(
          "answerErrors",
          FormErrors.ofRefusal(e, messages, locale).withFieldIds(f -> f + "-" + recordId));
      return client ? forClient(caseId, model) : forWorker(caseId, model);
    }
  }

  private static String show(Deliveries.OfCase view, String base, boolean client, Model model) {
    List<DeliveryRecord> records = view.records();
    model.addAttribute("c", view.details());
    model.addAttribute("base", base);
    model.addAttribute("forClient", client);
    model.addAttribute("records", records);
    model.addAttribute("waiting", records.stream().filter(DeliveryRecord::awaitsAnswer).count());
    return "delivery/answers";
  }
}
