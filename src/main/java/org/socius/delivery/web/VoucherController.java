package org.socius.delivery.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.socius.cases.Agreements;
import org.socius.catalogue.Catalogue;
import org.socius.catalogue.ServiceType;
import org.socius.delivery.Claims;
import org.socius.delivery.Voucher;
import org.socius.delivery.Vouchers;
import org.socius.people.People;
import org.socius.people.Person;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.web.FormErrors;
import org.socius.providers.ChangeRequests;
import org.socius.providers.Places;
import org.socius.providers.Provider;
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
 * Vouchers: the regional officer defines the region's schemes; a worker issues a voucher to a
 * person and prints it with its QR code; a provider's staff redeem one at their service.
 */
@Controller
class VoucherController {

  /** A registered service of the provider, as the redemption form offers it. */
  record ServiceChoice(UUID id, String label) {}

  private final Vouchers vouchers;
  private final People people;
  private final Catalogue catalogue;
  private final Agreements agreements;
  private final ChangeRequests register;
  private final Places places;
  private final MessageSource messages;

  VoucherController(
      Vouchers vouchers,
      People people,
      Catalogue catalogue,
      Agreements agreements,
      ChangeRequests register,
      Places places,
      MessageSource messages) {
    this.vouchers = vouchers;
    this.people = people;
    this.catalogue = catalogue;
    this.agreements = agreements;
    this.register = register;
    this.places = places;
    this.messages = messages;
  }

  @GetMapping("/voucher-schemes")
  @PreAuthorize("hasRole('REGIONAL_OFFICER')")
  String schemes(Model model) {
    model.addAttribute("schemes", vouchers.schemes(Claims.officersRegion()));
    model.addAttribute("services", catalogue.search("", null, null, null, null, true));
    model.addAttribute("kinds", Voucher.Kind.values());
    return "delivery/voucher-schemes";
  }

  @PostMapping("/voucher-schemes")
  @PreAuthorize("hasRole('REGIONAL_OFFICER')")
  String define(
      @RequestParam(defaultValue = "") String name,
      @RequestParam(required = false) Voucher.Kind kind,
      @RequestParam(defaultValue = "") String face,
      @RequestParam(required = false) Integer validityDays,
      @RequestParam(defaultValue = "false") boolean partial,
      @RequestParam(required = false) List<String> services,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      BigDecimal value = FormValues.amount(face, "face", "DLV-0413");
      vouchers.defineScheme(
          Claims.officersRegion(),
          new Vouchers.NewScheme(
              name, kind, value, validityDays, partial, services == null ? List.of() : services));
      redirect.addFlashAttribute("flash", "vouchers.schemeDefined");
      return "redirect:/voucher-schemes";
    } catch (InvalidInputException e) {
      model.addAttribute("schemeErrors", FormErrors.of(e, messages, locale));
      return schemes(model);
    }
  }

  @GetMapping("/people/{id}/vouchers")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER')")
  String ofPerson(@PathVariable UUID id, Model model) {
    Person person = people.get(id);
    model.addAttribute("person", person);
    model.addAttribute("vouchers", vouchers.ofPerson(id));
    model.addAttribute("schemes", vouchers.schemes(person.regionId()));
    return "delivery/person-vouchers";
  }

  @PostMapping("/people/{id}/vouchers")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER')")
  String issue(
      @PathVariable UUID id,
      @RequestParam(required = false) UUID schemeId,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      Voucher v = vouchers.issue(schemeId, id);
      redirect.addFlashAttribute("flash", "vouchers.issued");
      return "redirect:/vouchers/" + v.id() + "/print";
    } catch (InvalidInputException e) {
      model.addAttribute("issueErrors", FormErrors.of(e, messages, locale));
      return ofPerson(id, model);
    }
  }

  @GetMapping("/vouchers/{id}/print")
  @PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER')")
  String print(@PathVariable UUID id, Model model, Locale locale) {
    Voucher v = vouchers.get(id);
    model.addAttribute("voucher", v);
    model.addAttribute(
        "services",
        v.scheme().serviceTypeIds().stream()
            .map(t -> catalogue.serviceType(t).map(ServiceType::name).orElse(""))
            .toList());
    model.addAttribute(
        "qr",
        QrCodes.svg(
            v.code(), messages.getMessage("vouchers.qrLabel", new Object[] {v.code()}, locale)));
    return "delivery/voucher-print";
  }

  @GetMapping("/provider-vouchers")
  @PreAuthorize("hasRole('PROVIDER_STAFF')")
  String redeemForm(@RequestParam(required = false) UUID provider, Model model) {
    List<Provider> mine = agreements.myProviders();
    if (mine.isEmpty()) {
      return "providers/none";
    }
    Provider shown =
        mine.stream().filter(p -> p.id().equals(provider)).findFirst().orElse(mine.getFirst());
    List<ServiceChoice> services = new ArrayList<>();
    for (var registered : register.changeableServices(shown.id())) {
      places
          .service(registered.id())
          .ifPresent(
              e ->
                  services.add(
                      new ServiceChoice(
                          e.registeredServiceId(),
                          e.servicePointName()
                              + " · "
                              + catalogue
                                  .serviceType(e.serviceTypeId())
                                  .map(ServiceType::name)
                                  .orElse(""))));
    }
    model.addAttribute("provider", shown);
    model.addAttribute("services", services);
    return "delivery/provider-vouchers";
  }

  @PostMapping("/provider-vouchers/redemption")
  @PreAuthorize("hasRole('PROVIDER_STAFF')")
  String redeem(
      @RequestParam UUID provider,
      @RequestParam(defaultValue = "") String code,
      @RequestParam(required = false) UUID registeredServiceId,
      @RequestParam(defaultValue = "") String used,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      Vouchers.Redemption r =
          vouchers.redeem(code, registeredServiceId, FormValues.amount(used, "used", "DLV-0402"));
      redirect.addFlashAttribute("flash", "vouchers.redeemed");
      // Flash attributes live in the session, kept in the database: plain values only.
      redirect.addFlashAttribute(
          "redeemed", List.of(r.code(), r.used().toPlainString(), r.remaining().toPlainString()));
      return "redirect:/provider-vouchers?provider=" + provider;
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("redeemErrors", FormErrors.ofRefusal(e, messages, locale));
      model.addAttribute("code", code);
      return redeemForm(provider, model);
    }
  }
}
