package org.socius.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socius.benefits.Application;
import org.socius.benefits.Applications;
import org.socius.people.PeopleKinds.IncomeSource;
import org.socius.people.PeopleKinds.Relation;
import org.socius.people.PeopleKinds.Sex;
import org.socius.platform.errors.ConflictException;
import org.socius.programmes.Programmes;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two records of one person merged on review: by someone other than the proposer; the duplicate's
 * incomes, household and identifier pass to the record kept, other modules follow, and a merge that
 * would lose information is refused whole.
 */
@IntegrationTest
class PersonMergeTest {

  @Autowired Fixtures fixtures;
  @Autowired People people;
  @Autowired PersonMerges merges;
  @Autowired Applications applications;
  @Autowired Programmes programmes;

  private Person register(String family, String given, LocalDate born, String identifier) {
    return fixtures.as(
        "worker.harbour",
        () ->
            people.register(
                new PersonDetails(
                    family,
                    given,
                    born,
                    Sex.FEMALE,
                    identifier,
                    fixtures.unit("NV-N-01").id(),
                    "",
                    "",
                    "",
                    "",
                    null,
                    null,
                    Set.of()),
                true));
  }

  private void income(Person p, YearMonth month, String amount) {
    fixtures.as(
        "worker.harbour",
        () -> {
          people.recordIncome(p.id(), month, IncomeSource.PENSION, new BigDecimal(amount));
          return null;
        });
  }

  @Test
  void aReviewedMergeMovesIncomesHouseholdAndIdentifierAndApplicationsFollow() throws Exception {
    String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    LocalDate born = LocalDate.of(1941, 1, 1).plusDays(System.nanoTime() % 9000);
    Person kept = register("Merged" + suffix, "Maria", born, null);
    Person duplicate = register("Мерджед" + suffix, "Мария", born, "MRG-" + suffix);
    YearMonth month = YearMonth.now().minusMonths(1);
    income(kept, month, "150.00");
    income(duplicate, month, "150.00");
    income(duplicate, month.minusMonths(1), "150.00");
    Household household =
        fixtures.as(
            "worker.harbour",
            () ->
                people.createHousehold(
                    fixtures.unit("NV-N-01").id(),
                    "5 Merge Road",
                    List.of(
                        new Household.NewMember(
                            duplicate.id(), Relation.HEAD, false, LocalDate.now().minusYears(1)))));
    UUID tempAssist =
        programmes.all().stream()
            .filter(p -> p.code().equals("TEMP-ASSIST"))
            .findFirst()
            .orElseThrow()
            .id();
    Application application =
        fixtures.as(
            "worker.harbour",
            () ->
                applications.submit(
                    new Applications.NewApplication(
                        tempAssist,
                        duplicate.id(),
                        Application.Channel.PERSON,
                        null,
                        false,
                        "en")));

    org.socius.cases.Case aCase =
        fixtures.as(
            "worker.harbour",
            () ->
                cases.open(
                    new org.socius.cases.Cases.NewCase(
                        duplicate.id(),
                        org.socius.accounts.Sector.SOCIAL_PROTECTION,
                        org.socius.cases.Case.Source.PERSON,
                        "",
                        "Needs help at home.",
                        false,
                        "en",
                        null)));

    PersonMerge proposed =
        fixtures.as(
            "worker.harbour",
            () -> merges.propose(kept.id(), duplicate.id(), "Same birth date, name in Cyrillic"));
    assertThatThrownBy(() -> fixtures.as("worker.harbour", () -> merges.approve(proposed.id(), "")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("PPL-0603");
    PersonMerge merged =
        fixtures.as("officer.north", () -> merges.approve(proposed.id(), "Checked the passport"));

    assertThat(merged.status()).isEqualTo(PersonMerge.Status.MERGED);
    assertThat(fixtures.as("worker.harbour", () -> people.householdOf(kept.id())))
        .contains(household.id());
    Household after =
        fixtures.as("worker.harbour", () -> people.householdOn(household.id(), LocalDate.now()));
    Household.Member member = after.members().getFirst();
    assertThat(member.person().id()).isEqualTo(kept.id());
    assertThat(member.person().identifier()).isEqualTo("MRG-" + suffix);
    // The month both had alike is kept once; the other month came over.
    assertThat(member.incomes())
        .extracting(Household.Income::month)
        .containsExactlyInAnyOrder(month.atDay(1), month.minusMonths(1).atDay(1));
    // The duplicate is no longer offered as a candidate for the same person.
    assertThat(
            fixtures.as(
                "worker.harbour",
                () ->
                    people.possibleDuplicates(
                        new PersonDetails(
                            "Merged" + suffix,
                            "Maria",
                            born,
                            Sex.FEMALE,
                            null,
                            fixtures.unit("NV-N-01").id(),
                            "",
                            "",
                            "",
                            "",
                            null,
                            null,
                            Set.of()))))
        .extracting(People.PossibleDuplicate::personId)
        .containsExactly(kept.id());
    // The application now names the person kept (the benefits module follows the event).
    long deadline = System.nanoTime() + 10_000_000_000L;
    UUID applicant = null;
    while (System.nanoTime() < deadline) {
      applicant =
          fixtures.as("worker.harbour", () -> applications.get(application.id())).applicantId();
      if (applicant.equals(kept.id())) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(applicant).isEqualTo(kept.id());
    // So does the case (the cases module follows it too).
    UUID client = null;
    while (System.nanoTime() < deadline) {
      client = fixtures.as("worker.harbour", () -> cases.get(aCase.id())).personId();
      if (client.equals(kept.id())) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(client).isEqualTo(kept.id());
  }

  @Autowired org.socius.cases.Cases cases;

  @Test
  void aMergeThatWouldLoseAnIncomeIsRefusedWhole() {
    String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    LocalDate born = LocalDate.of(1942, 2, 2).plusDays(System.nanoTime() % 9000);
    Person kept = register("Conflict" + suffix, "Olga", born, null);
    Person duplicate = register("Konflikt" + suffix, "Olga", born, null);
    YearMonth month = YearMonth.now().minusMonths(2);
    income(kept, month, "100.00");
    income(duplicate, month, "120.00");
    PersonMerge proposed =
        fixtures.as("worker.harbour", () -> merges.propose(kept.id(), duplicate.id(), "Same"));

    assertThatThrownBy(() -> fixtures.as("officer.north", () -> merges.approve(proposed.id(), "")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("PPL-0604");
    assertThat(fixtures.as("officer.north", () -> merges.get(proposed.id())).status())
        .isEqualTo(PersonMerge.Status.PROPOSED);
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "worker.harbour", () -> merges.propose(kept.id(), duplicate.id(), "Again")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("PPL-0608");
    PersonMerge rejected =
        fixtures.as(
            "officer.north", () -> merges.reject(proposed.id(), "Different mothers' names"));
    assertThat(rejected.status()).isEqualTo(PersonMerge.Status.REJECTED);
  }

  @Test
  void mirrorProposalsAndDifferentIdentifiersAreRefused() {
    String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    LocalDate born = LocalDate.of(1943, 3, 3).plusDays(System.nanoTime() % 9000);
    Person a = register("Mirror" + suffix, "Ina", born, "MA-" + suffix);
    Person b = register("Mirror" + suffix, "Inna", born, "MB-" + suffix);
    PersonMerge proposed =
        fixtures.as("worker.harbour", () -> merges.propose(a.id(), b.id(), "Same person"));
    assertThatThrownBy(
            () -> fixtures.as("worker.harbour", () -> merges.propose(b.id(), a.id(), "Same")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("PPL-0608");
    assertThatThrownBy(() -> fixtures.as("officer.north", () -> merges.approve(proposed.id(), "")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("PPL-0611");
    assertThat(fixtures.as("officer.north", () -> merges.get(proposed.id())).status())
        .isEqualTo(PersonMerge.Status.PROPOSED);
  }

  @Test
  void aProposalIsListedOnlyWhereBothRecordsCanBeSeen() {
    String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    LocalDate born = LocalDate.of(1944, 4, 4).plusDays(System.nanoTime() % 9000);
    Person kept = register("Across" + suffix, "Olga", born, null);
    Person duplicate =
        fixtures.as(
            "officer.north",
            () ->
                people.register(
                    new PersonDetails(
                        "Across" + suffix,
                        "Olha",
                        born,
                        Sex.FEMALE,
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
    PersonMerge proposed =
        fixtures.as(
            "officer.north", () -> merges.propose(kept.id(), duplicate.id(), "Same person"));
    // Harbour City's worker sees the kept record only: the proposal is reviewed by the region.
    assertThat(fixtures.as("worker.harbour", () -> merges.proposed()))
        .extracting(PersonMerge::id)
        .doesNotContain(proposed.id());
    assertThat(fixtures.as("officer.north", () -> merges.proposed()))
        .extracting(PersonMerge::id)
        .contains(proposed.id());
  }
}
