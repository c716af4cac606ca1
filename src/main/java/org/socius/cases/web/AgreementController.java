package org.socius.cases.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.socius.cases.Agreement;
import org.socius.cases.Agreements;
import org.socius.cases.ProviderNotice;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.web.FormErrors;
import org.socius.providers.Provider;
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
 * Agreements as a provider's staff see them: those their organisation is party to, the ones to
 * answer first, with the client, the services, the price and the client's contribution; they accept
 * or decline each. Either side downloads an agreement as a PDF for signature.
 */
@Controller
class AgreementController {

  private final Agreements agreements;
  private final CaseDocuments documents;
  private final MessageSource messages;

  AgreementController(Agreements agreements, CaseDocuments documents, MessageSource messages) {
    this.agreements = agreements;
    this.documents = documents;
    this.messages = messages;
  }

  @GetMapping("/provider-agreements")
  @PreAuthorize("hasRole('PROVIDER_STAFF')")
  String list(@RequestParam(required = false) UUID provider, Model model) {
    List<Provider> mine = agreements.myProviders();
    if (mine.isEmpty()) {
      return "providers/none";
    }
    Provider shown =
        mine.stream().filter(p -> p.id().equals(provider)).findFirst().orElse(mine.getFirst());
    model.addAttribute("providers", mine);
    model.addAttribute("provider", shown);
    model.addAttribute("agreements", agreements.ofProvider(shown.id()));
    List<ProviderNotice> notices = agreements.notices(shown.id());
    model.addAttribute("notices", notices);
    model.addAttribute("unseenNotices", notices.stream().filter(n -> n.seenAt() == null).count());
    return "cases/provider-agreements";
  }

  @PostMapping("/provider-agreements/notices-seen")
  @PreAuthorize("hasRole('PROVIDER_STAFF')")
  String noticesSeen(@RequestParam UUID provider, RedirectAttributes redirect) {
    agreements.markNoticesSeen(provider);
    redirect.addFlashAttribute("flash", "providerNotices.seen");
    return "redirect:/provider-agreements?provider=" + provider;
  }

  @PostMapping("/provider-agreements/{id}/acceptance")
  @PreAuthorize("hasRole('PROVIDER_STAFF')")
  String accept(
      @PathVariable UUID id,
      @RequestParam int version,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      Agreement a = agreements.accept(id, version);
      redirect.addFlashAttribute("flash", "agreements.accepted");
      return "redirect:/provider-agreements?provider=" + a.providerId();
    } catch (InvalidInputException | ConflictException e) {
      return refused(id, e, model, locale);
    }
  }

  @PostMapping("/provider-agreements/{id}/decline")
  @PreAuthorize("hasRole('PROVIDER_STAFF')")
  String decline(
      @PathVariable UUID id,
      @RequestParam int version,
      @RequestParam(defaultValue = "") String reason,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      Agreement a = agreements.decline(id, version, reason);
      redirect.addFlashAttribute("flash", "agreements.declined");
      return "redirect:/provider-agreements?provider=" + a.providerId();
    } catch (InvalidInputException | ConflictException e) {
      return refused(id, e, model, locale);
    }
  }

  @GetMapping("/agreements/{id}/pdf")
  @PreAuthorize(
      "hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER', 'TEAM_SPECIALIST', 'PROVIDER_STAFF')")
  ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
    Agreement a = agreements.get(id);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "inline; filename=\"agreement-" + a.reference() + ".pdf\"")
        .body(documents.agreement(a));
  }

  private String refused(UUID id, RuntimeException e, Model model, Locale locale) {
    Agreement a = agreements.get(id);
    model.addAttribute("answerErrors", FormErrors.ofRefusal(e, messages, locale));
    return list(a.providerId(), model);
  }
}
