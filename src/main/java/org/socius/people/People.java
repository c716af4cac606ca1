package org.socius.people;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.socius.audit.AuditLog;
import org.socius.audit.AuditedEntity;
import org.socius.people.PeopleKinds.IncomeSource;
import org.socius.people.internal.FileRecords;
import org.socius.people.internal.MemberFactsReader;
import org.socius.people.internal.PeopleRecords;
import org.socius.people.internal.PeopleRecords.Candidate;
import org.socius.platform.Ids;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.security.CurrentScope;
import org.socius.territory.Territories;
import org.socius.territory.TerritoryLevel;
import org.socius.territory.TerritoryUnit;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The register of people and households: who they are, who lives with whom since when, and what
 * they earn each month. Every read of a person is audited; every change keeps the earlier state.
 */
@Service
public class People {

  /** Nobody on the register is older than this; an older birth date is a typing error. */
  static final int MAX_AGE = 130;

  private final PeopleRecords records;
  private final Territories territories;
  private final AuditLog audit;
  private final Clock clock;
  private final TransactionTemplate wholeRegister;
  private final MemberFactsReader memberFacts;
  private final FileRecords files;

  People(
      PeopleRecords records,
      MemberFactsReader memberFacts,
      FileRecords files,
      Territories territories,
      AuditLog audit,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.records = records;
    this.memberFacts = memberFacts;
    this.files = files;
    // Row-level security is set when a transaction begins: a search of the whole register needs
    // a transaction of its own, begun in the system's scope.
    this.wholeRegister = new TransactionTemplate(transactions);
    wholeRegister.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    wholeRegister.setReadOnly(true);
    this.territories = territories;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * A possible duplicate. Outside the caller's territory only the fact is shown, not who: the
   * caller asks that territory's office to transfer the record.
   */
  public record PossibleDuplicate(
      UUID personId,
      String familyName,
      String givenNames,
      LocalDate dateOfBirth,
      boolean sameIdentifier,
      Double similarity,
      boolean inYourTerritory) {}

  /**
   * Persons already registered who may be the one described. Showing a candidate in the caller's
   * territory shows their name and birth date: each one shown is recorded as a read.
   */
  @Transactional
  public List<PossibleDuplicate> possibleDuplicates(PersonDetails d) {
    validate(d);
    return duplicatesOf(d);
  }

  /** {@link #possibleDuplicates} of details already validated. */
  private List<PossibleDuplicate> duplicatesOf(PersonDetails d) {
    String identifier = blankToNull(d.identifier());
    String key = NameKey.of(d.familyName(), d.givenNames());
    // The whole register is searched, whatever the caller's territory: a person registered in
    // another municipality is still the same person.
    List<Candidate> found =
        CurrentScope.asSystem(
            () ->
                wholeRegister.execute(
                    status -> records.candidates(key, d.dateOfBirth(), identifier)));
    found.stream()
        .filter(c -> CurrentScope.get().allows(c.regionId(), c.municipalityId()))
        .forEach(
            c ->
                audit.recordRead(
                    AuditedEntity.of("person", c.id(), c.regionId(), c.municipalityId())));
    return found.stream()
        .map(
            c -> {
              boolean visible = CurrentScope.get().allows(c.regionId(), c.municipalityId());
              return new PossibleDuplicate(
                  visible ? c.id() : null,
                  visible ? c.familyName() : null,
                  visible ? c.givenNames() : null,
                  visible ? c.dateOfBirth() : null,
                  identifier != null && identifier.equals(c.identifier()),
                  // Outside the caller's territory even the closeness of the match stays there.
                  visible ? c.similarity() : null,
                  visible);
            })
        .toList();
  }

  /**
   * What registering a person would refuse, without registering anyone: every problem with the
   * details, the same identifier already registered, or possible duplicates to be checked by hand.
   */
  @Transactional
  public List<Finding> problemsRegistering(PersonDetails d) {
    try {
      validate(d);
    } catch (InvalidInputException e) {
      return e.findings();
    }
    List<PossibleDuplicate> duplicates = duplicatesOf(d);
    if (duplicates.stream().anyMatch(PossibleDuplicate::sameIdentifier)) {
      return List.of(Finding.of("identifier", "PPL-0201", d.identifier().trim()));
    }
    if (!duplicates.isEmpty()) {
      return List.of(Finding.of("familyName", "PPL-0503", duplicates.size()));
    }
    return List.of();
  }

  /**
   * Registers a person. A person with the same identifier is refused; possible duplicates by name
   * and birth date are refused unless the worker has checked them and confirms this is someone
   * else.
   */
  @Transactional
  public Person register(PersonDetails d, boolean confirmedNotADuplicate) {
    TerritoryUnit municipality = validate(d);
    // Registrations of people born the same day take turns, so that two workers registering the
    // same person at once cannot both pass the check; the lock ends with the transaction.
    records.lockBirthDate(d.dateOfBirth());
    List<PossibleDuplicate> duplicates = duplicatesOf(d);
    if (duplicates.stream().anyMatch(PossibleDuplicate::sameIdentifier)) {
      throw new ConflictException("PPL-0201", d.identifier().trim());
    }
    if (!duplicates.isEmpty() && !confirmedNotADuplicate) {
      throw new ConflictException("PPL-0202", duplicates.size());
    }
    return insert(municipality, d);
  }

  /**
   * Registers a person whose details {@link #problemsRegistering} found nothing wrong with earlier
   * in this transaction, their birth date locked before that check (see {@link #lockBirthDate}): an
   * import checks every line of its file before it registers any, and need not search the register
   * twice per line. Runs in the import's transaction.
   */
  Person registerChecked(PersonDetails d) {
    return insert(validate(d), d);
  }

  /** Holds registrations of people born that day until the transaction ends. */
  void lockBirthDate(LocalDate dateOfBirth) {
    records.lockBirthDate(dateOfBirth);
  }

  private Person insert(TerritoryUnit municipality, PersonDetails d) {
    Person person = build(Ids.newId(), municipality, d, 0);
    try {
      records.insertPerson(
          person, NameKey.of(d.familyName(), d.givenNames()), CurrentScope.actorName());
    } catch (DuplicateKeyException e) {
      throw new ConflictException("PPL-0201", d.identifier().trim());
    }
    audit.recordChange(entity(person), "create", null, person);
    return records.person(person.id()).orElseThrow();
  }

  /** Changes a person; the state before is kept in the person's history. */
  @Transactional
  public Person update(UUID id, int expectedVersion, PersonDetails d) {
    Person before = find(id);
    if (before.version() != expectedVersion) {
      throw ConflictException.staleVersion(expectedVersion, before.version());
    }
    TerritoryUnit municipality = validate(d);
    Person after = build(id, municipality, d, expectedVersion + 1);
    if (!after.municipalityId().equals(before.municipalityId())) {
      // A household member lives where the household does: moving one alone would leave the
      // household with a member its own territory cannot see.
      if (records.householdOf(id, LocalDate.now(clock)).isPresent()) {
        throw InvalidInputException.of("municipalityId", "PPL-0309", before.familyName());
      }
      // Incomes follow the person to the territory they now live in.
      records.moveIncomes(id, after.regionId(), after.municipalityId());
      files.move(id, after.regionId(), after.municipalityId());
    }
    try {
      if (!records.updatePerson(
          after,
          NameKey.of(d.familyName(), d.givenNames()),
          CurrentScope.actorName(),
          expectedVersion)) {
        throw ConflictException.staleVersion(expectedVersion, "newer");
      }
    } catch (DuplicateKeyException e) {
      throw new ConflictException("PPL-0201", d.identifier().trim());
    }
    audit.recordChange(entity(before), "update", before, after);
    return records.person(id).orElseThrow();
  }

  /** A person in the caller's territory; the read is audited. Others answer 404. */
  @Transactional(readOnly = true)
  public Person get(UUID id) {
    Person person = find(id);
    audit.recordRead(entity(person));
    return person;
  }

  /** The household a person belongs to today, if any. */
  @Transactional(readOnly = true)
  public Optional<UUID> householdOf(UUID personId) {
    return records.householdOf(find(personId).id(), LocalDate.now(clock));
  }

  /** Registers a household with its members; a household needs at least one. */
  @Transactional
  public Household createHousehold(
      UUID municipalityId, String address, List<Household.NewMember> members) {
    List<Finding> findings = new ArrayList<>();
    TerritoryUnit municipality = municipality(municipalityId, "municipalityId", findings);
    if (address == null || address.isBlank()) {
      findings.add(Finding.of("address", "PPL-0301"));
    }
    if (members == null || members.isEmpty()) {
      findings.add(Finding.of("members", "PPL-0302"));
    } else {
      Set<UUID> seen = new HashSet<>();
      for (int i = 0; i < members.size(); i++) {
        Household.NewMember m = members.get(i);
        String field = "members[" + i + "]";
        if (m == null || m.personId() == null || m.relation() == null || m.memberFrom() == null) {
          findings.add(Finding.of(field, "PPL-0303"));
        } else if (!seen.add(m.personId())) {
          findings.add(Finding.of(field, "PPL-0304"));
        } else {
          Optional<Person> person = records.person(m.personId());
          if (person.isEmpty()) {
            findings.add(Finding.of(field, "PPL-0305"));
          } else if (municipality != null
              && !person.get().municipalityId().equals(municipality.id())) {
            // Members live where their household does; row-level security follows both.
            findings.add(Finding.of(field, "PPL-0308", person.get().familyName()));
          }
        }
      }
      if (members.stream()
              .filter(m -> m != null && m.relation() == PeopleKinds.Relation.HEAD)
              .count()
          != 1) {
        findings.add(Finding.of("members", "PPL-0306"));
      }
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    UUID id = Ids.newId();
    records.insertHousehold(id, municipality.regionId(), municipality.id(), address.trim());
    for (Household.NewMember m : members) {
      try {
        records.insertMember(Ids.newId(), id, municipality.regionId(), municipality.id(), m);
      } catch (DataIntegrityViolationException e) {
        // The exclusion constraint: the person already belongs to a household then.
        throw new ConflictException("PPL-0307", m.personId());
      }
    }
    audit.recordChange(
        AuditedEntity.of("household", id, municipality.regionId(), municipality.id()),
        "create",
        null,
        members);
    return householdOn(id, LocalDate.now(clock));
  }

  /**
   * Registers a person straight into a household from today, both or neither: a worker adding a
   * newborn or a newcomer from the household's page.
   */
  @Transactional
  public Person registerMember(
      PersonDetails d,
      boolean confirmedNotADuplicate,
      UUID householdId,
      PeopleKinds.Relation relation) {
    Person person = register(d, confirmedNotADuplicate);
    addMember(
        householdId, new Household.NewMember(person.id(), relation, false, LocalDate.now(clock)));
    return person;
  }

  /**
   * Adds a member to a household from a date: the person lives in the household's municipality and
   * belongs to no other household then; a household keeps its one head.
   */
  @Transactional
  public Household addMember(UUID householdId, Household.NewMember member) {
    PeopleRecords.HouseholdRow household =
        records
            .household(householdId)
            .orElseThrow(() -> new NotFoundException("household", householdId));
    if (member == null
        || member.personId() == null
        || member.relation() == null
        || member.memberFrom() == null) {
      throw InvalidInputException.of("member", "PPL-0303");
    }
    if (member.relation() == PeopleKinds.Relation.HEAD) {
      throw InvalidInputException.of("relation", "PPL-0306");
    }
    Person person = find(member.personId());
    if (!person.municipalityId().equals(household.municipalityId())) {
      throw InvalidInputException.of("member", "PPL-0308", person.familyName());
    }
    try {
      records.insertMember(
          Ids.newId(), householdId, household.regionId(), household.municipalityId(), member);
    } catch (DataIntegrityViolationException e) {
      throw new ConflictException("PPL-0307", member.personId());
    }
    audit.recordChange(
        AuditedEntity.of(
            "household", householdId, household.regionId(), household.municipalityId()),
        "add-member",
        null,
        member);
    return householdOn(householdId, LocalDate.now(clock));
  }

  /**
   * The household as it was at the end of a date: its members then, each as recorded then, with
   * their incomes of the twelve months up to that date's month.
   */
  @Transactional(readOnly = true)
  public Household householdOn(UUID id, LocalDate on) {
    if (on == null || on.getYear() < 1880 || on.getYear() > 2200) {
      throw InvalidInputException.of("on", "PPL-0110");
    }
    return householdAt(id, on.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC).minusNanos(1000));
  }

  /** The household as it was at an instant (see {@link #householdOn}). */
  @Transactional(readOnly = true)
  public Household householdAt(UUID id, OffsetDateTime at) {
    PeopleRecords.HouseholdRow row =
        records.household(id).orElseThrow(() -> new NotFoundException("household", id));
    LocalDate on = at.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    YearMonth month = YearMonth.from(on);
    List<Household.Member> members = new ArrayList<>();
    for (PeopleRecords.MemberRow m : records.membersOn(id, on)) {
      // Before the person was first recorded, their first record is the best knowledge of them. A
      // member lives in the household's territory (a move out of it is refused), so is visible.
      Person then =
          records
              .personAt(m.personId(), at)
              .or(() -> records.firstRecord(m.personId()))
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "Member " + m.personId() + " of household " + id + " is not visible"));
      members.add(
          new Household.Member(
              then,
              m.relation(),
              m.statutorySupporter(),
              m.memberFrom(),
              m.memberTo(),
              records.incomes(m.personId(), month.minusMonths(11).atDay(1), month.atDay(1)),
              files.assetsValue(m.personId(), on)));
    }
    audit.recordRead(AuditedEntity.of("household", id, row.regionId(), row.municipalityId()));
    return new Household(
        row.id(), row.regionId(), row.municipalityId(), row.address(), on, members, row.version());
  }

  /**
   * Every member of every household in a region (null: all the caller may see) on a date, ordered
   * by household, with the sum of their incomes from month {@code first} to {@code last} and what
   * else is {@code wanted}: the one pass a recertification makes over the register. Runs in the
   * caller's transaction, which answers for auditing the read as a whole.
   */
  @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
  public void forEachMember(
      UUID regionId,
      LocalDate on,
      YearMonth first,
      YearMonth last,
      MemberFacts.Wanted wanted,
      Consumer<MemberFacts> sink) {
    memberFacts.forEach(regionId, on, first, last, wanted, sink);
  }

  /** How many households a region has (null: all the caller may see). */
  @Transactional(readOnly = true)
  public long countHouseholds(UUID regionId) {
    return records.countHouseholds(regionId);
  }

  /** Records (or corrects) one month's income of one kind. */
  @Transactional
  public void recordIncome(UUID personId, YearMonth month, IncomeSource source, BigDecimal amount) {
    Person person = find(personId);
    List<Finding> findings = new ArrayList<>();
    if (month == null) {
      findings.add(Finding.of("month", "PPL-0401"));
    } else if (month.isAfter(YearMonth.now(clock))) {
      findings.add(Finding.of("month", "PPL-0402"));
    }
    if (source == null) {
      findings.add(Finding.of("source", "PPL-0403"));
    }
    if (amount == null || amount.signum() < 0) {
      findings.add(Finding.of("amount", "PPL-0404"));
    } else if (amount.scale() > 2 || amount.compareTo(new BigDecimal("1000000000")) >= 0) {
      findings.add(Finding.of("amount", "PPL-0405"));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    records.upsertIncome(Ids.newId(), person, month.atDay(1), source, amount);
    audit.recordChange(
        entity(person), "income", null, java.util.Map.of("month", month, source.name(), amount));
  }

  private Person find(UUID id) {
    return records.person(id).orElseThrow(() -> new NotFoundException("person", id));
  }

  /** Every problem with a person's details at once; the municipality they live in. */
  private TerritoryUnit validate(PersonDetails d) {
    List<Finding> findings = new ArrayList<>();
    if (d.familyName() == null || d.familyName().isBlank()) {
      findings.add(Finding.of("familyName", "PPL-0101"));
    }
    LocalDate today = LocalDate.now(clock);
    if (d.dateOfBirth() == null) {
      findings.add(Finding.of("dateOfBirth", "PPL-0102"));
    } else if (d.dateOfBirth().isAfter(today)) {
      findings.add(Finding.of("dateOfBirth", "PPL-0103"));
    } else if (d.dateOfBirth().isBefore(today.minusYears(MAX_AGE))) {
      findings.add(Finding.of("dateOfBirth", "PPL-0104", MAX_AGE));
    }
    if (d.sex() == null) {
      findings.add(Finding.of("sex", "PPL-0105"));
    }
    if (d.disabilityDegree() != null && d.disabilityAssessedOn() == null) {
      findings.add(Finding.of("disabilityAssessedOn", "PPL-0106"));
    }
    if (d.disabilityAssessedOn() != null && d.disabilityAssessedOn().isAfter(today)) {
      findings.add(Finding.of("disabilityAssessedOn", "PPL-0107"));
    }
    TerritoryUnit municipality = municipality(d.municipalityId(), "municipalityId", findings);
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    return municipality;
  }

  /** The municipality, which must exist and lie in the caller's territory. */
  private TerritoryUnit municipality(UUID id, String field, List<Finding> findings) {
    TerritoryUnit unit =
        id == null
            ? null
            : territories
                .find(id)
                .filter(u -> u.level() == TerritoryLevel.MUNICIPALITY)
                .orElse(null);
    if (unit == null) {
      findings.add(Finding.of(field, "PPL-0108"));
      return null;
    }
    if (!CurrentScope.get().allows(unit.regionId(), unit.id())) {
      findings.add(Finding.of(field, "PPL-0109", unit.name()));
      return null;
    }
    return unit;
  }

  private static Person build(UUID id, TerritoryUnit municipality, PersonDetails d, int version) {
    return new Person(
        id,
        municipality.regionId(),
        municipality.id(),
        d.familyName().trim(),
        text(d.givenNames()),
        d.dateOfBirth(),
        d.sex(),
        blankToNull(d.identifier()),
        text(d.registeredAddress()),
        text(d.actualAddress()),
        text(d.phone()),
        text(d.email()),
        d.disabilityDegree(),
        d.disabilityAssessedOn(),
        d.categories() == null ? Set.of() : Set.copyOf(d.categories()),
        null,
        version);
  }

  private static AuditedEntity entity(Person p) {
    return AuditedEntity.of("person", p.id(), p.regionId(), p.municipalityId());
  }

  private static String text(String value) {
    return value == null ? "" : value.trim();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
