package org.socius.people.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.socius.people.Household;
import org.socius.people.People;
import org.socius.people.PeopleImport;
import org.socius.people.PeopleKinds.IncomeSource;
import org.socius.people.Person;
import org.socius.people.PersonDetails;
import org.socius.people.PersonFile;
import org.socius.people.PersonFiles;
import org.socius.people.PersonMerge;
import org.socius.people.PersonMerges;
import org.socius.platform.api.ETags;
import org.socius.platform.api.ImportReport;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Persons, households and incomes over JSON, for the social workers of a territory. */
@RestController
@Tag(name = "People and households", description = "Persons, households, incomes")
@PreAuthorize("hasAnyRole('CASE_WORKER', 'REGIONAL_OFFICER', 'ADMINISTRATOR')")
class PeopleApiController {

  private final People people;
  private final PeopleImport importer;
  private final PersonFiles files;
  private final PersonMerges merges;
  private final java.time.Clock clock;

  PeopleApiController(
      People people,
      PeopleImport importer,
      PersonFiles files,
      PersonMerges merges,
      java.time.Clock clock) {
    this.importer = importer;
    this.files = files;
    this.merges = merges;
    this.people = people;
    this.clock = clock;
  }

  record HouseholdBody(UUID municipalityId, String address, List<Household.NewMember> members) {}

  record IncomeBody(YearMonth month, IncomeSource source, BigDecimal amount) {}

  record AssetBody(
      org.socius.people.PeopleKinds.AssetKind kind,
      String description,
      BigDecimal value,
      LocalDate heldFrom) {}

  record ConsentBody(org.socius.people.PeopleKinds.ConsentPurpose purpose, LocalDate givenOn) {}

  record DocumentBody(
      org.socius.people.PeopleKinds.DocumentKind kind,
      String number,
      LocalDate issuedOn,
      LocalDate expiresOn) {}

  record MergeBody(UUID keptId, UUID duplicateId, String reason) {}

  record ReviewBody(String note) {}

  @GetMapping("/api/v1/person-merges")
  @Operation(summary = "Merges of duplicate records waiting for review in the caller's territory")
  List<PersonMerge> proposedMerges() {
    return merges.proposed();
  }

  @PostMapping("/api/v1/person-merges")
  @Operation(summary = "Propose merging a duplicate record into the record kept")
  ResponseEntity<PersonMerge> proposeMerge(@RequestBody MergeBody body) {
    PersonMerge merge = merges.propose(body.keptId(), body.duplicateId(), body.reason());
    return ResponseEntity.created(URI.create("/api/v1/person-merges/" + merge.id())).body(merge);
  }

  @GetMapping("/api/v1/person-merges/{id}")
  PersonMerge merge(@PathVariable UUID id) {
    return merges.get(id);
  }

  @PostMapping("/api/v1/person-merges/{id}/approval")
  @Operation(summary = "Approve a proposed merge (not by its proposer) and merge the records")
  PersonMerge approveMerge(@PathVariable UUID id, @RequestBody ReviewBody body) {
    return merges.approve(id, body.note());
  }

  @PostMapping("/api/v1/person-merges/{id}/rejection")
  PersonMerge rejectMerge(@PathVariable UUID id, @RequestBody ReviewBody body) {
    return merges.reject(id, body.note());
  }

  @GetMapping("/api/v1/persons/{id}/file")
  @Operation(summary = "A person's assets, consents and documents")
  PersonFile file(@PathVariable UUID id) {
    return files.of(id);
  }

  @PostMapping("/api/v1/persons/{id}/assets")
  ResponseEntity<PersonFile.Asset> asset(@PathVariable UUID id, @RequestBody AssetBody body) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            files.recordAsset(id, body.kind(), body.description(), body.value(), body.heldFrom()));
  }

  @PostMapping("/api/v1/persons/{id}/consents")
  ResponseEntity<PersonFile.Consent> consent(@PathVariable UUID id, @RequestBody ConsentBody body) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(files.giveConsent(id, body.purpose(), body.givenOn()));
  }

  @PostMapping("/api/v1/persons/{id}/documents")
  ResponseEntity<PersonFile.Document> document(
      @PathVariable UUID id, @RequestBody DocumentBody body) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            files.recordDocument(
                id, body.kind(), body.number(), body.issuedOn(), body.expiresOn()));
  }

  @PostMapping(path = "/api/v1/persons/import", consumes = "text/csv")
  @Operation(
      summary = "Import persons and their households from CSV; all or nothing, with a report")
  ResponseEntity<ImportReport> importCsv(@RequestBody String csv) {
    var report = importer.importCsv(csv);
    return ResponseEntity.status(
            report.accepted() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
        .body(report);
  }

  @PostMapping("/api/v1/persons/duplicate-check")
  @Operation(summary = "Persons already registered who may be the one described, in any script")
  List<People.PossibleDuplicate> duplicates(@RequestBody PersonDetails details) {
    return people.possibleDuplicates(details);
  }

  @PostMapping("/api/v1/persons")
  @Operation(
      summary = "Register a person",
      description =
          "A person with the same identifier is refused (409 PPL-0201); possible duplicates by"
              + " name and birth date are refused (409 PPL-0202) unless confirmedNotADuplicate.")
  ResponseEntity<Person> register(
      @RequestBody PersonDetails details,
      @RequestParam(defaultValue = "false") boolean confirmedNotADuplicate) {
    Person person = people.register(details, confirmedNotADuplicate);
    return ResponseEntity.created(URI.create("/api/v1/persons/" + person.id()))
        .eTag(ETags.of(person.version()))
        .body(person);
  }

  @GetMapping("/api/v1/persons/{id}")
  ResponseEntity<Person> person(@PathVariable UUID id) {
    Person person = people.get(id);
    return ResponseEntity.ok().eTag(ETags.of(person.version())).body(person);
  }

  @PutMapping("/api/v1/persons/{id}")
  @Operation(summary = "Change a person; the earlier state stays in the history")
  ResponseEntity<Person> update(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody PersonDetails details) {
    int version = ETags.requireMatch(ifMatch, people.get(id).version());
    Person person = people.update(id, version, details);
    return ResponseEntity.ok().eTag(ETags.of(person.version())).body(person);
  }

  @PostMapping("/api/v1/persons/{id}/incomes")
  @Operation(summary = "Record or correct one month's income of one kind")
  ResponseEntity<Void> income(@PathVariable UUID id, @RequestBody IncomeBody body) {
    people.recordIncome(id, body.month(), body.source(), body.amount());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/v1/households")
  @Operation(summary = "Register a household with its members (exactly one head)")
  ResponseEntity<Household> household(@RequestBody HouseholdBody body) {
    Household household =
        people.createHousehold(body.municipalityId(), body.address(), body.members());
    return ResponseEntity.created(URI.create("/api/v1/households/" + household.id()))
        .body(household);
  }

  @GetMapping("/api/v1/households/{id}")
  @Operation(summary = "A household as it was on a date (today if none): members, persons, incomes")
  Household household(
      @PathVariable UUID id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
    return people.householdOn(id, on == null ? LocalDate.now(clock) : on);
  }
}
