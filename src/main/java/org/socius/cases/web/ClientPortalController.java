package org.socius.cases.web;

import java.util.Locale;
import java.util.UUID;
import org.socius.cases.Agreement;
import org.socius.cases.ClientPortal;
import org.socius.catalogue.Catalogue;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.web.FormErrors;
import org.springframework.context.MessageSource;
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
 * The client's own pages, for the client or their representative: their cases, the plan in force
 * with a provider for each service, the agreements with what they pay, changing a provider, and the
 * conversation with the worker.
 */
@Controller
@PreAuthorize("hasRole('BENEFICIARY')")
class ClientPortalController {

  private static final int CHOICES_PER_PAGE = 10;

  private final ClientPortal portal;
  private final CaseDocuments documents;
  private final Catalogue catalogue;
  private final MessageSource messages;

  ClientPortalController(
      ClientPortal portal, CaseDocuments documents, Catalogue catalogue, MessageSource messages) {
    this.portal = portal;
    this.documents = documents;
    this.catalogue = catalogue;
    this.messages = messages;
  }

  @GetMapping("/my-cases")
  String list(Model model) {
    model.addAttribute("cases", portal.myCases());
    return "cases/my-cases";
  }

  @GetMapping("/my-cases/{id}")
  String show(@PathVariable UUID id, Model model) {
    model.addAttribute("view", portal.view(id));
    model.addAttribute("currency", catalogue.currency());
    return "cases/my-case";
  }

  @GetMapping("/my-cases/{id}/services/{serviceId}/providers")
  String providers(
      @PathVariable UUID id,
      @PathVariable UUID serviceId,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    model.addAttribute("options", portal.options(id, serviceId, page, CHOICES_PER_PAGE));
    model.addAttribute("forClient", true);
    model.addAttribute("backUrl", "/my-cases/" + id);
    model.addAttribute("serviceUrl", "/my-cases/" + id + "/services/" + serviceId);
    return "cases/choose";
  }

  @PostMapping("/my-cases/{id}/services/{serviceId}/choice")
  String change(
      @PathVariable UUID id,
      @PathVariable UUID serviceId,
      @RequestParam UUID planId,
      @RequestParam(required = false) UUID registeredServiceId,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      portal.changeProvider(id, planId, serviceId, registeredServiceId);
      redirect.addFlashAttribute("flash", "portal.changed");
      return "redirect:/my-cases/" + id;
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("choiceErrors", FormErrors.ofRefusal(e, messages, locale));
      try {
        return providers(id, serviceId, 0, model);
      } catch (NotFoundException replaced) {
        // The plan changed since the list was shown: its services are the new version's.
        return show(id, model);
      }
    }
  }

  @PostMapping("/my-cases/{id}/messages")
  String send(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String body,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      portal.send(id, body);
      redirect.addFlashAttribute("flash", "portal.sent");
      return "redirect:/my-cases/" + id + "#messages-heading";
    } catch (InvalidInputException e) {
      model.addAttribute("messageErrors", FormErrors.ofRefusal(e, messages, locale));
      model.addAttribute("body", body);
      return show(id, model);
    }
  }

  @GetMapping("/my-cases/{id}/agreements/{agreementId}/pdf")
  ResponseEntity<byte[]> agreementPdf(@PathVariable UUID id, @PathVariable UUID agreementId) {
    Agreement a = portal.agreement(id, agreementId);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "inline; filename=\"agreement-" + a.reference() + ".pdf\"")
        .body(documents.agreement(a));
  }

  /** A version of the client's plan as a PDF in the client's language, to keep. */
  @GetMapping("/my-cases/{id}/plan/{planId}/pdf")
  ResponseEntity<byte[]> planPdf(@PathVariable UUID id, @PathVariable UUID planId) {
    ClientPortal.PlanToKeep kept = portal.plan(id, planId);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "inline; filename=\"plan-"
                + kept.details().reference()
                + "-v"
                + kept.plan().versionNumber()
                + ".pdf\"")
        .body(documents.plan(kept.details(), kept.client(), kept.plan()));
  }
}
