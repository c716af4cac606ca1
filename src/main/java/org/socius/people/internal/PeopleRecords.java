package org.socius.people.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.socius.people.Household;
import org.socius.people.PeopleKinds.Category;
import org.socius.people.PeopleKinds.DisabilityDegree;
import org.socius.people.PeopleKinds.IncomeSource;
import org.socius.people.PeopleKinds.Relation;
import org.socius.people.PeopleKinds.Sex;
import org.socius.people.Person;
import org.socius.platform.db.TextArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the register of people. */
@Repository
public class PeopleRecords {

  private static final String PERSON_COLUMNS =
      "id, region_id, municipality_id, family_name, given_names, date_of_birth, sex, identifier,"
          + " registered_address, actual_address, phone, email, disability_degree,"
          + " disability_assessed_on, categories, valid_from, version";

  private final JdbcClient jdbc;

  PeopleRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A possible duplicate: who, and how alike the names are (0 to 1). */
  public record Candidate(
      UUID id,
      UUID regionId,
      UUID municipalityId,
      String familyName,
      String givenNames,
      LocalDate dateOfBirth,
      String identifier,
      double similarity) {}

  /**
   * Persons with the same identifier, or born the same day with a similar name key. The birth date
   * narrows millions of persons to a few dozen before any name is compared.
   */
  /** Names this alike (trigram similarity of their Latin keys) may be one person's. */
  public static final double SIMILAR_NAMES = 0.5;

  public List<Candidate> candidates(String nameKey, LocalDate dateOfBirth, String identifier) {
    return jdbc.sql(
            """
            select id, region_id, municipality_id, family_name, given_names, date_of_birth,
              identifier, similarity(name_key, :key) as s
            from people.person p
            where ((cast(:identifier as text) is not null and identifier = :identifier)
               or (date_of_birth = :dob and similarity(name_key, :key) >= :similar))
              -- A duplicate merged into someone else is that person now.
              and not exists (select 1 from people.merge m
                              where m.duplicate_id = p.id and m.status = 'MERGED')
            order by (identifier = :identifier) desc nulls last, s desc
            limit 10""")
        .param("key", nameKey)
        .param("similar", SIMILAR_NAMES)
        .param("dob", dateOfBirth)
        .param("identifier", identifier)
        .query(
            (rs, n) ->
                new Candidate(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getObject(3, UUID.class),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getObject(6, LocalDate.class),
                    rs.getString(7),
                    rs.getDouble(8)))
        .list();
  }

  /** How alike two name keys are (trigram similarity, 0 to 1), as duplicate checks measure. */
  public double similarity(String a, String b) {
    return jdbc.sql("select similarity(:a, :b)")
        .param("a", a)
        .param("b", b)
        .query(Double.class)
        .single();
  }

  /** Serialises registrations of people born on one day until the transaction ends. */
  public void lockBirthDate(LocalDate dateOfBirth) {
    jdbc.sql("select pg_advisory_xact_lock(hashtext('person-born-' || :dob))")
        .param("dob", dateOfBirth.toString())
        .query((rs, n) -> 1)
        .list();
  }

  /** Moves a person's incomes with them to another territory. */
  public void moveIncomes(UUID personId, UUID regionId, UUID municipalityId) {
    jdbc.sql(
            "update people.income set region_id = :region, municipality_id = :municipality"
                + " where person_id = :p")
        .param("region", regionId)
        .param("municipality", municipalityId)
        .param("p", personId)
        .update();
  }

  public void insertPerson(Person p, String nameKey, String actor) {
    jdbc.sql(
            """
            insert into people.person (id, region_id, municipality_id, family_name, given_names,
              name_key, date_of_birth, sex, identifier, registered_address, actual_address, phone,
              email, disability_degree, disability_assessed_on, categories, changed_by)
            values (:id, :region, :municipality, :family, :given, :key, :dob, :sex, :identifier,
              :registered, :actual, :phone, :email, :degree, :assessed,
              cast(:categories as text[]), :actor)""")
        .params(personParams(p, nameKey, actor))
        .update();
  }

  public boolean updatePerson(Person p, String nameKey, String actor, int expectedVersion) {
    return jdbc.sql(
                """
                update people.person set municipality_id = :municipality, region_id = :region,
                  family_name = :family, given_names = :given, name_key = :key,
                  date_of_birth = :dob, sex = :sex, identifier = :identifier,
                  registered_address = :registered, actual_address = :actual, phone = :phone,
                  email = :email, disability_degree = :degree, disability_assessed_on = :assessed,
                  categories = cast(:categories as text[]), changed_by = :actor,
                  version = version + 1
                where id = :id and version = :expected""")
            .params(personParams(p, nameKey, actor))
            .param("expected", expectedVersion)
            .update()
        == 1;
  }

  private static java.util.Map<String, Object> personParams(
      Person p, String nameKey, String actor) {
    java.util.Map<String, Object> m = new java.util.HashMap<>();
    m.put("id", p.id());
    m.put("region", p.regionId());
    m.put("municipality", p.municipalityId());
    m.put("family", p.familyName());
    m.put("given", p.givenNames());
    m.put("key", nameKey);
    m.put("dob", p.dateOfBirth());
    m.put("sex", p.sex().name());
    m.put("identifier", p.identifier());
    m.put("registered", p.registeredAddress());
    m.put("actual", p.actualAddress());
    m.put("phone", p.phone());
    m.put("email", p.email());
    m.put("degree", p.disabilityDegree() == null ? null : p.disabilityDegree().name());
    m.put("assessed", p.disabilityAssessedOn());
    m.put("categories", TextArrays.ofNames(p.categories()));
    m.put("actor", actor);
    return m;
  }

  public Optional<Person> person(UUID id) {
    return jdbc.sql("select " + PERSON_COLUMNS + " from people.person where id = :id")
        .param("id", id)
        .query((rs, n) -> mapPerson(rs))
        .optional();
  }

  /** The person as recorded at an instant: the current row if it was already valid, or history. */
  public Optional<Person> personAt(UUID id, OffsetDateTime at) {
    return jdbc.sql(
            "select "
                + PERSON_COLUMNS
                + " from people.person where id = :id and valid_from <= :at"
                + " union all select "
                + PERSON_COLUMNS
                + " from people.person_history where id = :id and valid_from <= :at"
                + " and valid_to > :at")
        .param("id", id)
        .param("at", at)
        .query((rs, n) -> mapPerson(rs))
        .optional();
  }

  /** The earliest recorded state of a person. */
  public Optional<Person> firstRecord(UUID id) {
    return jdbc.sql(
            "select * from (select "
                + PERSON_COLUMNS
                + " from people.person_history where id = :id union all select "
                + PERSON_COLUMNS
                + " from people.person where id = :id) states order by valid_from limit 1")
        .param("id", id)
        .query((rs, n) -> mapPerson(rs))
        .optional();
  }

  public void insertHousehold(UUID id, UUID regionId, UUID municipalityId, String address) {
    jdbc.sql(
            "insert into people.household (id, region_id, municipality_id, address)"
                + " values (:id, :region, :municipality, :address)")
        .param("id", id)
        .param("region", regionId)
        .param("municipality", municipalityId)
        .param("address", address)
        .update();
  }

  public void insertMember(
      UUID id, UUID householdId, UUID regionId, UUID municipalityId, Household.NewMember m) {
    jdbc.sql(
            """
            insert into people.household_member (id, household_id, person_id, region_id,
              municipality_id, relation, statutory_supporter, member_from)
            values (:id, :household, :person, :region, :municipality, :relation, :supporter, :from)""")
        .param("id", id)
        .param("household", householdId)
        .param("person", m.personId())
        .param("region", regionId)
        .param("municipality", municipalityId)
        .param("relation", m.relation().name())
        .param("supporter", m.statutorySupporter())
        .param("from", m.memberFrom())
        .update();
  }

  public record HouseholdRow(
      UUID id, UUID regionId, UUID municipalityId, String address, int version) {}

  public Optional<HouseholdRow> household(UUID id) {
    return jdbc.sql(
            "select id, region_id, municipality_id, address, version from people.household"
                + " where id = :id")
        .param("id", id)
        .query(
            (rs, n) ->
                new HouseholdRow(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getObject(3, UUID.class),
                    rs.getString(4),
                    rs.getInt(5)))
        .optional();
  }

  public record MemberRow(
      UUID personId,
      Relation relation,
      boolean statutorySupporter,
      LocalDate memberFrom,
      LocalDate memberTo) {}

  /** The household a person belongs to on a date, if any. */
  public Optional<UUID> householdOf(UUID personId, LocalDate on) {
    return jdbc.sql(
            """
            select household_id from people.household_member
            where person_id = :p and member_from <= :on and (member_to is null or member_to > :on)""")
        .param("p", personId)
        .param("on", on)
        .query(UUID.class)
        .optional();
  }

  /** Members on a date: their membership began on or before it and had not ended. */
  public List<MemberRow> membersOn(UUID householdId, LocalDate on) {
    return jdbc.sql(
            """
            select person_id, relation, statutory_supporter, member_from, member_to
            from people.household_member
            where household_id = :h and member_from <= :on and (member_to is null or member_to > :on)
            order by member_from, relation""")
        .param("h", householdId)
        .param("on", on)
        .query(
            (rs, n) ->
                new MemberRow(
                    rs.getObject(1, UUID.class),
                    Relation.valueOf(rs.getString(2)),
                    rs.getBoolean(3),
                    rs.getObject(4, LocalDate.class),
                    rs.getObject(5, LocalDate.class)))
        .list();
  }

  public long countHouseholds(UUID regionId) {
    return jdbc.sql(
            "select count(*) from people.household"
                + " where cast(:r as uuid) is null or region_id = cast(:r as uuid)")
        .param("r", regionId)
        .query(Long.class)
        .single();
  }

  public void upsertIncome(
      UUID id, Person person, LocalDate month, IncomeSource source, BigDecimal amount) {
    jdbc.sql(
            """
            insert into people.income (id, person_id, region_id, municipality_id, month, source, amount)
            values (:id, :person, :region, :municipality, :month, :source, :amount)
            on conflict (person_id, month, source) do update set amount = excluded.amount""")
        .param("id", id)
        .param("person", person.id())
        .param("region", person.regionId())
        .param("municipality", person.municipalityId())
        .param("month", month)
        .param("source", source.name())
        .param("amount", amount)
        .update();
  }

  /** A person's incomes in the months from {@code from} to {@code to}, inclusive. */
  public List<Household.Income> incomes(UUID personId, LocalDate from, LocalDate to) {
    return jdbc.sql(
            "select month, source, amount from people.income where person_id = :p"
                + " and month between :from and :to order by month, source")
        .param("p", personId)
        .param("from", from)
        .param("to", to)
        .query(
            (rs, n) ->
                new Household.Income(
                    rs.getObject(1, LocalDate.class),
                    IncomeSource.valueOf(rs.getString(2)),
                    rs.getBigDecimal(3)))
        .list();
  }

  private static Person mapPerson(ResultSet rs) throws SQLException {
    String degree = rs.getString("disability_degree");
    Set<Category> categories = EnumSet.noneOf(Category.class);
    Array array = rs.getArray("categories");
    Arrays.stream((String[]) array.getArray()).map(Category::valueOf).forEach(categories::add);
    return new Person(
        rs.getObject("id", UUID.class),
        rs.getObject("region_id", UUID.class),
        rs.getObject("municipality_id", UUID.class),
        rs.getString("family_name"),
        rs.getString("given_names"),
        rs.getObject("date_of_birth", LocalDate.class),
        Sex.valueOf(rs.getString("sex")),
        rs.getString("identifier"),
        rs.getString("registered_address"),
        rs.getString("actual_address"),
        rs.getString("phone"),
        rs.getString("email"),
        degree == null ? null : DisabilityDegree.valueOf(degree),
        rs.getObject("disability_assessed_on", LocalDate.class),
        Set.copyOf(categories),
        rs.getObject("valid_from", OffsetDateTime.class),
        rs.getInt("version"));
  }
}
