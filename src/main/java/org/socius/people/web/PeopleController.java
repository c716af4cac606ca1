package org.socius.people.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.socius.people.Household;
import org.socius.people.People;
import org.socius.people.PeopleImport;
import org.socius.people.PeopleKinds;
import org.socius.people.PeopleKinds.Category;
import org.socius.people.PeopleKinds.DisabilityDegree;
import org.socius.people.PeopleKinds.IncomeSource;
import org.socius.people.PeopleKinds.Relation;
import org.socius.people.PeopleKinds.Sex;
import org.socius.people.Person;
import org.socius.people.PersonDetails;
import org.socius.people.PersonFile;
import org.socius.people.PersonFiles;
import org.socius.people.PersonMerge;
import org.socius.people.PersonMerges;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.web.FormErrors;
import org.socius.territory.Territories;
import org.socius.territory.TerritoryUnit;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
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
 * Registering a person from the worker's desk: the form, the possible duplicates it finds (in any
 * script) with the choice to confirm that this is someone else, and the person's page.
 */
@Controller
@PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER', 'ADMINISTRATOR')")
class PeopleController {

  private final People people;
  private final PeopleImport importer;
  private final PersonMerges merges;
  private final PersonFiles files;
  private final Clock clock;
  private final Territories territories;
  private final MessageSource messages;

  PeopleController(
      People people,
      PeopleImport importer,
      PersonMerges merges,
      PersonFiles files,
      Territories territories,
      MessageSource messages,
      Clock clock) {
    this.clock = clock;
    this.merges = merges;
    this.files = files;
    this.people = people;
    this.importer = importer;
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

    /** An empty form, for a person living in a municipality (if known) at an address. */
    static PersonForm blank(UUID municipalityId, String address) {
      return new PersonForm(
          "",
          "",
          null,
          null,
          "",
          municipalityId,
          address,
          address,
          "",
          "",
          null,
          null,
          EnumSet.noneOf(Category.class));
    }
  }

  @GetMapping("/people")
  String form(@RequestParam(required = false) UUID household, Model model) {
    if (household != null) {
      // Registering a member from the household's page: the person joins it on registration.
      Household h = people.householdOn(household, LocalDate.now(clock));
      model.addAttribute("intoHousehold", h);
      model.addAttribute(
          "relations", Arrays.stream(Relation.values()).filter(r -> r != Relation.HEAD).toList());
      if (!model.containsAttribute("person")) {
        model.addAttribute("person", PersonForm.blank(h.municipalityId(), h.address()));
      }
    }
    if (!model.containsAttribute("person")) {
      model.addAttribute("person", PersonForm.blank(null, ""));
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
      @RequestParam(required = false) UUID household,
      @RequestParam(required = false) Relation relation,
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
      if (household != null) {
        people.registerMember(
            form.details(),
            confirmedNotADuplicate,
            household,
            relation == null ? Relation.OTHER : relation);
        redirect.addFlashAttribute("flash", "people.memberAdded");
        return "redirect:/households/" + household;
      }
      Person person = people.register(form.details(), confirmedNotADuplicate);
      redirect.addFlashAttribute("flash", "people.registered");
      return "redirect:/people/" + person.id();
    } catch (InvalidInputException e) {
      model.addAttribute("errors", FormErrors.of(e, messages, locale));
    } catch (ConflictException e) {
      model.addAttribute("errors", FormErrors.of(e, messages, locale));
      if (e.code().startsWith("PPL-02")) {
        model.addAttribute("duplicates", people.possibleDuplicates(form.details()));
      }
    }
    model.addAttribute("person", form);
    return form(household, model);
  }

  @GetMapping("/people/{id}")
  String person(@PathVariable UUID id, Model model) {
    Person person = people.get(id);
    model.addAttribute("p", person);
    model.addAttribute(
        "municipality",
        territories.find(person.municipalityId()).map(TerritoryUnit::name).orElse(""));
    model.addAttribute("age", person.ageOn(LocalDate.now(clock)));
    model.addAttribute("household", people.householdOf(id).orElse(null));
    model.addAttribute("sources", IncomeSource.values());
    model.addAttribute("lastMonth", YearMonth.now(clock).minusMonths(1));
    List<PersonMerge> involving = merges.involving(id);
    model.addAttribute("merges", involving);
    model.addAttribute("file", files.of(person));
    model.addAttribute("assetKinds", PeopleKinds.AssetKind.values());
    model.addAttribute("purposes", PeopleKinds.ConsentPurpose.values());
    model.addAttribute("documentKinds", PeopleKinds.DocumentKind.values());
    model.addAttribute("today", LocalDate.now(clock));
    UUID mergedInto =
        involving.stream()
            .filter(m -> m.status() == PersonMerge.Status.MERGED && m.duplicateId().equals(id))
            .map(PersonMerge::keptId)
            .findFirst()
            .orElse(null);
    model.addAttribute("mergedInto", mergedInto);
    // Others who may be the same person, to merge this record into: a merged record has none.
    model.addAttribute(
        "candidates",
        mergedInto != null
            ? List.of()
            : people.possibleDuplicates(person.details()).stream()
                .filter(c -> c.inYourTerritory() && !id.equals(c.personId()))
                .toList());
    return "people/person";
  }

  /** Proposes that this record is a duplicate of another, to be merged into it on review. */
  @PostMapping("/people/{id}/merges")
  String proposeMerge(
      @PathVariable UUID id,
      @RequestParam(required = false) UUID keptId,
      @RequestParam(defaultValue = "") String reason,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      merges.propose(keptId, id, reason);
      redirect.addFlashAttribute("flash", "people.mergeProposed");
      return "redirect:/people/" + id;
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("mergeErrors", FormErrors.ofRefusal(e, messages, locale));
      return person(id, model);
    }
  }

  /** Merges waiting for review in the caller's territory, with both records side by side. */
  @GetMapping("/people/merges")
  String mergeReviews(Model model) {
    Map<UUID, Person> records = new HashMap<>();
    List<PersonMerge> proposed = merges.proposed();
    for (PersonMerge m : proposed) {
      records.computeIfAbsent(m.keptId(), people::get);
      records.computeIfAbsent(m.duplicateId(), people::get);
    }
    model.addAttribute("proposed", proposed);
    model.addAttribute("records", records);
    return "people/merges";
  }

  @PostMapping("/people/merges/{mergeId}/decision")
  String decideMerge(
      @PathVariable UUID mergeId,
      @RequestParam(defaultValue = "false") boolean approve,
      @RequestParam(defaultValue = "") String note,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      PersonMerge merge = approve ? merges.approve(mergeId, note) : merges.reject(mergeId, note);
      redirect.addFlashAttribute("flash", approve ? "people.merged" : "people.mergeRejected");
      return "redirect:/people/" + merge.keptId();
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("mergeErrors", FormErrors.ofRefusal(e, messages, locale));
      return mergeReviews(model);
    }
  }

  @GetMapping("/people/import")
  String importForm(Model model) {
    model.addAttribute("header", String.join(",", PeopleImport.HEADER));
    return "people/import";
  }

  @PostMapping("/people/import")
  String importFile(@RequestParam("file") MultipartFile file, Model model) throws IOException {
    model.addAttribute(
        "report", importer.importCsv(new String(file.getBytes(), StandardCharsets.UTF_8)));
    return importForm(model);
  }

  @PostMapping("/people/{id}/assets")
  String recordAsset(
      @PathVariable UUID id,
      @RequestParam(required = false) PeopleKinds.AssetKind kind,
      @RequestParam(defaultValue = "") String description,
      @RequestParam(required = false) BigDecimal value,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate heldFrom,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return fileChange(
        id,
        model,
        locale,
        redirect,
        () -> files.recordAsset(id, kind, description, value, heldFrom));
  }

  @PostMapping("/people/{id}/assets/{assetId}/end")
  String endAsset(
      @PathVariable UUID id,
      @PathVariable UUID assetId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate heldTo,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return fileChange(id, model, locale, redirect, () -> files.endAsset(id, assetId, heldTo));
  }

  @PostMapping("/people/{id}/consents")
  String giveConsent(
      @PathVariable UUID id,
      @RequestParam(required = false) PeopleKinds.ConsentPurpose purpose,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate givenOn,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return fileChange(id, model, locale, redirect, () -> files.giveConsent(id, purpose, givenOn));
  }

  @PostMapping("/people/{id}/consents/{consentId}/withdrawal")
  String withdrawConsent(
      @PathVariable UUID id,
      @PathVariable UUID consentId,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return fileChange(
        id,
        model,
        locale,
        redirect,
        () -> files.withdrawConsent(id, consentId, LocalDate.now(clock)));
  }

  @PostMapping("/people/{id}/documents")
  String recordDocument(
      @PathVariable UUID id,
      @RequestParam(required = false) PeopleKinds.DocumentKind kind,
      @RequestParam(defaultValue = "") String number,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate issuedOn,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate expiresOn,
      @RequestParam(name = "file", required = false) MultipartFile file,
      Model model,
      Locale locale,
      RedirectAttributes redirect)
      throws IOException {
    byte[] content = file == null || file.isEmpty() ? null : file.getBytes();
    return fileChange(
        id,
        model,
        locale,
        redirect,
        () ->
            files.recordDocument(
                id,
                kind,
                number,
                issuedOn,
                expiresOn,
                file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getContentType(),
                content));
  }

  /** A document's scan, as an attachment: never shown inline, whatever it contains. */
  @GetMapping("/people/{id}/documents/{documentId}/scan")
  ResponseEntity<byte[]> scan(@PathVariable UUID id, @PathVariable UUID documentId) {
    PersonFile.Scan scan = files.scan(id, documentId);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(scan.contentType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(scan.fileName(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(scan.content());
  }

  /** A change to a person's file: back to their page, with the flash or the problems. */
  private String fileChange(
      UUID id, Model model, Locale locale, RedirectAttributes redirect, Runnable change) {
    try {
      change.run();
      redirect.addFlashAttribute("flash", "people.fileChanged");
      return "redirect:/people/" + id;
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("fileErrors", FormErrors.ofRefusal(e, messages, locale));
      return person(id, model);
    }
  }

  /** Starts a household with the person as its head, from today. */
  @PostMapping("/people/{id}/household")
  String createHousehold(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String address,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    Person person = people.get(id);
    try {
      Household h =
          people.createHousehold(
              person.municipalityId(),
              address,
              List.of(new Household.NewMember(id, Relation.HEAD, false, LocalDate.now(clock))));
      redirect.addFlashAttribute("flash", "people.householdCreated");
      return "redirect:/households/" + h.id();
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("householdErrors", FormErrors.ofRefusal(e, messages, locale));
      return person(id, model);
    }
  }

  /** Records one month's income of one kind (a correction replaces the month's amount). */
  @PostMapping("/people/{id}/incomes")
  String recordIncome(
      @PathVariable UUID id,
      @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
      @RequestParam(required = false) IncomeSource source,
      @RequestParam(required = false) BigDecimal amount,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      people.recordIncome(id, month, source, amount);
      redirect.addFlashAttribute("flash", "people.incomeRecorded");
      return "redirect:/people/" + id;
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("incomeErrors", FormErrors.ofRefusal(e, messages, locale));
      return person(id, model);
    }
  }

  /** A household as it was on a date (today by default): members, their records then, incomes. */
  @GetMapping("/households/{id}")
  String household(
      @PathVariable UUID id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
      Model model,
      Locale locale) {
    LocalDate date = on == null ? LocalDate.now(clock) : on;
    try {
      model.addAttribute("household", people.householdOn(id, date));
    } catch (InvalidInputException e) {
      model.addAttribute("errors", FormErrors.of(e, messages, locale));
      model.addAttribute("household", people.householdOn(id, LocalDate.now(clock)));
    }
    return "people/household";
  }

  private List<TerritoryUnit> municipalitiesInScope() {
    return territories.municipalities().stream()
        .filter(m -> CurrentScope.get().allows(m.regionId(), m.id()))
        .toList();
  }
}
