package org.socius.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.socius.people.Household;
import org.socius.people.People;
import org.socius.people.PeopleKinds.IncomeSource;
import org.socius.people.PeopleKinds.Relation;
import org.socius.people.PeopleKinds.Sex;
import org.socius.people.Person;
import org.socius.people.PersonDetails;
import org.springframework.stereotype.Component;

/** Households registered for a test, with a steady monthly income per member. */
@Component
public class SampleHouseholds {

  private final People people;
  private final Fixtures fixtures;

  SampleHouseholds(People people, Fixtures fixtures) {
    this.people = people;
    this.fixtures = fixtures;
  }

  /** A member to register: born when, and earning how much each month (in currency units). */
  public record Member(LocalDate born, String monthlyIncome) {}

  /** The household and its head, who applies. */
  public record Sample(UUID householdId, UUID headId, List<UUID> memberIds) {}

  /**
   * Registers the members (the first is the head) in a municipality and their income for the four
   * months up to this one: the rules average the three before the month of a decision, whichever of
   * two months it falls in.
   */
  public Sample create(
      String worker, String municipalityCode, String family, List<Member> members) {
    UUID municipality = fixtures.unit(municipalityCode).id();
    return fixtures.as(
        worker,
        () -> {
          List<UUID> ids = new ArrayList<>();
          List<Household.NewMember> newMembers = new ArrayList<>();
          for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            Person p =
                people.register(
                    new PersonDetails(
                        family,
                        "Member" + i,
                        m.born(),
                        i == 0 ? Sex.FEMALE : Sex.MALE,
                        null,
                        municipality,
                        "",
                        "",
                        "",
                        "",
                        null,
                        null,
                        Set.of()),
                    true);
            ids.add(p.id());
            newMembers.add(
                new Household.NewMember(
                    p.id(),
                    i == 0 ? Relation.HEAD : Relation.CHILD,
                    false,
                    LocalDate.now().minusYears(1)));
            BigDecimal income = new BigDecimal(m.monthlyIncome());
            if (income.signum() > 0) {
              for (int back = 0; back <= 3; back++) {
                people.recordIncome(
                    p.id(), YearMonth.now().minusMonths(back), IncomeSource.WAGES, income);
              }
            }
          }
          Household h = people.createHousehold(municipality, "1 Test Street", newMembers);
          return new Sample(h.id(), ids.getFirst(), ids);
        });
  }
}
