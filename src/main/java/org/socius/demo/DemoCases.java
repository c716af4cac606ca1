package org.socius.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.socius.accounts.Sector;
import org.socius.accounts.UserAccount;
import org.socius.cases.Agreement;
import org.socius.cases.Agreements;
import org.socius.cases.Assessments;
import org.socius.cases.Case;
import org.socius.cases.CaseAccess;
import org.socius.cases.CaseFile;
import org.socius.cases.CaseWork;
import org.socius.cases.Cases;
import org.socius.cases.ClientAccess;
import org.socius.cases.ClientPortal;
import org.socius.cases.Plan;
import org.socius.cases.Plans;
import org.socius.catalogue.Catalogue;
import org.socius.people.Household;
import org.socius.people.People;
import org.socius.people.PeopleKinds.Category;
import org.socius.people.PeopleKinds.ConsentPurpose;
import org.socius.people.PeopleKinds.IncomeSource;
import org.socius.people.PeopleKinds.Relation;
import org.socius.people.PeopleKinds.Sex;
import org.socius.people.Person;
import org.socius.people.PersonDetails;
import org.socius.people.PersonFiles;
import org.socius.platform.security.Actor;
import org.socius.providers.PublicRegister;
import org.socius.territory.TerritoryUnit;
import org.springframework.stereotype.Component;

/**
 * Two cases of Harbour City: an old man reported by a neighbour, evaluated with a health specialist
 * on the team, his dependency scored and a restricted note, followed online by his niece (the demo
 * beneficiary's account) as his representative, who has written to the worker and been answered,
 * and whose plan she agreed with two providers; and a young mother who called the hotline, referred
 * with her consent to a food bank while her first evaluation runs.
 */
@Component
class DemoCases {

  private static final List<String> AREAS =
      List.of(
          "mobility",
          "orientation",
          "communication",
          "eating",
          "dressing",
          "hygiene",
          "toileting",
          "health",
          "activities",
          "household");

  private final People people;
  private final PersonFiles personFiles;
  private final Cases cases;
  private final CaseWork work;
  private final Assessments assessments;
  private final ClientAccess clientAccess;
  private final ClientPortal portal;
  private final Plans plans;
  private final Agreements agreements;
  private final Catalogue catalogue;

  DemoCases(
      People people,
      PersonFiles personFiles,
      Cases cases,
      CaseWork work,
      Assessments assessments,
      ClientAccess clientAccess,
      ClientPortal portal,
      Plans plans,
      Agreements agreements,
      Catalogue catalogue) {
    this.people = people;
    this.personFiles = personFiles;
    this.cases = cases;
    this.work = work;
    this.assessments = assessments;
    this.clientAccess = clientAccess;
    this.portal = portal;
    this.plans = plans;
    this.agreements = agreements;
    this.catalogue = catalogue;
  }

  /** Loads the two cases; answers the old man's, whose plan {@link #agreePlan} writes. */
  UUID load(
      TerritoryUnit harbour,
      UserAccount workerAccount,
      UserAccount specialistAccount,
      UserAccount niece) {
    Actor worker = DemoActors.of(workerAccount);
    Actor specialist = DemoActors.of(specialistAccount);
    LocalDate today = LocalDate.now();

    Person sokolov =
        person(
            worker,
            harbour,
            "Sokolov",
            "Viktor",
            today.minusYears(84),
            Sex.MALE,
            "9 Old Pier Street, Harbour City",
            Set.of(Category.ELDERLY));
    livesAlone(worker, harbour, sokolov, "9 Old Pier Street, Harbour City", "310.00");
    Case old =
        DemoActors.as(
            worker,
            () ->
                cases.open(
                    new Cases.NewCase(
                        sokolov.id(),
                        Sector.SOCIAL_PROTECTION,
                        Case.Source.COMMUNITY,
                        "Neighbour, flat 3",
                        "Lives alone since his wife died; has fallen twice and does not shop.",
                        false,
                        "en",
                        null)));
    Case planning =
        DemoActors.as(
            worker,
            () ->
                cases.completeStep(
                    old.id(),
                    old.version(),
                    new Cases.StepCompletion(
                        Case.StepKind.INITIAL_EVALUATION,
                        "Home visit: frail, unsteady, fridge empty; son lives abroad.",
                        null,
                        null,
                        null)));
    DemoActors.as(
        worker,
        () ->
            cases.completeStep(
                planning.id(),
                planning.version(),
                new Cases.StepCompletion(
                    Case.StepKind.INTERVENTION_PLAN,
                    "Home care and meals on wheels; disability assessment; a team to evaluate.",
                    true,
                    null,
                    null)));
    DemoActors.as(worker, () -> work.addMember(old.id(), specialistAccount.id(), "Family doctor"));
    DemoActors.as(
        worker,
        () ->
            work.addNote(
                old.id(),
                "The son asks that the neighbour not be told of his father's debts.",
                true));
    DemoActors.as(
        worker,
        () ->
            work.addTask(
                old.id(), "Ask the son about a key safe", "worker.harbour", today.plusDays(5)));
    UUID adl =
        DemoActors.as(
            worker,
            () ->
                assessments.instruments().stream()
                    .filter(i -> i.code().equals("ADL-10"))
                    .findFirst()
                    .orElseThrow()
                    .id());
    Map<String, Integer> answers = new LinkedHashMap<>();
    Set<String> needsHelp =
        Set.of("mobility", "eating", "dressing", "hygiene", "health", "activities", "household");
    for (String area : AREAS) {
      answers.put(area, needsHelp.contains(area) ? 1 : 0);
    }
    DemoActors.as(specialist, () -> assessments.assess(old.id(), adl, answers, today));
    DemoActors.as(
        worker,
        () -> clientAccess.give(old.id(), niece.username(), CaseAccess.Capacity.REPRESENTATIVE));
    DemoActors.as(
        DemoActors.of(niece),
        () ->
            portal.send(
                old.id(),
                "My uncle would rather have his meals brought at noon. Can the carers come before"
                    + " ten in the morning?"));
    DemoActors.as(
        worker,
        () ->
            clientAccess.reply(
                old.id(),
                "Noted for his plan: meals at noon, morning visits before ten. The team meets on"
                    + " Thursday; I will write to you after."));

    Person yusuf =
        person(
            worker,
            harbour,
            "Yusuf",
            "Amina",
            today.minusYears(29),
            Sex.FEMALE,
            "21 Rope Walk, Harbour City",
            Set.of());
    Case young =
        DemoActors.as(
            worker,
            () ->
                cases.open(
                    new Cases.NewCase(
                        yusuf.id(),
                        Sector.SOCIAL_PROTECTION,
                        Case.Source.HOTLINE,
                        "",
                        "Lost her job; two small children; rent two months behind.",
                        true,
                        "en",
                        null)));
    DemoActors.as(
        worker, () -> personFiles.giveConsent(yusuf.id(), ConsentPurpose.DATA_SHARING, today));
    DemoActors.as(
        worker,
        () ->
            work.refer(
                young.id(),
                new CaseWork.NewReferral(
                    CaseFile.ReferralTarget.CHARITY,
                    "Harbour Food Bank",
                    null,
                    "Food parcels until her income is restored.")));
    return old.id();
  }

  /**
   * The team's evaluation done, the plan the niece agreed for her uncle: home care every morning by
   * Harbour Care Association, which has accepted its agreement, and a hot lunch by St Nicholas
   * Parish Charity, whose agreement waits for its answer. The case is at the plan's implementation.
   * Answers the accepted agreement. Providers are chosen from the public register, whose search
   * index is built when the register commits: this runs in a transaction after the one that loaded
   * the register.
   */
  Agreement agreePlan(
      UUID caseId, UserAccount workerAccount, UserAccount niece, UserAccount providerAccount) {
    Actor worker = DemoActors.of(workerAccount);
    Actor providerStaff = DemoActors.of(providerAccount);
    String representative = niece.displayName();
    // The services began two weeks ago, so that their delivery shows.
    LocalDate began = LocalDate.now().minusDays(14);
    DemoActors.as(
        worker,
        () ->
            completeStep(
                caseId,
                Case.StepKind.COMPLEX_EVALUATION,
                "Team meeting: home care every morning and a hot lunch; the niece represents him."));
    Plan begun =
        DemoActors.as(
            worker,
            () ->
                plans.begin(
                    caseId,
                    new Plans.NewVersion(
                        "Stay safely at home: washed, dressed and fed, with his medication taken.",
                        null)));
    Plan withCare =
        DemoActors.as(
            worker,
            () ->
                plans.addService(
                    caseId,
                    begun.version(),
                    new Plans.NewService(
                        catalogue.serviceTypeByCode("HOME-CARE").orElseThrow().id(),
                        new BigDecimal("2"),
                        "every morning before ten",
                        began,
                        began.plusMonths(6),
                        "")));
    Plan withMeals =
        DemoActors.as(
            worker,
            () ->
                plans.addService(
                    caseId,
                    withCare.version(),
                    new Plans.NewService(
                        catalogue.serviceTypeByCode("HOT-MEALS").orElseThrow().id(),
                        new BigDecimal("31"),
                        "a hot lunch at noon",
                        began,
                        began.plusMonths(6),
                        "")));
    Plan chosen = choose(worker, caseId, withMeals, "Home care", "Harbour Care Association");
    chosen = choose(worker, caseId, chosen, "Hot meals", "St Nicholas Parish Charity");
    Plan agreed = chosen;
    DemoActors.as(
        worker,
        () ->
            plans.agree(
                caseId,
                agreed.version(),
                new Plans.Agreement(Plan.AgreedAs.REPRESENTATIVE, representative)));
    List<Agreement> drawn = DemoActors.as(worker, () -> agreements.drawUp(caseId));
    Agreement care =
        drawn.stream()
            .filter(a -> a.providerName().equals("Harbour Care Association"))
            .findFirst()
            .orElseThrow();
    Agreement accepted =
        DemoActors.as(providerStaff, () -> agreements.accept(care.id(), care.version()));
    DemoActors.as(
        worker,
        () -> completeStep(caseId, Case.StepKind.INDIVIDUAL_PLAN, "Plan agreed with the niece."));
    return accepted;
  }

  private Case completeStep(UUID caseId, Case.StepKind step, String record) {
    Case c = cases.get(caseId);
    return cases.completeStep(
        caseId, c.version(), new Cases.StepCompletion(step, record, null, null, null));
  }

  /** The client's choice of the provider named for the service named, as the worker records it. */
  private Plan choose(Actor worker, UUID caseId, Plan draft, String service, String provider) {
    return DemoActors.as(
        worker,
        () -> {
          Plan.Service line =
              draft.services().stream()
                  .filter(s -> s.serviceName().equals(service))
                  .findFirst()
                  .orElseThrow();
          PublicRegister.Entry where =
              plans.options(caseId, line.id(), 0, 20).providers().items().stream()
                  .filter(e -> e.providerName().equals(provider))
                  .findFirst()
                  .orElseThrow();
          return plans.choose(caseId, draft.version(), line.id(), where.registeredServiceId());
        });
  }

  /** A household of the one person, with their pension of the last four months. */
  private void livesAlone(
      Actor worker, TerritoryUnit harbour, Person person, String address, String pension) {
    DemoActors.as(
        worker,
        () -> {
          for (int back = 0; back <= 3; back++) {
            people.recordIncome(
                person.id(),
                YearMonth.now().minusMonths(back),
                IncomeSource.PENSION,
                new BigDecimal(pension));
          }
          return people.createHousehold(
              harbour.id(),
              address,
              List.of(
                  new Household.NewMember(
                      person.id(), Relation.HEAD, false, LocalDate.now().minusYears(2))));
        });
  }

  private Person person(
      Actor worker,
      TerritoryUnit harbour,
      String family,
      String given,
      LocalDate born,
      Sex sex,
      String address,
      Set<Category> categories) {
    return DemoActors.as(
        worker,
        () ->
            people.register(
                new PersonDetails(
                    family,
                    given,
                    born,
                    sex,
                    null,
                    harbour.id(),
                    address,
                    address,
                    "",
                    "",
                    null,
                    null,
                    categories),
                true));
  }
}
