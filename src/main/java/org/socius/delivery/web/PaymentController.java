package org.socius.delivery.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.socius.delivery.BankAccount;
import org.socius.delivery.Claims;
import org.socius.delivery.PaymentRun;
import org.socius.delivery.Payments;
import org.socius.platform.api.ImportReport;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Payment runs, for the regional officer: the account the region pays from, a run of the approved
 * claims, its pain.001 file for the bank and its CSV, and the bank's report that marks orders paid.
 */
@Controller
@PreAuthorize("hasRole('REGIONAL_OFFICER')")
class PaymentController {

  private final Payments payments;
  private final MessageSource messages;
  private final Clock clock;

  PaymentController(Payments payments, MessageSource messages, Clock clock) {
    this.payments = payments;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/payments")
  String list(Model model) {
    UUID region = Claims.officersRegion();
    model.addAttribute("runs", payments.runs(region));
    if (!model.containsAttribute("account")) {
      model.addAttribute(
          "account", payments.regionAccount(region).orElse(new BankAccount("", "", "")));
    }
    model.addAttribute("today", LocalDate.now(clock));
    return "delivery/payments";
  }

  @PostMapping("/payments/account")
  String account(
      @RequestParam(defaultValue = "") String holder,
      @RequestParam(defaultValue = "") String iban,
      @RequestParam(defaultValue = "") String bic,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    BankAccount typed = BankAccount.typed(holder, iban, bic);
    try {
      payments.setRegionAccount(Claims.officersRegion(), typed);
      redirect.addFlashAttribute("flash", "claims.accountSaved");
      return "redirect:/payments";
    } catch (InvalidInputException e) {
      model.addAttribute("accountErrors", FormErrors.of(e, messages, locale));
      model.addAttribute("account", typed);
      return list(model);
    }
  }

  @PostMapping("/payments/runs")
  String createRun(
      @RequestParam(defaultValue = "") String requestedOn,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      PaymentRun run =
          payments.createRun(
              Claims.officersRegion(),
              FormValues.day(requestedOn, "requestedOn", "DLV-0307", LocalDate.now(clock)));
      redirect.addFlashAttribute("flash", "payments.created");
      return "redirect:/payments/" + run.id();
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("runErrors", FormErrors.ofRefusal(e, messages, locale));
      return list(model);
    }
  }

  @GetMapping("/payments/{id}")
  String show(@PathVariable UUID id, Model model) {
    model.addAttribute("run", payments.run(id));
    return "delivery/payment-run";
  }

  @GetMapping("/payments/{id}/pain001.xml")
  ResponseEntity<byte[]> pain001(@PathVariable UUID id) {
    PaymentRun run = payments.run(id);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_XML)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + run.reference() + ".pain001.xml\"")
        .body(payments.pain001(id));
  }

  @GetMapping("/payments/{id}/orders.csv")
  ResponseEntity<String> csv(@PathVariable UUID id) {
    PaymentRun run = payments.run(id);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + run.reference() + ".csv\"")
        .body(payments.csv(id));
  }

  @PostMapping("/payments/{id}/reconciliation")
  String reconcile(
      @PathVariable UUID id,
      @RequestParam("file") MultipartFile file,
      Model model,
      RedirectAttributes redirect)
      throws IOException {
    ImportReport report =
        payments.reconcile(id, new String(file.getBytes(), StandardCharsets.UTF_8));
    if (!report.accepted()) {
      model.addAttribute("report", report);
      return show(id, model);
    }
    redirect.addFlashAttribute("flash", "payments.reconciled");
    return "redirect:/payments/" + id;
  }
}
