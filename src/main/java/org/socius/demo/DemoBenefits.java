package org.socius.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.socius.accounts.UserAccount;
import org.socius.benefits.Application;
import org.socius.benefits.Applications;
import org.socius.people.Household;
import org.socius.people.People;
import org.socius.people.PeopleKinds.Category;
import org.socius.people.PeopleKinds.IncomeSource;
import org.socius.people.PeopleKinds.Relation;
import org.socius.people.PeopleKinds.Sex;
import org.socius.people.Person;
import org.socius.people.PersonDetails;
import org.socius.platform.security.Actor;
import org.socius.programmes.Programme;
import org.socius.programmes.Programmes;
import org.socius.territory.TerritoryUnit;
import org.springframework.stereotype.Component;

/**
 * Three households of Harbour City and their applications, so that every step of deciding shows: a
 * family on minimum income whose provisional decision is on the public board, an elderly couple
 * whose application waits for the investigation, and a father granted temporary assistance on the
 * urgent path, with the decision's explanation.
 */
@Component
class DemoBenefits {

  private final People people;
  private final Applications applications;
  private final Programmes programmes;

  DemoBenefits(People people, Applications applications, Programmes programmes) {
    this.people = people;
    this.applications = applications;
    this.programmes = programmes;
  }

  private record Member(String given, LocalDate born, Sex sex, Relation relation, String income) {}

  void load(TerritoryUnit harbour, UserAccount workerAccount, UserAccount officerAccount) {
    Actor worker = DemoActors.of(workerAccount);
    Actor officer = DemoActors.of(officerAccount);
    LocalDate today = LocalDate.now();

    UUID petrenko =
        household(
            worker,
            harbour,
            "Petrenko",
            "12 Net Makers Lane, Harbour City",
            List.of(
                new Member("Oksana", today.minusYears(38), Sex.FEMALE, Relation.HEAD, "250.00"),
                new Member("Taras", today.minusYears(11), Sex.MALE, Relation.CHILD, "0"),
                new Member("Mila", today.minusYears(6), Sex.FEMALE, Relation.CHILD, "0")));
    Application onNotice = apply(worker, petrenko, "MIN-INCOME", false);
    DemoActors.as(
        worker,
        () ->
            applications.completeStep(
                onNotice.id(),
                onNotice.version(),
                "Home visit: three rooms, rented; pay slips of the last three months seen."));

    UUID okafor =
        household(
            worker,
            harbour,
            "Okafor",
            "4 Lighthouse Road, Harbour City",
            List.of(
                new Member("Grace", today.minusYears(76), Sex.FEMALE, Relation.HEAD, "180.00"),
                new Member("Samuel", today.minusYears(79), Sex.MALE, Relation.SPOUSE, "210.00")));
    apply(worker, okafor, "MIN-INCOME", false);

    UUID lindqvist =
        household(
            worker,
            harbour,
            "Lindqvist",
            "7 Dockside Street, Harbour City",
            List.of(
                new Member("Erik", today.minusYears(34), Sex.MALE, Relation.HEAD, "150.00"),
                new Member("Ada", today.minusYears(4), Sex.FEMALE, Relation.CHILD, "0")));
    Application urgent = apply(worker, lindqvist, "TEMP-ASSIST", true);
    DemoActors.as(
        officer,
        () ->
            applications.completeStep(
                urgent.id(), urgent.version(), "Flat damaged by fire; urgent help approved."));
  }

  /** Registers the members, their incomes of the last four months, and their household. */
  private UUID household(
      Actor worker, TerritoryUnit harbour, String family, String address, List<Member> members) {
    return DemoActors.as(
        worker,
        () -> {
          List<Household.NewMember> newMembers = new ArrayList<>();
          for (Member m : members) {
            Person p =
                people.register(
                    new PersonDetails(
                        family,
                        m.given(),
                        m.born(),
                        m.sex(),
                        null,
                        harbour.id(),
                        address,
                        address,
                        "",
                        "",
                        null,
                        null,
                        m.born().isBefore(LocalDate.now().minusYears(65))
                            ? Set.of(Category.ELDERLY)
                            : Set.of()),
                    true);
            BigDecimal income = new BigDecimal(m.income());
            if (income.signum() > 0) {
              for (int back = 0; back <= 3; back++) {
                people.recordIncome(
                    p.id(),
                    YearMonth.now().minusMonths(back),
                    m.born().isBefore(LocalDate.now().minusYears(65))
                        ? IncomeSource.PENSION
                        : IncomeSource.WAGES,
                    income);
              }
            }
            newMembers.add(
                new Household.NewMember(
                    p.id(), m.relation(), false, LocalDate.now().minusYears(2)));
          }
          return people.createHousehold(harbour.id(), address, newMembers).id();
        });
  }

  private Application apply(Actor worker, UUID household, String programme, boolean urgent) {
    UUID programmeId =
        programmes.all().stream()
            .filter(p -> p.code().equals(programme))
            .map(Programme::id)
            .findFirst()
            .orElseThrow();
    return DemoActors.as(
        worker,
        () -> {
          UUID head =
              people.householdOn(household, LocalDate.now()).members().stream()
                  .filter(m -> m.relation() == Relation.HEAD)
                  .findFirst()
                  .orElseThrow()
                  .person()
                  .id();
          return applications.submit(
              new Applications.NewApplication(
                  programmeId, head, Application.Channel.PERSON, null, urgent, "en"));
        });
  }
}
