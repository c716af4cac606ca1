package org.socius.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socius.accounts.Sector;
import org.socius.cases.Case.Outcome;
import org.socius.cases.Case.Source;
import org.socius.cases.Case.StepKind;
import org.socius.cases.CaseFile.ReferralTarget;
import org.socius.people.PeopleKinds.ConsentPurpose;
import org.socius.people.PersonFiles;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.socius.support.SampleHouseholds;
import org.socius.support.SampleHouseholds.Member;
import org.socius.territory.WorkingDays;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * A case from the one window to closure: routing, steps in order with their deadlines, the team,
 * the dependency scale, referrals with consent, and who sees what.
 */
@IntegrationTest
class CaseManagementTest {

  @Autowired Fixtures fixtures;
  @Autowired Cases cases;
  @Autowired CaseWork work;
  @Autowired Assessments assessments;
  @Autowired PersonFiles personFiles;
  @Autowired SampleHouseholds households;
  @Autowired WorkingDays workingDays;
  @Autowired Plans plans;
  @Autowired org.socius.catalogue.Catalogue catalogue;

  private UUID harbourPerson() {
    String family = "Cs" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    return households
        .create(
            "worker.harbour",
            "NV-N-01",
            family,
            List.of(new Member(LocalDate.of(1941, 4, 4), "150.00")))
        .headId();
  }

  private Case openFor(UUID person) {
    return fixtures.as(
        "worker.harbour",
        () ->
            cases.open(
                new Cases.NewCase(
                    person,
                    Sector.SOCIAL_PROTECTION,
                    Source.COMMUNITY,
                    "Neighbour at number 5",
                    "Lives alone, has not left the flat for a week.",
                    false,
                    "en",
                    null)));
  }

  private Case complete(Case c, StepKind step, Boolean complex, Boolean cont, Outcome outcome) {
    return fixtures.as(
        "worker.harbour",
        () ->
            cases.completeStep(
                c.id(),
                c.version(),
                new Cases.StepCompletion(step, "Done: " + step, complex, cont, outcome)));
  }

  /** A plan of hot meals from the first provider offered, agreed by the client. */
  private void agreeOnAPlan(Case c) {
    fixtures.as(
        "worker.harbour",
        () -> {
          Plan begun = plans.begin(c.id(), new Plans.NewVersion("Eat well at home.", null));
          LocalDate today = LocalDate.now();
          Plan planned =
              plans.addService(
                  c.id(),
                  begun.version(),
                  new Plans.NewService(
                      catalogue.serviceTypeByCode("HOT-MEALS").orElseThrow().id(),
                      java.math.BigDecimal.ONE,
                      "",
                      today,
                      today.plusMonths(3),
                      ""));
          Plan.Service meals = planned.services().getFirst();
          UUID provider =
              plans
                  .options(c.id(), meals.id(), 0, 1)
                  .providers()
                  .items()
                  .getFirst()
                  .registeredServiceId();
          Plan chosen = plans.choose(c.id(), planned.version(), meals.id(), provider);
          return plans.agree(
              c.id(), chosen.version(), new Plans.Agreement(Plan.AgreedAs.CLIENT, "The client"));
        });
  }

  private UUID instrument(String code) {
    return fixtures.as(
        "worker.harbour",
        () ->
            assessments.instruments().stream()
                .filter(i -> i.code().equals(code))
                .findFirst()
                .orElseThrow()
                .id());
  }

  @Test
  void aCommunityReportOpensACaseThatGoesThroughItsStepsInOrder() {
    UUID person = harbourPerson();
    Case opened = openFor(person);
    assertThat(opened.reference()).matches("C-\\d{4}-\\d{6}");
    // Routed to the municipality's own case worker, the first step due in five working days.
    assertThat(opened.workerName()).isEqualTo("Hanna Worker");
    Case.Step first = opened.current().orElseThrow();
    assertThat(first.kind()).isEqualTo(StepKind.INITIAL_EVALUATION);
    assertThat(first.dueOn())
        .isEqualTo(workingDays.addWorkingDays(opened.municipalityId(), first.startedOn(), 5));

    // A step cannot be skipped, and the refusal changes nothing.
    assertThatThrownBy(() -> complete(opened, StepKind.INDIVIDUAL_PLAN, null, null, null))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("CAS-0402");
    Case unchanged = fixtures.as("worker.harbour", () -> cases.get(opened.id()));
    assertThat(unchanged.version()).isEqualTo(opened.version());
    assertThat(unchanged.current().orElseThrow().kind()).isEqualTo(StepKind.INITIAL_EVALUATION);

    Case planning = complete(opened, StepKind.INITIAL_EVALUATION, null, null, null);
    assertThat(planning.current().orElseThrow().kind()).isEqualTo(StepKind.INTERVENTION_PLAN);
    // The intervention plan must say whether a team is needed.
    assertThatThrownBy(() -> complete(planning, StepKind.INTERVENTION_PLAN, null, null, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("CAS-0204");
    Case complex = complete(planning, StepKind.INTERVENTION_PLAN, true, null, null);
    assertThat(complex.current().orElseThrow().kind()).isEqualTo(StepKind.COMPLEX_EVALUATION);
    assertThat(complex.current().orElseThrow().dueOn())
        .isEqualTo(
            workingDays.addWorkingDays(
                complex.municipalityId(), complex.current().orElseThrow().startedOn(), 20));

    // Without a team, and then without an assessment, the complex evaluation cannot end.
    assertThatThrownBy(() -> complete(complex, StepKind.COMPLEX_EVALUATION, null, null, null))
        .hasMessageContaining("CAS-0403");
    UUID specialist = fixtures.user("specialist.health").id();
    fixtures.as("worker.harbour", () -> work.addMember(complex.id(), specialist, "Family doctor"));
    assertThatThrownBy(() -> complete(complex, StepKind.COMPLEX_EVALUATION, null, null, null))
        .hasMessageContaining("CAS-0404");

    // The specialist on the team scores the dependency scale: six areas of ten need help.
    Map<String, Integer> answers = new LinkedHashMap<>();
    for (String area :
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
            "household")) {
      answers.put(
          area,
          List.of("mobility", "hygiene", "toileting", "household", "eating", "health")
                  .contains(area)
              ? 1
              : 0);
    }
    UUID adl = instrument("ADL-10");
    CaseFile.Assessment scored =
        fixtures.as(
            "specialist.health",
            () -> assessments.assess(complex.id(), adl, answers, LocalDate.now()));
    assertThat(scored.scores()).containsEntry("areas", 6);
    assertThat(scored.results()).containsEntry("degree", "Degree II (medium dependency)");
    assertThat(scored.instrumentVersion()).isEqualTo(1);

    Case plan = complete(complex, StepKind.COMPLEX_EVALUATION, null, null, null);
    assertThat(plan.current().orElseThrow().kind()).isEqualTo(StepKind.INDIVIDUAL_PLAN);
    agreeOnAPlan(plan);
    Case implementing =
        complete(
            fixtures.as("worker.harbour", () -> cases.get(plan.id())),
            StepKind.INDIVIDUAL_PLAN,
            null,
            null,
            null);
    Case monitoring = complete(implementing, StepKind.IMPLEMENTATION, null, null, null);
    // A review that continues the help starts the next review.
    Case reviewed = complete(monitoring, StepKind.MONITORING, null, true, null);
    assertThat(reviewed.current().orElseThrow().kind()).isEqualTo(StepKind.MONITORING);
    assertThat(reviewed.current().orElseThrow().seq())
        .isEqualTo(monitoring.current().orElseThrow().seq() + 1);
    Case closing = complete(reviewed, StepKind.MONITORING, null, false, null);
    assertThatThrownBy(() -> complete(closing, StepKind.CLOSURE, null, null, null))
        .hasMessageContaining("CAS-0206");
    Case closed = complete(closing, StepKind.CLOSURE, null, null, Outcome.GOALS_MET);
    assertThat(closed.status()).isEqualTo(Case.Status.CLOSED);
    assertThat(closed.outcome()).isEqualTo(Outcome.GOALS_MET);
    assertThat(closed.steps()).allMatch(s -> s.completedAt() != null);

    CaseFile file = fixtures.as("worker.harbour", () -> cases.file(closed.id()));
    assertThat(file.history())
        .extracting(CaseFile.Event::kind)
        .contains("OPENED", "ASSIGNED", "MEMBER_JOINED", "STEP_COMPLETED", "CLOSED");
    // Steps and outcomes are kept as codes, for each reader to see in their language.
    assertThat(file.history())
        .filteredOn(e -> e.kind().equals("STEP_COMPLETED") || e.kind().equals("CLOSED"))
        .extracting(CaseFile.Event::detailKey)
        .contains("cases.step.INITIAL_EVALUATION", "cases.outcome.GOALS_MET")
        .doesNotContainNull();
    assertThat(file.assessments()).hasSize(1);
  }

  @Test
  void aStaleFormIsRefusedAndAWorkerOfAnotherMunicipalityDoesNotSeeTheCase() {
    Case opened = openFor(harbourPerson());
    complete(opened, StepKind.INITIAL_EVALUATION, null, null, null);
    // The same form sent again: the step it names is over.
    assertThatThrownBy(() -> complete(opened, StepKind.INITIAL_EVALUATION, null, null, null))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("CAS-0402");
    assertThatThrownBy(() -> complete(opened, StepKind.INTERVENTION_PLAN, false, null, null))
        .isInstanceOf(ConflictException.class)
        .satisfies(e -> assertThat(((ConflictException) e).isStaleVersion()).isTrue());

    assertThatThrownBy(() -> fixtures.as("worker.riverside", () -> cases.get(opened.id())))
        .isInstanceOf(NotFoundException.class);
    assertThat(
            fixtures.as(
                "worker.riverside",
                () -> cases.caseload(Cases.Caseload.ALL, null, false, 0, 100).items()))
        .noneMatch(s -> s.id().equals(opened.id()));
    // A case goes only to a worker whose territory reaches its municipality.
    UUID riverside = fixtures.user("worker.riverside").id();
    Case current = fixtures.as("worker.harbour", () -> cases.get(opened.id()));
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "worker.harbour",
                    () -> cases.assign(opened.id(), current.version(), riverside)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("CAS-0109");
    assertThat(fixtures.as("worker.harbour", () -> work.staffing(opened.id()).workers()))
        .extracting(c -> c.username())
        .contains("worker.harbour")
        .doesNotContain("worker.riverside");
    // An inspector has no part in cases.
    assertThatThrownBy(() -> fixtures.as("inspector", () -> cases.get(opened.id())))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void aTeamSpecialistSeesOnlyTheCasesTheyAreOnAndNoRestrictedNotes() {
    Case theirs = openFor(harbourPerson());
    Case other = openFor(harbourPerson());
    UUID specialist = fixtures.user("specialist.health").id();
    fixtures.as("worker.harbour", () -> work.addMember(theirs.id(), specialist, "Nurse"));
    fixtures.as(
        "worker.harbour", () -> work.addNote(theirs.id(), "Disclosed violence at home.", true));
    fixtures.as(
        "worker.harbour", () -> work.addNote(theirs.id(), "Prefers morning visits.", false));
    // Calling the same colleague twice is refused.
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "worker.harbour", () -> work.addMember(theirs.id(), specialist, "Nurse")))
        .hasMessageContaining("CAS-0504");

    List<CaseSummary> caseload =
        fixtures.as(
            "specialist.health",
            () -> cases.caseload(Cases.Caseload.ALL, null, false, 0, 100).items());
    assertThat(caseload).extracting(CaseSummary::id).contains(theirs.id());
    assertThat(caseload).extracting(CaseSummary::id).doesNotContain(other.id());
    assertThatThrownBy(() -> fixtures.as("specialist.health", () -> cases.get(other.id())))
        .isInstanceOf(NotFoundException.class);

    CaseFile seenByTeam = fixtures.as("specialist.health", () -> cases.file(theirs.id()));
    assertThat(seenByTeam.notes())
        .extracting(CaseFile.Note::text)
        .containsExactly("Prefers morning visits.");
    CaseFile seenByWorker = fixtures.as("worker.harbour", () -> cases.file(theirs.id()));
    assertThat(seenByWorker.notes()).hasSize(2);
    // The specialist writes notes, but cannot restrict them, nor move the case on.
    fixtures.as(
        "specialist.health", () -> work.addNote(theirs.id(), "Blood pressure high.", false));
    assertThatThrownBy(
            () -> fixtures.as("specialist.health", () -> work.addNote(theirs.id(), "x", true)))
        .hasMessageContaining("CAS-0505");
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "specialist.health",
                    () ->
                        cases.completeStep(
                            theirs.id(),
                            theirs.version(),
                            new Cases.StepCompletion(
                                StepKind.INITIAL_EVALUATION, "x", null, null, null))))
        .isInstanceOf(AccessDeniedException.class);

    // Off the team, the case is gone from the specialist's view.
    UUID member =
        seenByWorker.team().stream()
            .filter(m -> m.userId().equals(specialist))
            .findFirst()
            .orElseThrow()
            .id();
    fixtures.as(
        "worker.harbour",
        () -> {
          work.removeMember(theirs.id(), member);
          return null;
        });
    assertThatThrownBy(() -> fixtures.as("specialist.health", () -> cases.get(theirs.id())))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aReferralNeedsTheClientsConsentToShareTheirData() {
    UUID person = harbourPerson();
    Case c = openFor(person);
    CaseWork.NewReferral referral =
        new CaseWork.NewReferral(
            ReferralTarget.CHARITY, "Harbour Food Bank", null, "Food parcels while income is low.");
    assertThatThrownBy(() -> fixtures.as("worker.harbour", () -> work.refer(c.id(), referral)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("CAS-0516");
    assertThat(fixtures.as("worker.harbour", () -> cases.file(c.id())).referrals()).isEmpty();

    var consent =
        fixtures.as(
            "worker.harbour",
            () -> personFiles.giveConsent(person, ConsentPurpose.DATA_SHARING, LocalDate.now()));
    CaseFile.Referral made = fixtures.as("worker.harbour", () -> work.refer(c.id(), referral));
    assertThat(made.consentId()).isEqualTo(consent.id());
    assertThat(fixtures.as("worker.harbour", () -> cases.file(c.id())).referrals())
        .extracting(CaseFile.Referral::toName)
        .containsExactly("Harbour Food Bank");
  }

  @Test
  void aCaseEndsEarlyOnlyForAReasonThatEndsIt() {
    Case c = openFor(harbourPerson());
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "worker.harbour",
                    () -> cases.closeEarly(c.id(), c.version(), Outcome.GOALS_MET, "Done")))
        .hasMessageContaining("CAS-0203");
    Case closed =
        fixtures.as(
            "worker.harbour",
            () -> cases.closeEarly(c.id(), c.version(), Outcome.MOVED_AWAY, "Moved to the coast."));
    assertThat(closed.status()).isEqualTo(Case.Status.CLOSED);
    assertThat(closed.outcome()).isEqualTo(Outcome.MOVED_AWAY);
    assertThatThrownBy(
            () -> fixtures.as("worker.harbour", () -> work.addTask(c.id(), "Call", null, null)))
        .hasMessageContaining("CAS-0401");
  }
}
