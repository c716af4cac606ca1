package org.socius.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socius.people.Household;
import org.socius.people.MemberFacts.Wanted;
import org.socius.people.PeopleKinds.Category;
import org.socius.people.PeopleKinds.DisabilityDegree;
import org.socius.people.PeopleKinds.IncomeSource;
import org.socius.people.PeopleKinds.Relation;
import org.socius.people.PeopleKinds.Sex;
import org.socius.people.Person;

/** A household becomes the facts rules see: ages on the date, income averaged in whole cents. */
class HouseholdFactsTest {

  private static Person person(LocalDate born, DisabilityDegree degree) {
    return new Person(
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        "Berg",
        "Anna",
        born,
        Sex.FEMALE,
        null,
        "",
        "",
        "",
        "",
        degree,
        degree == null ? null : LocalDate.of(2020, 1, 1),
        Set.of(Category.LOW_INCOME),
        null,
        0);
  }

  @Test
  void incomesOfTheThreeMonthsBeforeAreAveragedAndAgesTakenOnTheDate() {
    LocalDate on = LocalDate.of(2026, 5, 10);
    Household.Member head =
        new Household.Member(
            person(LocalDate.of(1960, 5, 11), null),
            Relation.HEAD,
            false,
            LocalDate.of(2020, 1, 1),
            null,
            List.of(
                new Household.Income(
                    LocalDate.of(2026, 1, 1), IncomeSource.WAGES, new BigDecimal("900.00")),
                new Household.Income(
                    LocalDate.of(2026, 2, 1), IncomeSource.WAGES, new BigDecimal("100.00")),
                new Household.Income(
                    LocalDate.of(2026, 3, 1), IncomeSource.WAGES, new BigDecimal("100.00")),
                new Household.Income(
                    LocalDate.of(2026, 4, 1), IncomeSource.PENSION, new BigDecimal("100.01")),
                new Household.Income(
                    LocalDate.of(2026, 5, 1), IncomeSource.WAGES, new BigDecimal("999.00"))));
    Household.Member child =
        new Household.Member(
            person(LocalDate.of(2015, 1, 1), DisabilityDegree.CHILD),
            Relation.CHILD,
            false,
            LocalDate.of(2020, 1, 1),
            null,
            List.of());
    Household household =
        new Household(
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            "x",
            on,
            List.of(head, child),
            0);

    Map<String, Object> facts = HouseholdFacts.of(household, on);
    // February to April: 100.00 + 100.00 + 100.01 = 300.01, a third is 100.0033 -> 10,000 cents.
    assertThat(facts).containsEntry("income", 10_000L).containsEntry("income_per_member", 5_000L);
    assertThat(facts)
        .containsEntry("size", 2L)
        .containsEntry("children", 1L)
        .containsEntry("disabled", 1L);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> members = (List<Map<String, Object>>) facts.get("members");
    assertThat(members.getFirst()).containsEntry("age", 65L);
    assertThat(facts).containsEntry("elderly", 1L);
  }

  @Test
  void leavingOutTheMembersListChangesNoOtherFact() {
    UUID household = UUID.randomUUID();
    List<org.socius.people.MemberFacts> members =
        List.of(
            new org.socius.people.MemberFacts(
                household,
                null,
                null,
                LocalDate.of(1950, 3, 3),
                Sex.FEMALE,
                Relation.HEAD,
                DisabilityDegree.II,
                List.of(Category.ELDERLY),
                false,
                90_001),
            new org.socius.people.MemberFacts(
                household,
                null,
                null,
                LocalDate.of(2015, 3, 3),
                Sex.MALE,
                Relation.GRANDCHILD,
                null,
                List.of(),
                false,
                0));
    LocalDate on = LocalDate.of(2026, 12, 1);

    Map<String, Object> full = HouseholdFacts.ofMembers(members, on, true, Wanted.ALL);
    Map<String, Object> lean = HouseholdFacts.ofMembers(members, on, false, Wanted.ALL);

    assertThat(lean.get("members")).isEqualTo(List.of());
    assertThat(((List<?>) full.get("members"))).hasSize(2);
    full.remove("members");
    lean.remove("members");
    assertThat(lean).isEqualTo(full).containsEntry("size", 2L).containsEntry("income", 30_000L);
  }

  @Test
  void factsDrawnFromWhatWasNotReadAreLeftOutNotGivenAsZero() {
    UUID household = UUID.randomUUID();
    // As read without personal details or assets: only household, relation and income.
    List<org.socius.people.MemberFacts> members =
        List.of(
            new org.socius.people.MemberFacts(
                household, null, null, null, null, Relation.HEAD, null, List.of(), false, 90_001),
            new org.socius.people.MemberFacts(
                household, null, null, null, null, Relation.CHILD, null, List.of(), false, 0));
    LocalDate on = LocalDate.of(2026, 12, 1);

    Map<String, Object> facts =
        HouseholdFacts.ofMembers(members, on, false, new Wanted(false, false));

    assertThat(facts)
        .containsEntry("size", 2L)
        .containsEntry("income", 30_000L)
        .containsEntry("income_per_member", 15_000L)
        .doesNotContainKeys("children", "elderly", "disabled", "assets");
    // The list of members cannot be drawn from a read without their details.
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> HouseholdFacts.ofMembers(members, on, true, new Wanted(false, false)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
