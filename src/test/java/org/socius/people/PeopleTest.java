package org.socius.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socius.people.PeopleKinds.Category;
import org.socius.people.PeopleKinds.IncomeSource;
import org.socius.people.PeopleKinds.Relation;
import org.socius.people.PeopleKinds.Sex;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.security.CurrentScope;
import org.socius.support.Api;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The register of people: duplicates across scripts, bad input, households through time. */
@IntegrationTest
class PeopleTest {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired People people;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;

  private UUID harbour() {
    return fixtures.unit("NV-N-01").id();
  }

  private static String unique() {
    return Long.toString(System.nanoTime() % 1_000_000_000L);
  }

  private PersonDetails person(String family, String given, LocalDate born, String identifier) {
    return new PersonDetails(
        family,
        given,
        born,
        Sex.FEMALE,
        identifier,
        harbour(),
        "",
        "",
        "",
        "",
        null,
        null,
        Set.of(Category.ELDERLY));
  }

  private long persons() {
    return CurrentScope.asSystem(
        () ->
            transaction.execute(
                s -> jdbc.sql("select count(*) from people.person").query(Long.class).single()));
  }

  @Test
  void theSamePersonWrittenInAnotherScriptIsFoundBeforeBeingRegisteredTwice() {
    LocalDate born = LocalDate.of(1941, 3, 2).plusDays(System.nanoTime() % 3000);
    Person cyrillic =
        fixtures.as(
            "worker.harbour", () -> people.register(person("Иванова", "Мария", born, null), false));
    assertThat(cyrillic.familyName()).isEqualTo("Иванова");

    var found =
        fixtures.as(
            "worker.harbour",
            () -> people.possibleDuplicates(person("Ivanova", "Maria", born, null)));
    assertThat(found).extracting(People.PossibleDuplicate::personId).contains(cyrillic.id());
    assertThat(found.getFirst().similarity()).isGreaterThan(0.5);
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "worker.harbour",
                    () -> people.register(person("Ivanova", "Maria", born, null), false)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("PPL-0202");

    // Another territory learns that the person exists, not who it is.
    var elsewhere =
        fixtures.as(
            "worker.riverside",
            () ->
                people.possibleDuplicates(
                    new PersonDetails(
                        "IVANOVA",
                        "Mariya",
                        born,
                        Sex.FEMALE,
                        null,
                        fixtures.unit("NV-S-01").id(),
                        "",
                        "",
                        "",
                        "",
                        null,
                        null,
                        Set.of())));
    assertThat(elsewhere).isNotEmpty();
    assertThat(elsewhere.getFirst().inYourTerritory()).isFalse();
    assertThat(elsewhere.getFirst().personId()).isNull();
    assertThat(elsewhere.getFirst().familyName()).isNull();

    // Checked and confirmed: a namesake born the same day is someone else.
    Person namesake =
        fixtures.as(
            "worker.harbour", () -> people.register(person("Ivanova", "Maria", born, null), true));
    assertThat(namesake.id()).isNotEqualTo(cyrillic.id());
  }

  @Test
  void anIdentifierIsRegisteredOnceWhateverTheName() {
    String identifier = "NV-" + unique();
    fixtures.as(
        "worker.harbour",
        () ->
            people.register(person("Lind", "Petra", LocalDate.of(1980, 1, 1), identifier), false));
    long before = persons();
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "worker.harbour",
                    () ->
                        people.register(
                            person("Someone", "Else", LocalDate.of(1990, 5, 5), identifier), true)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("PPL-0201");
    assertThat(persons()).isEqualTo(before);
  }

  @Test
  void badInputIsRefusedWithEveryProblemAndChangesNothing() {
    long before = persons();
    Api worker = new Api(port, fixtures.tokenFor("worker.harbour"));
    var future =
        worker.post(
            "/api/v1/persons",
            "{\"familyName\":\"\",\"dateOfBirth\":\""
                + LocalDate.now().plusDays(3)
                + "\",\"sex\":\"FEMALE\",\"municipalityId\":\""
                + harbour()
                + "\"}");
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.json().path("errors").findValuesAsString("code"))
        .containsExactlyInAnyOrder("PPL-0101", "PPL-0103");
    var ancient =
        worker.post(
            "/api/v1/persons",
            "{\"familyName\":\"Old\",\"dateOfBirth\":\"1850-01-01\",\"sex\":\"MALE\","
                + "\"municipalityId\":\""
                + harbour()
                + "\"}");
    assertThat(ancient.status()).isEqualTo(400);
    assertThat(ancient.json().path("errors").get(0).path("code").asString()).isEqualTo("PPL-0104");
    var elsewhere =
        worker.post(
            "/api/v1/persons",
            "{\"familyName\":\"Far\",\"dateOfBirth\":\"1970-01-01\",\"sex\":\"MALE\","
                + "\"municipalityId\":\""
                + fixtures.unit("NV-S-01").id()
                + "\"}");
    assertThat(elsewhere.json().path("errors").get(0).path("code").asString())
        .isEqualTo("PPL-0109");
    assertThat(persons()).isEqualTo(before);
  }

  @Test
  void aHouseholdShowsItsMembersAndTheirRecordsAsTheyWereOnADate() {
    String suffix = unique();
    Person head =
        fixtures.as(
            "worker.harbour",
            () ->
                people.register(
                    person("Berg" + suffix, "Anna", LocalDate.of(1975, 4, 4), null), true));
    Person child =
        fixtures.as(
            "worker.harbour",
            () ->
                people.register(
                    person("Berg" + suffix, "Lena", LocalDate.of(2012, 8, 8), null), true));

    assertThatThrownBy(
            () ->
                fixtures.as(
                    "worker.harbour",
                    () -> people.createHousehold(harbour(), "3 Quay Street", List.of())))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("PPL-0302");

    // A member lives where the household does.
    Person elsewhere =
        fixtures.as(
            "officer.north",
            () ->
                people.register(
                    new PersonDetails(
                        "Far" + suffix,
                        "Away",
                        LocalDate.of(1970, 1, 1),
                        Sex.MALE,
                        null,
                        fixtures.unit("NV-N-02").id(),
                        "",
                        "",
                        "",
                        "",
                        null,
                        null,
                        Set.of()),
                    true));
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "officer.north",
                    () ->
                        people.createHousehold(
                            harbour(),
                            "1 Quay Street",
                            List.of(
                                new Household.NewMember(
                                    elsewhere.id(), Relation.HEAD, false, LocalDate.now())))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("PPL-0308");

    LocalDate start = LocalDate.now().minusMonths(6).withDayOfMonth(1);
    Household household =
        fixtures.as(
            "worker.harbour",
            () ->
                people.createHousehold(
                    harbour(),
                    "3 Quay Street, Harbour City",
                    List.of(
                        new Household.NewMember(head.id(), Relation.HEAD, false, start),
                        new Household.NewMember(
                            child.id(), Relation.CHILD, false, start.plusMonths(3)))));
    assertThat(household.members()).hasSize(2);
    // A person is in one household at a time.
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "worker.harbour",
                    () ->
                        people.createHousehold(
                            harbour(),
                            "Elsewhere 1",
                            List.of(
                                new Household.NewMember(
                                    child.id(), Relation.HEAD, false, LocalDate.now())))))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("PPL-0307");

    YearMonth lastMonth = YearMonth.now().minusMonths(1);
    fixtures.as(
        "worker.harbour",
        () -> {
          people.recordIncome(head.id(), lastMonth, IncomeSource.WAGES, new BigDecimal("812.50"));
          return null;
        });
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "worker.harbour",
                    () -> {
                      people.recordIncome(
                          head.id(), lastMonth, IncomeSource.BENEFIT, new BigDecimal("-1"));
                      return null;
                    }))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("PPL-0404");

    OffsetDateTime beforeRename =
        CurrentScope.asSystem(
            () ->
                transaction.execute(
                    s -> jdbc.sql("select now()").query(OffsetDateTime.class).single()));
    fixtures.as(
        "worker.harbour",
        () ->
            people.update(
                head.id(),
                head.version(),
                person("Berg-Lind" + suffix, "Anna", LocalDate.of(1975, 4, 4), null)));

    // A member cannot move to another municipality alone: refused, and nothing changes.
    Person renamed = fixtures.as("worker.harbour", () -> people.get(head.id()));
    PersonDetails moved =
        new PersonDetails(
            renamed.familyName(),
            renamed.givenNames(),
            renamed.dateOfBirth(),
            renamed.sex(),
            renamed.identifier(),
            fixtures.unit("NV-N-02").id(),
            "",
            "",
            "",
            "",
            null,
            null,
            renamed.categories());
    // The regional officer may move people between the region's municipalities, but not this one.
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "officer.north", () -> people.update(head.id(), renamed.version(), moved)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("PPL-0309");
    assertThat(fixtures.as("worker.harbour", () -> people.get(head.id())).municipalityId())
        .isEqualTo(harbour());

    Household then =
        fixtures.as("worker.harbour", () -> people.householdAt(household.id(), beforeRename));
    Household threeMonthsAgo =
        fixtures.as(
            "worker.harbour", () -> people.householdOn(household.id(), start.plusMonths(1)));
    Household today =
        fixtures.as("worker.harbour", () -> people.householdOn(household.id(), LocalDate.now()));
    assertThat(threeMonthsAgo.members()).hasSize(1);
    assertThat(then.members())
        .extracting(m -> m.person().familyName())
        .contains("Berg" + suffix)
        .doesNotContain("Berg-Lind" + suffix);
    assertThat(today.members())
        .extracting(m -> m.person().familyName())
        .contains("Berg-Lind" + suffix);
    assertThat(
            today.members().stream()
                .filter(m -> m.relation() == Relation.HEAD)
                .findFirst()
                .orElseThrow()
                .incomes())
        .extracting(Household.Income::amount)
        .containsExactly(new BigDecimal("812.50"));

    // The same household in the browser, today and three months ago; the person links to it.
    org.socius.support.WebSession harbourDesk = new org.socius.support.WebSession(port);
    assertThat(harbourDesk.signIn("worker.harbour", Fixtures.DEMO_PASSWORD)).isTrue();
    var page = harbourDesk.get("/households/" + household.id());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Berg-Lind" + suffix, "Lena", "812.50");
    var earlier = harbourDesk.get("/households/" + household.id() + "?on=" + start.plusMonths(1));
    // Then the head was known by their first recorded name, and the child had not joined yet.
    assertThat(earlier.body())
        .contains("Berg" + suffix + " Anna")
        .doesNotContain("Berg-Lind" + suffix)
        .doesNotContain("Lena");
    assertThat(harbourDesk.get("/people/" + head.id()).body())
        .contains("/households/" + household.id());
    org.socius.support.WebSession riversideDesk = new org.socius.support.WebSession(port);
    assertThat(riversideDesk.signIn("worker.riverside", Fixtures.DEMO_PASSWORD)).isTrue();
    assertThat(riversideDesk.get("/households/" + household.id()).statusCode()).isEqualTo(404);
    assertThat(riversideDesk.get("/people/" + head.id()).statusCode()).isEqualTo(404);

    // Another territory's worker does not see the household.
    assertThat(
            new Api(port, fixtures.tokenFor("worker.riverside"))
                .get("/api/v1/households/" + household.id())
                .status())
        .isEqualTo(404);
  }
}
