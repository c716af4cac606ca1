package org.socius.providers.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.web.FormErrors;
import org.socius.providers.Application;
import org.socius.providers.ApplicationSummary;
import org.socius.providers.ChangeRequests;
import org.socius.providers.Licence;
import org.socius.providers.Provider;
import org.socius.providers.ProviderDetails;
import org.socius.providers.ProviderKinds.Accessibility;
import org.socius.providers.ProviderKinds.FounderType;
import org.socius.providers.ProviderKinds.ProviderType;
import org.socius.providers.ProviderProfiles;
import org.socius.providers.RegisterApplications;
import org.socius.providers.ServicePointDetails;
import org.socius.providers.StaffGroup;
import org.socius.territory.Territories;
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

/** A provider's own pages: its details, founders, staff, licences, service points, applications. */
@Controller
@PreAuthorize("hasRole('PROVIDER_STAFF')")
class ProviderController {

  private final ProviderProfiles profiles;
  private final RegisterApplications applications;
  private final Territories territories;
  private final MessageSource messages;
  private final ChangeRequests changes;
  private final RegisterLookups lookups;

  ProviderController(
      ProviderProfiles profiles,
      RegisterApplications applications,
      Territories territories,
      MessageSource messages,
      ChangeRequests changes,
      RegisterLookups lookups) {
    this.changes = changes;
    this.lookups = lookups;
    this.profiles = profiles;
    this.applications = applications;
    this.territories = territories;
    this.messages = messages;
  }

  @GetMapping("/my-provider")
  String mine(Model model) {
    List<Provider> mine = profiles.mine();
    if (mine.isEmpty()) {
      return "providers/none";
    }
    return "redirect:/my-provider/" + mine.getFirst().id();
  }

  @GetMapping("/my-provider/{id}")
  String provider(@PathVariable UUID id, Model model) {
    Provider provider = profiles.ownProvider(id);
    model.addAttribute("provider", provider);
    model.addAttribute("points", profiles.servicePoints(id));
    model.addAttribute("staff", profiles.staff(id));
    model.addAttribute("licences", profiles.licences(id));
    List<ApplicationSummary> list = applications.ofProvider(id);
    model.addAttribute("applications", list);
    model.addAttribute("today", LocalDate.now());
    model.addAttribute("providerTypes", ProviderType.values());
    model.addAttribute("founderTypes", FounderType.values());
    model.addAttribute("accessibilityOptions", Accessibility.values());
    model.addAttribute("registered", changes.changeableServices(id));
    model.addAttribute("changeRequests", changes.ofProvider(id));
    model.addAttribute("typeNames", lookups.current().typeNames());
    model.addAttribute(
        "municipalities",
        territories.municipalities().stream()
            .filter(m -> m.regionId().equals(provider.regionId()))
            .toList());
    return "providers/provider";
  }

  @PostMapping("/my-provider/{id}/details")
  String details(
      @PathVariable UUID id,
      @RequestParam int version,
      @RequestParam(defaultValue = "") String legalName,
      @RequestParam(required = false) ProviderType type,
      @RequestParam(defaultValue = "") String registrationNumber,
      @RequestParam(defaultValue = "") String taxId,
      @RequestParam(defaultValue = "") String legalAddress,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String phone,
      @RequestParam(defaultValue = "") String website,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      profiles.updateDetails(
          id,
          version,
          new ProviderDetails(
              legalName, type, registrationNumber, taxId, legalAddress, email, phone, website));
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("detailsErrors", FormErrors.ofRefusal(e, messages, locale));
      return provider(id, model);
    }
    return saved(redirect, id);
  }

  @PostMapping("/my-provider/{id}/founders")
  String addFounder(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(required = false) FounderType type,
      @RequestParam(required = false) BigDecimal sharePercent,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    List<Provider.Founder> founders = new ArrayList<>(profiles.ownProvider(id).founders());
    founders.add(new Provider.Founder(null, name, type, sharePercent));
    try {
      profiles.setFounders(id, founders);
    } catch (InvalidInputException e) {
      model.addAttribute("founderErrors", FormErrors.of(e, messages, locale));
      return provider(id, model);
    }
    return saved(redirect, id);
  }

  @PostMapping("/my-provider/{id}/staff")
  String addStaff(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String profession,
      @RequestParam(defaultValue = "0") int headcount,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    List<StaffGroup> staff = new ArrayList<>(profiles.staff(id));
    staff.removeIf(s -> s.profession().equalsIgnoreCase(profession.trim()));
    staff.add(new StaffGroup(profession, headcount));
    try {
      profiles.setStaff(id, staff);
    } catch (InvalidInputException e) {
      model.addAttribute("staffErrors", FormErrors.of(e, messages, locale));
      return provider(id, model);
    }
    return saved(redirect, id);
  }

  @PostMapping("/my-provider/{id}/licences")
  String addLicence(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "") String number,
      @RequestParam(defaultValue = "") String issuedBy,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate validFrom,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate validTo,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      profiles.addLicence(id, new Licence(null, id, kind, number, issuedBy, validFrom, validTo));
    } catch (InvalidInputException e) {
      model.addAttribute("licenceErrors", FormErrors.of(e, messages, locale));
      return provider(id, model);
    }
    return saved(redirect, id);
  }

  @PostMapping("/my-provider/{id}/points")
  String addPoint(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(required = false) UUID municipalityId,
      @RequestParam(defaultValue = "") String address,
      @RequestParam(required = false) Double latitude,
      @RequestParam(required = false) Double longitude,
      @RequestParam(required = false) Integer capacity,
      @RequestParam(defaultValue = "") String openingHours,
      @RequestParam(name = "accessibility", required = false) Set<Accessibility> accessibility,
      @RequestParam(defaultValue = "") String phone,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      profiles.addServicePoint(
          id,
          new ServicePointDetails(
              name,
              municipalityId,
              address,
              latitude,
              longitude,
              capacity,
              openingHours,
              accessibility == null ? EnumSet.noneOf(Accessibility.class) : accessibility,
              phone));
    } catch (InvalidInputException e) {
      model.addAttribute("pointErrors", FormErrors.of(e, messages, locale));
      return provider(id, model);
    }
    return saved(redirect, id);
  }

  @PostMapping("/my-provider/{id}/applications")
  String startApplication(@PathVariable UUID id) {
    Application application = applications.start(id);
    return "redirect:/applications/" + application.id();
  }

  @PostMapping("/my-provider/{id}/capacity-requests")
  String requestCapacity(
      @PathVariable UUID id,
      @RequestParam UUID serviceId,
      @RequestParam(required = false) Integer capacity,
      @RequestParam(defaultValue = "") String explanation,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      changes.requestCapacity(serviceId, capacity, explanation);
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("changeErrors", FormErrors.ofRefusal(e, messages, locale));
      return provider(id, model);
    }
    redirect.addFlashAttribute("flash", "changes.submitted");
    return "redirect:/my-provider/" + id;
  }

  @PostMapping("/my-provider/{id}/point-change-requests")
  String requestPointChange(
      @PathVariable UUID id,
      @RequestParam UUID pointId,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(required = false) UUID municipalityId,
      @RequestParam(defaultValue = "") String address,
      @RequestParam(required = false) Double latitude,
      @RequestParam(required = false) Double longitude,
      @RequestParam(required = false) Integer capacity,
      @RequestParam(defaultValue = "") String openingHours,
      @RequestParam(name = "accessibility", required = false) Set<Accessibility> accessibility,
      @RequestParam(defaultValue = "") String phone,
      @RequestParam(defaultValue = "") String explanation,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      changes.requestPointChange(
          pointId,
          new ServicePointDetails(
              name,
              municipalityId,
              address,
              latitude,
              longitude,
              capacity,
              openingHours,
              accessibility == null ? EnumSet.noneOf(Accessibility.class) : accessibility,
              phone),
          explanation);
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("changeErrors", FormErrors.ofRefusal(e, messages, locale));
      return provider(id, model);
    }
    redirect.addFlashAttribute("flash", "changes.submitted");
    return "redirect:/my-provider/" + id;
  }

  private static String saved(RedirectAttributes redirect, UUID id) {
    redirect.addFlashAttribute("flash", "providers.saved");
    return "redirect:/my-provider/" + id;
  }
}
