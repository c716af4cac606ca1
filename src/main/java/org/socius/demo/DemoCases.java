package org.socius.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.socius.accounts.Sector;
import org.socius.accounts.UserAccount;
import org.socius.cases.Assessments;
import org.socius.cases.Case;
import org.socius.cases.CaseAccess;
import org.socius.cases.CaseFile;
import org.socius.cases.CaseWork;
import org.socius.cases.Cases;
import org.socius.cases.ClientAccess;
import org.socius.cases.ClientPortal;
import org.socius.people.People;
import org.socius.people.PeopleKinds.Category;
import org.socius.people.PeopleKinds.ConsentPurpose;
import org.socius.people.PeopleKinds.Sex;
import org.socius.people.Person;
import org.socius.people.PersonDetails;
import org.socius.people.PersonFiles;
import org.socius.platform.security.Actor;
import org.socius.territory.TerritoryUnit;
import org.springframework.stereotype.Component;

/**
 * Two cases of Harbour City: an old man reported by a neighbour, at the complex evaluation with a
 * health specialist on the team, his dependency scored and a restricted note, followed online by
 * his niece (the demo beneficiary's account) as his representative, who has written to the worker
 * and been answered; and a young mother who called the hotline, referred with her consent to a food
 * bank while her first evaluation runs.
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

  DemoCases(
      People people,
      PersonFiles personFiles,
      Cases cases,
      CaseWork work,
      Assessments assessments,
      ClientAccess clientAccess,
      ClientPortal portal) {
    this.people = people;
    this.personFiles = personFiles;
    this.cases = cases;
    this.work = work;
    this.assessments = assessments;
    this.clientAccess = clientAccess;
    this.portal = portal;
  }

  void load(
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
