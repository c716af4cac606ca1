package org.socius.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socius.platform.api.ImportReport;
import org.socius.platform.security.CurrentScope;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Importing people with their households from CSV: all or nothing, every problem by line. */
@IntegrationTest
class PeopleImportTest {

  private static final String HEADER = String.join(",", PeopleImport.HEADER);

  @Autowired Fixtures fixtures;
  @Autowired PeopleImport importer;
  @Autowired People people;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;

  private static String unique() {
    return Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
  }

  private long persons(String family) {
    return CurrentScope.asSystem(
        () ->
            transaction.execute(
                s ->
                    jdbc.sql("select count(*) from people.person where family_name = :f")
                        .param("f", family)
                        .query(Long.class)
                        .single()));
  }

  private UUID personWithIdentifier(String identifier) {
    return CurrentScope.asSystem(
        () ->
            transaction.execute(
                s ->
                    jdbc.sql("select id from people.person where identifier = :i")
                        .param("i", identifier)
                        .query(UUID.class)
                        .single()));
  }

  @Test
  void aGoodFileRegistersPeopleAndTheirHouseholds() {
    String family = "Imp" + unique();
    String csv =
        HEADER
            + "\n"
            + family
            + ",Petra,1980-04-04,FEMALE,"
            + family
            + "-1,NV-N-01,1 Quay Street,,,,,,LOW_INCOME;SINGLE_PARENT,H1,HEAD\n"
            + family
            + ",Ola,2015-05-05,male,,NV-N-01,1 Quay Street,,,,,,,H1,CHILD\n"
            + family
            + ",Sven,1950-01-01,MALE,"
            + family
            + "-3,NV-N-01,2 Quay Street,,,,II,2020-01-01,ELDERLY,,\n";

    ImportReport report = fixtures.as("worker.harbour", () -> importer.importCsv(csv));

    assertThat(report.findings()).isEmpty();
    assertThat(report.imported()).isEqualTo(3);
    UUID mother = personWithIdentifier(family + "-1");
    UUID household = fixtures.as("worker.harbour", () -> people.householdOf(mother)).orElseThrow();
    Household h =
        fixtures.as(
            "worker.harbour", () -> people.householdOn(household, java.time.LocalDate.now()));
    assertThat(h.address()).isEqualTo("1 Quay Street");
    assertThat(h.members()).hasSize(2);
    assertThat(
            fixtures.as(
                "worker.harbour", () -> people.householdOf(personWithIdentifier(family + "-3"))))
        .isEmpty();
  }

  @Test
  void aFileWithAnyProblemImportsNothingAndNamesEveryProblem() {
    String family = "Bad" + unique();
    // An existing person, to be typed again with one letter changed.
    fixtures.as(
        "worker.harbour",
        () ->
            importer.importCsv(
                HEADER + "\nKowalczyk" + family + ",Anna,1971-07-07,FEMALE,,NV-N-01,,,,,,,,,\n"));
    String csv =
        HEADER
            + "\n"
            + family
            + ",A,1980-13-01,FEMALE,,NV-N-01,,,,,,,,,\n" // line 2: no such date
            + family
            + ",B,1980-01-01,ROBOT,,NV-N-01,,,,,,,,,\n" // line 3: no such sex
            + family
            + ",C,1980-01-01,MALE,,XX-99,,,,,,,,,\n" // line 4: no such municipality
            + family
            + ",D,1980-01-01,MALE,"
            + family
            + "-ID,NV-N-01,,,,,,,,,\n" // line 5: fine
            + family
            + ",E,1981-01-01,MALE,"
            + family
            + "-ID,NV-N-01,,,,,,,,,\n" // line 6: the identifier of line 5
            + family
            + ",F,1982-01-01,FEMALE,,NV-N-01,1 Road,,,,,,,H9,CHILD\n" // line 7: household, no head
            + "Kowalczik"
            + family
            + ",Anna,1971-07-07,FEMALE,,NV-N-01,,,,,,,,,\n" // line 8: possibly registered
            + family
            + ",G,2200-01-01,FEMALE,,NV-N-01,,,,,,,,,\n"; // line 9: born in the future

    ImportReport report = fixtures.as("worker.harbour", () -> importer.importCsv(csv));

    assertThat(report.accepted()).isFalse();
    assertThat(report.imported()).isZero();
    assertThat(report.findings())
        .extracting(f -> f.line() + ":" + f.finding().code())
        .containsExactlyInAnyOrder(
            "2:PPL-0505",
            "3:PPL-0505",
            "4:PPL-0508",
            "6:PPL-0504",
            "7:PPL-0507",
            "8:PPL-0503",
            "9:PPL-0103");
    assertThat(persons(family)).isZero();
  }

  @Test
  void aFileWithoutTheRightColumnsIsRefusedAtOnce() {
    ImportReport report =
        fixtures.as("worker.harbour", () -> importer.importCsv("name,born\nX,2000-01-01\n"));
    assertThat(report.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.finding().code()).isEqualTo("PPL-0502"));
  }

  @Test
  void twoLinesOfTheSamePersonInOneFileAreNamed() {
    String family = "Twin" + unique();
    String csv =
        HEADER
            + "\n"
            + family
            + "ova,Maria,1966-06-06,FEMALE,,NV-N-01,,,,,,,,,\n"
            + family
            + "ova,Mariya,1966-06-06,FEMALE,,NV-N-01,,,,,,,,,\n";

    ImportReport report = fixtures.as("worker.harbour", () -> importer.importCsv(csv));

    assertThat(report.findings())
        .extracting(f -> f.line() + ":" + f.finding().code() + ":" + f.finding().args())
        .containsExactly("3:PPL-0504:[2]");
    assertThat(persons(family + "ova")).isZero();
  }
}
