package org.socius.people.web;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.socius.people.People;
import org.socius.people.PeopleKinds.Category;
import org.socius.people.PeopleKinds.DisabilityDegree;
import org.socius.people.PeopleKinds.Sex;
import org.socius.people.Person;
import org.socius.people.PersonDetails;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.web.FormErrors;
import org.socius.territory.Territories;
import org.socius.territory.TerritoryUnit;
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
 * Registering a person from the worker's desk: the form, the possible duplicates it finds (in any
 * script) with the choice to confirm that this is someone else, and the person's page.
 */
@Controller
@PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER', 'ADMINISTRATOR')")
class PeopleController {

  private final People people;
  private final Territories territories;
  private final MessageSource messages;

  PeopleController(People people, Territories territories, MessageSource messages) {
    this.people = people;
    this.territories = territories;
    this.messages = messages;
  }

  /** What the form holds, kept when it comes back with problems or possible duplicates. */
  record PersonForm(
      String familyName,
      String givenNames,
      LocalDate dateOfBirth,
      Sex sex,
      String identifier,
      UUID municipalityId,
      String registeredAddress,
      String actualAddress,
      String phone,
      String email,
      DisabilityDegree disabilityDegree,
      LocalDate disabilityAssessedOn,
      Set<Category> categories) {

    PersonDetails details() {
      return new PersonDetails(
          familyName,
          givenNames,
          dateOfBirth,
          sex,
          identifier,
          municipalityId,
          registeredAddress,
          actualAddress,
          phone,
          email,
          disabilityDegree,
          disabilityAssessedOn,
          categories == null ? Set.of() : categories);
    }
  }

  @GetMapping("/people")
  String form(Model model) {
    if (!model.containsAttribute("person")) {
      model.addAttribute(
          "person",
          new PersonForm(
              "",
              "",
              null,
              null,
              "",
              null,
              "",
              "",
              "",
              "",
              null,
              null,
              EnumSet.noneOf(Category.class)));
    }
    model.addAttribute("municipalities", municipalitiesInScope());
    model.addAttribute("sexes", Sex.values());
    model.addAttribute("degrees", DisabilityDegree.values());
    model.addAttribute("categoryOptions", Category.values());
    return "people/register";
  }

  @PostMapping("/people")
  String register(
      @RequestParam(defaultValue = "") String familyName,
      @RequestParam(defaultValue = "") String givenNames,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate dateOfBirth,
      @RequestParam(required = false) Sex sex,
      @RequestParam(defaultValue = "") String identifier,
      @RequestParam(required = false) UUID municipalityId,
      @RequestParam(defaultValue = "") String registeredAddress,
      @RequestParam(defaultValue = "") String actualAddress,
      @RequestParam(defaultValue = "") String phone,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(required = false) DisabilityDegree disabilityDegree,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate disabilityAssessedOn,
      @RequestParam(name = "categories", required = false) Set<Category> categories,
      @RequestParam(defaultValue = "false") boolean confirmedNotADuplicate,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    PersonForm form =
        new PersonForm(
            familyName,
            givenNames,
            dateOfBirth,
            sex,
            identifier,
            municipalityId,
            registeredAddress,
            actualAddress,
            phone,
            email,
            disabilityDegree,
            disabilityAssessedOn,
            categories == null ? EnumSet.noneOf(Category.class) : categories);
    try {
      Person person = people.register(form.details(), confirmedNotADuplicate);
      redirect.addFlashAttribute("flash", "people.registered");
      return "redirect:/people/" + person.id();
    } catch (InvalidInputException e) {
      model.addAttribute("errors", FormErrors.of(e, messages, locale));
    } catch (ConflictException e) {
      model.addAttribute("errors", FormErrors.of(e, messages, locale));
      model.addAttribute("duplicates", people.possibleDuplicates(form.details()));
    }
    model.addAttribute("person", form);
    return form(model);
  }

  @GetMapping("/people/{id}")
  String person(@PathVariable UUID id, Model model) {
    Person person = people.get(id);
    model.addAttribute("p", person);
    model.addAttribute(
        "municipality",
        territories.find(person.municipalityId()).map(TerritoryUnit::name).orElse(""));
    model.addAttribute("age", person.ageOn(LocalDate.now()));
    model.addAttribute("household", people.householdOf(id).orElse(null));
    return "people/person";
  }

  /** A household as it was on a date (today by default): members, their records then, incomes. */
  @GetMapping("/households/{id}")
  String household(
      @PathVariable UUID id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
      Model model,
      Locale locale) {
    LocalDate date = on == null ? LocalDate.now() : on;
    try {
      model.addAttribute("household", people.householdOn(id, date));
    } catch (InvalidInputException e) {
      model.addAttribute("errors", FormErrors.of(e, messages, locale));
      model.addAttribute("household", people.householdOn(id, LocalDate.now()));
    }
    return "people/household";
  }

  private List<TerritoryUnit> municipalitiesInScope() {
    return territories.municipalities().stream()
        .filter(m -> CurrentScope.get().allows(m.regionId(), m.id()))
        .toList();
  }
}
