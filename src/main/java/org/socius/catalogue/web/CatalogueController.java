package org.socius.catalogue.web;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.socius.catalogue.Catalogue;
import org.socius.catalogue.Classification;
import org.socius.catalogue.Classification.BeneficiaryCategory;
import org.socius.catalogue.Classification.NormPeriod;
import org.socius.catalogue.Classification.Place;
import org.socius.catalogue.Classification.Purpose;
import org.socius.catalogue.Classification.Regime;
import org.socius.catalogue.Classification.Unit;
import org.socius.catalogue.ServiceType;
import org.socius.catalogue.StandardDetails;
import org.socius.catalogue.Tariff;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.web.FormErrors;
import org.socius.platform.web.ListLinks;
import org.socius.territory.Territories;
import org.socius.territory.TerritoryUnit;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the service catalogue: the list, a type with its standards and tariffs, the forms. */
@Controller
class CatalogueController {

  private final Catalogue catalogue;
  private final Territories territories;
  private final MessageSource messages;

  CatalogueController(Catalogue catalogue, Territories territories, MessageSource messages) {
    this.catalogue = catalogue;
    this.territories = territories;
    this.messages = messages;
  }

  @ModelAttribute
  void axes(Model model) {
    model.addAttribute("purposes", Purpose.values());
    model.addAttribute("categories", BeneficiaryCategory.values());
    model.addAttribute("regimes", Regime.values());
    model.addAttribute("allPlaces", Place.values());
    model.addAttribute("forms", Classification.DeliveryForm.values());
    model.addAttribute("units", Unit.values());
    model.addAttribute("periods", NormPeriod.values());
  }

  @GetMapping("/catalogue")
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Purpose purpose,
      @RequestParam(required = false) BeneficiaryCategory category,
      @RequestParam(required = false) Regime regime,
      @RequestParam(required = false) Place place,
      HttpServletRequest request,
      Model model) {
    model.addAttribute("types", catalogue.search(q, purpose, category, regime, place, false));
    model.addAttribute("q", q);
    model.addAttribute("purpose", purpose);
    model.addAttribute("category", category);
    model.addAttribute("regime", regime);
    model.addAttribute("place", place);
    return ListLinks.isFragmentRequest(request) ? "catalogue/list :: results" : "catalogue/list";
  }

  @GetMapping("/catalogue/new")
  @PreAuthorize("hasAnyRole('MINISTRY_ANALYST', 'ADMINISTRATOR')")
  String newType(Model model) {
    model.addAttribute("form", new ServiceTypeForm());
    return "catalogue/type-form";
  }

  @PostMapping("/catalogue")
  @PreAuthorize("hasAnyRole('MINISTRY_ANALYST', 'ADMINISTRATOR')")
  String create(
      @ModelAttribute("form") ServiceTypeForm form,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      ServiceType type = catalogue.defineServiceType(form.details());
      redirect.addFlashAttribute("flash", "catalogue.created");
      return "redirect:/catalogue/" + type.id();
    } catch (InvalidInputException e) {
      model.addAttribute("errors", FormErrors.of(e, messages, locale));
      return "catalogue/type-form";
    }
  }

  @GetMapping("/catalogue/{id}")
  String type(@PathVariable UUID id, Model model) {
    ServiceType type =
        catalogue.serviceType(id).orElseThrow(() -> new NotFoundException("service type", id));
    model.addAttribute("type", type);
    model.addAttribute("standards", catalogue.standards(id));
    model.addAttribute("current", catalogue.standardOn(id, LocalDate.now()).orElse(null));
    List<Tariff> tariffs = catalogue.tariffs(id);
    model.addAttribute("tariffs", tariffs);
    Map<UUID, TerritoryUnit> regions =
        territories.regions().stream()
            .collect(Collectors.toMap(TerritoryUnit::id, Function.identity()));
    model.addAttribute("regionNames", regions);
    model.addAttribute(
        "tariffRegions",
        regions.values().stream().filter(r -> CurrentScope.get().allows(r.id(), null)).toList());
    model.addAttribute("currency", catalogue.currency());
    model.addAttribute("today", LocalDate.now());
    return "catalogue/type";
  }

  @GetMapping("/catalogue/{id}/edit")
  @PreAuthorize("hasAnyRole('MINISTRY_ANALYST', 'ADMINISTRATOR')")
  String edit(@PathVariable UUID id, Model model) {
    ServiceType type =
        catalogue.serviceType(id).orElseThrow(() -> new NotFoundException("service type", id));
    model.addAttribute("type", type);
    model.addAttribute("form", ServiceTypeForm.from(type));
    return "catalogue/type-form";
  }

  @PostMapping("/catalogue/{id}")
  @PreAuthorize("hasAnyRole('MINISTRY_ANALYST', 'ADMINISTRATOR')")
  String update(
      @PathVariable UUID id,
      @ModelAttribute("form") ServiceTypeForm form,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      catalogue.changeServiceType(id, form.getVersion(), form.details());
      redirect.addFlashAttribute("flash", "catalogue.saved");
      return "redirect:/catalogue/" + id;
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("errors", FormErrors.ofRefusal(e, messages, locale));
    }
    model.addAttribute("type", catalogue.serviceType(id).orElseThrow());
    return "catalogue/type-form";
  }

  @PostMapping("/catalogue/{id}/standards")
  @PreAuthorize("hasAnyRole('MINISTRY_ANALYST', 'ADMINISTRATOR')")
  String addStandard(
      @PathVariable UUID id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate effectiveFrom,
      @RequestParam(defaultValue = "") String content,
      @RequestParam(required = false) Unit unit,
      @RequestParam(required = false) BigDecimal maxUnits,
      @RequestParam(required = false) NormPeriod normPeriod,
      @RequestParam(defaultValue = "") String frequency,
      @RequestParam(required = false) Integer durationMinutes,
      @RequestParam(defaultValue = "") String staffQualifications,
      @RequestParam(defaultValue = "") String qualityCriteria,
      @RequestParam(required = false) BigDecimal referenceUnitCost,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      catalogue.addStandard(
          id,
          new StandardDetails(
              effectiveFrom,
              content,
              unit,
              maxUnits,
              normPeriod,
              frequency,
              durationMinutes,
              staffQualifications,
              qualityCriteria,
              referenceUnitCost));
      redirect.addFlashAttribute("flash", "catalogue.standard.added");
      return "redirect:/catalogue/" + id;
    } catch (InvalidInputException e) {
      model.addAttribute("standardErrors", FormErrors.of(e, messages, locale));
      return type(id, model);
    }
  }

  @PostMapping("/catalogue/{id}/tariffs")
  @PreAuthorize("hasAnyRole('REGIONAL_OFFICER', 'MINISTRY_ANALYST', 'ADMINISTRATOR')")
  String setTariff(
      @PathVariable UUID id,
      @RequestParam(required = false) UUID regionId,
      @RequestParam(required = false) BigDecimal price,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate validFrom,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate validTo,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      if (regionId == null) {
        throw InvalidInputException.of("regionId", "CAT-0305");
      }
      catalogue.setTariff(id, regionId, price, validFrom, validTo);
      redirect.addFlashAttribute("flash", "catalogue.tariff.set");
      return "redirect:/catalogue/" + id;
    } catch (InvalidInputException e) {
      model.addAttribute("tariffErrors", FormErrors.of(e, messages, locale));
      return type(id, model);
    }
  }

  @PostMapping("/catalogue/{id}/tariffs/{tariffId}/end")
  @PreAuthorize("hasAnyRole('REGIONAL_OFFICER', 'MINISTRY_ANALYST', 'ADMINISTRATOR')")
  String endTariff(
      @PathVariable UUID id,
      @PathVariable UUID tariffId,
      @RequestParam int version,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate validTo,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      catalogue.endTariff(tariffId, version, validTo);
      redirect.addFlashAttribute("flash", "catalogue.tariff.ended");
      return "redirect:/catalogue/" + id;
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("tariffErrors", FormErrors.ofRefusal(e, messages, locale));
    }
    return type(id, model);
  }
}
