package org.socius.delivery.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.socius.cases.Agreement;
import org.socius.cases.Agreements;
import org.socius.catalogue.Catalogue;
import org.socius.catalogue.ServiceType;
import org.socius.delivery.Deliveries;
import org.socius.delivery.DeliveryCsv;
import org.socius.delivery.DeliveryRecord;
import org.socius.delivery.NewDelivery;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.Finding;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a provider's staff deliver: a form to record a visit or units under an accepted agreement, a
 * CSV file of many, and the records of the last weeks with their clients' answers. A form carries a
 * key made when it is shown, so that sending it twice records it once.
 */
@Controller
@PreAuthorize("hasRole('PROVIDER_STAFF')")
class ProviderDeliveryController {

  private static final int PAGE_SIZE = 50;

  /** A service of an agreement to record against: its value in the form and its label. */
  record Choice(String value, String label) {}

  /** What was typed in the form, shown again when it is refused. */
  record Typed(
      String line,
      String date,
      String start,
      String end,
      String units,
      String staff,
      String place,
      String reason) {}

  private final Deliveries deliveries;
  private final Agreements agreements;
  private final Catalogue catalogue;
  private final MessageSource messages;
  private final Clock clock;

  ProviderDeliveryController(
      Deliveries deliveries,
      Agreements agreements,
      Catalogue catalogue,
      MessageSource messages,
      Clock clock) {
    this.deliveries = deliveries;
    this.agreements = agreements;
    this.catalogue = catalogue;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/provider-deliveries")
  String list(
      @RequestParam(required = false) UUID provider,
      @RequestParam(required = false) DeliveryRecord.Status status,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    List<Provider> mine = agreements.myProviders();
    if (mine.isEmpty()) {
      return "providers/none";
    }
    Provider shown =
        mine.stream().filter(p -> p.id().equals(provider)).findFirst().orElse(mine.getFirst());
    LocalDate today = LocalDate.now(clock);
    model.addAttribute("providers", mine);
    model.addAttribute("provider", shown);
    model.addAttribute("status", status);
    model.addAttribute("statuses", DeliveryRecord.Status.values());
    model.addAttribute("choices", choices(shown.id()));
    model.addAttribute(
        "records",
        deliveries.ofProvider(shown.id(), today.minusDays(62), today, status, page, PAGE_SIZE));
    if (!model.containsAttribute("typed")) {
      model.addAttribute("typed", new Typed("", today.toString(), "", "", "", "", "", ""));
    }
    model.addAttribute("key", UUID.randomUUID().toString());
    return "delivery/provider-deliveries";
  }

  @PostMapping("/provider-deliveries/record")
  String record(
      @RequestParam UUID provider,
      @RequestParam String key,
      @RequestParam(defaultValue = "") String line,
      @RequestParam(defaultValue = "") String date,
      @RequestParam(defaultValue = "") String start,
      @RequestParam(defaultValue = "") String end,
      @RequestParam(defaultValue = "") String units,
      @RequestParam(defaultValue = "") String staff,
      @RequestParam(defaultValue = "") String place,
      @RequestParam(defaultValue = "") String reason,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    Typed typed = new Typed(line, date, start, end, units, staff, place, reason);
    List<Finding> unreadable = new ArrayList<>();
    String[] agreementAndService = line.split("\\|", 2);
    NewDelivery d =
        new NewDelivery(
            agreementAndService[0],
            agreementAndService.length > 1 ? agreementAndService[1] : "",
            parse("date", date, LocalDate::parse, "DLV-0134", unreadable),
            parse("start", start, LocalTime::parse, "DLV-0135", unreadable),
            parse("end", end, LocalTime::parse, "DLV-0135", unreadable),
            parse("units", units, BigDecimal::new, "DLV-0136", unreadable),
            staff,
            place,
            reason);
    try {
      if (!unreadable.isEmpty()) {
        throw new InvalidInputException(unreadable);
      }
      deliveries.recordOne(provider, key, Deliveries.Source.FORM, d);
      redirect.addFlashAttribute("flash", "deliveries.recorded");
      return "redirect:/provider-deliveries?provider=" + provider;
    } catch (InvalidInputException e) {
      model.addAttribute(
          "recordErrors",
          FormErrors.of(e.findings().stream().map(f -> onForm(f)).toList(), messages, locale));
      model.addAttribute("typed", typed);
      return list(provider, null, 0, model);
    } catch (ConflictException e) {
      model.addAttribute("recordErrors", FormErrors.ofRefusal(e, messages, locale));
      model.addAttribute("typed", typed);
      return list(provider, null, 0, model);
    }
  }

  @PostMapping("/provider-deliveries/upload")
  String upload(
      @RequestParam UUID provider,
      @RequestParam String key,
      @RequestParam("file") MultipartFile file,
      Model model,
      Locale locale,
      RedirectAttributes redirect)
      throws IOException {
    String csv = new String(file.getBytes(), StandardCharsets.UTF_8);
    Deliveries.Outcome outcome;
    try {
      outcome = deliveries.recordCsv(provider, key, csv);
    } catch (InvalidInputException | ConflictException e) {
      // Too many lines, or the page's key sent again with another file.
      model.addAttribute("uploadErrors", FormErrors.ofRefusal(e, messages, locale));
      return list(provider, null, 0, model);
    }
    if (!outcome.accepted()) {
      model.addAttribute("report", outcome.report());
      return list(provider, null, 0, model);
    }
    redirect.addFlashAttribute("flash", "deliveries.uploaded");
    redirect.addFlashAttribute("uploaded", outcome.report().imported());
    return "redirect:/provider-deliveries?provider=" + provider;
  }

  @GetMapping("/provider-deliveries/template.csv")
  ResponseEntity<String> template() {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"deliveries.csv\"")
        .body(DeliveryCsv.header());
  }

  @PostMapping("/provider-deliveries/{id}/withdrawal")
  String withdraw(
      @PathVariable UUID id,
      @RequestParam UUID provider,
      @RequestParam int version,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      deliveries.withdraw(id, version);
      redirect.addFlashAttribute("flash", "deliveries.withdrawn");
      return "redirect:/provider-deliveries?provider=" + provider;
    } catch (ConflictException e) {
      model.addAttribute("listErrors", FormErrors.ofRefusal(e, messages, locale));
      return list(provider, null, 0, model);
    }
  }

  /** The services of the provider's agreements in force, as the form offers them. */
  private List<Choice> choices(UUID providerId) {
    List<Choice> choices = new ArrayList<>();
    for (Agreement a : agreements.ofProvider(providerId)) {
      if (a.status() != Agreement.Status.ACCEPTED) {
        continue;
      }
      for (Agreement.Line l : a.services()) {
        String code = catalogue.serviceType(l.serviceTypeId()).map(ServiceType::code).orElse("");
        choices.add(
            new Choice(
                a.reference() + "|" + code,
                a.reference() + " · " + a.clientName() + " · " + l.serviceName()));
      }
    }
    return choices;
  }

  /** A problem with the agreement or the service belongs to the form's one list of both. */
  private static Finding onForm(Finding f) {
    String field =
        f.field() == null
            ? null
            : switch (f.field()) {
              case "agreement", "service" -> "line";
              case "abovePlanReason" -> "reason";
              default -> f.field();
            };
    return new Finding(field, f.code(), f.args());
  }

  private interface Parser<T> {
    T parse(String text);
  }

  private static <T> T parse(
      String field, String text, Parser<T> parser, String code, List<Finding> unreadable) {
    String v = text == null ? "" : text.trim();
    if (v.isEmpty()) {
      return null;
    }
    try {
      return parser.parse(v);
    } catch (DateTimeParseException | NumberFormatException e) {
      unreadable.add(Finding.of(field, code, field, v));
      return null;
    }
  }
}
