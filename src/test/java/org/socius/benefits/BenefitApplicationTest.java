package org.socius.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socius.benefits.Application.Channel;
import org.socius.benefits.Workflow.StepKind;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.security.Role;
import org.socius.programmes.Programme;
import org.socius.programmes.Programmes;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.socius.support.SampleHouseholds;
import org.socius.support.SampleHouseholds.Member;
import org.socius.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

/**
 * An application from intake to decision through the standard workflow: investigation, a public
 * notice with an objection, approval by the regional officer; the decision's explanation; appeals;
 * the urgent path; and what each step refuses.
 */
@IntegrationTest
class BenefitApplicationTest {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired Applications applications;
  @Autowired Decisions decisions;
  @Autowired Programmes programmes;
  @Autowired SampleHouseholds households;
  @Autowired TestClock clock;

  @AfterEach
  void putTheClockBack() {
    clock.reset();
  }

  /** Takes in an application as a user, through the same checks as the pages. */
  private Application submit(String user, Applications.NewApplication application) {
    return fixtures.as(user, () -> applications.submit(application));
  }

  private UUID programme(String code) {
    return programmes.all().stream()
        .filter(p -> p.code().equals(code))
        .map(Programme::id)
        .findFirst()
        .orElseThrow();
  }

  private static String family() {
    return "Wf" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
  }

  @Test
  void anEligibleHouseholdIsGrantedThroughEveryStepAndTheDecisionExplainsTheAmount() {
    // A mother earning 200.00 a month and her son: 100.00 per member, below Harbour's line
    // (360.00).
    var sample =
        households.create(
            "worker.harbour",
            "NV-N-01",
            family(),
            List.of(
                new Member(LocalDate.of(1985, 3, 3), "200.00"),
                new Member(LocalDate.of(2015, 5, 5), "0")));
    UUID minIncome = programme("MIN-INCOME");
    Application submitted =
        submit(
            "worker.harbour",
            new Applications.NewApplication(
                minIncome, sample.headId(), Channel.PERSON, null, false, "ru"));
    assertThat(submitted.steps())
        .extracting(Application.Step::kind)
        .containsExactly(StepKind.INVESTIGATION, StepKind.PUBLIC_NOTICE, StepKind.APPROVAL);
    assertThat(submitted.current().orElseThrow().dueAt()).isNotNull();
    assertThat(submitted.reference()).matches("A-\\d{4}-\\d{6}");

    // A second application for the same household and programme waits for the first.
    assertThatThrownBy(
            () ->
                submit(
                    "worker.harbour",
                    new Applications.NewApplication(
                        minIncome, sample.headId(), Channel.PERSON, null, false, "en")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("BEN-0209");

    // The means test, as the worker sees it during the investigation.
    var assessment = fixtures.as("worker.harbour", () -> applications.assess(submitted.id()));
    assertThat(assessment.eligible()).isTrue();
    assertThat(assessment.amountCents()).isEqualTo(36_000L * 2 - 20_000L);

    Application noticed =
        fixtures.as(
            "worker.harbour",
            () ->
                applications.completeStep(
                    submitted.id(), submitted.version(), "Visited the household; pay slips seen."));
    assertThat(noticed.current().orElseThrow().kind()).isEqualTo(StepKind.PUBLIC_NOTICE);
    Application.Notice notice = noticed.notice().orElseThrow();
    assertThat(notice.reference()).isEqualTo(submitted.reference());
    assertThat(notice.amountCents()).isEqualTo(52_000L);
    assertThat(notice.householdSize()).isEqualTo(2);
    // The public list shows the notice without anything that names the household.
    assertThat(applications.openNotices()).contains(notice);

    // The notice runs its days before the step can complete.
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "worker.harbour",
                    () -> applications.completeStep(noticed.id(), noticed.version(), "")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("BEN-0212");

    applications.object(notice.reference(), "They have a car and a shop.");
    clock.advance(Duration.ofDays(14));
    assertThatThrownBy(() -> applications.object(notice.reference(), "Too late."))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("BEN-0216");
    Application objected = fixtures.as("worker.harbour", () -> applications.get(noticed.id()));
    assertThat(objected.objections()).hasSize(1);
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "worker.harbour",
                    () -> applications.completeStep(objected.id(), objected.version(), "")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("BEN-0213");
    Application answered =
        fixtures.as(
            "worker.harbour",
            () ->
                applications.answerObjection(
                    objected.id(),
                    objected.objections().getFirst().id(),
                    "Checked: the shop closed last year; no car is registered."));
    Application toApprove =
        fixtures.as(
            "worker.harbour",
            () ->
                applications.completeStep(
                    answered.id(), answered.version(), "No objection stands."));
    assertThat(toApprove.current().orElseThrow().kind()).isEqualTo(StepKind.APPROVAL);

    // The approval is the regional officer's.
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "worker.harbour",
                    () -> applications.completeStep(toApprove.id(), toApprove.version(), "")))
        .isInstanceOf(AccessDeniedException.class);
    Application granted =
        fixtures.as(
            "officer.north",
            () -> applications.completeStep(toApprove.id(), toApprove.version(), "Approved."));
    assertThat(granted.status()).isEqualTo(Application.Status.GRANTED);
    assertThat(granted.current()).isEmpty();

    Decision decision = fixtures.as("worker.harbour", () -> decisions.get(granted.decisionId()));
    assertThat(decision.outcome()).isEqualTo(Decision.Outcome.GRANTED);
    assertThat(decision.amountCents()).isEqualTo(52_000L);
    Decision.Criterion line = decision.explanation().criteria().getFirst();
    assertThat(line.passed()).isTrue();
    assertThat(line.expression())
        .isEqualTo(
            "(household.income + household.other_benefits) / household.size"
                + " < params.local_line");
    assertThat(line.values())
        .containsEntry("household.income", 20_000)
        .containsEntry("household.other_benefits", 0)
        .containsEntry("params.local_line", 36_000);
    assertThat(decision.explanation().values()).containsEntry("household.size", 2);

    var entitlements =
        fixtures.as("worker.harbour", () -> decisions.entitlementsOf(sample.householdId()));
    assertThat(entitlements)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.amountCents()).isEqualTo(52_000L);
              assertThat(e.validTo()).isNull();
              assertThat(e.decisionId()).isEqualTo(decision.id());
            });
    // A worker of another municipality does not learn the application exists.
    assertThatThrownBy(() -> fixtures.as("worker.riverside", () -> applications.get(granted.id())))
        .isInstanceOf(NotFoundException.class);
    // Nor can a granted application move again, or its household apply twice.
    assertThatThrownBy(
            () ->
                submit(
                    "worker.harbour",
                    new Applications.NewApplication(
                        minIncome, sample.headId(), Channel.PERSON, null, false, "en")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("BEN-0208");
  }

  @Test
  void aRefusalNamesTheCriterionThatFailedAndAnUpheldAppealDecidesAgain() {
    // 500.00 per member: above Harbour's line.
    var sample =
        households.create(
            "worker.harbour",
            "NV-N-01",
            family(),
            List.of(new Member(LocalDate.of(1980, 1, 1), "500.00")));
    UUID minIncome = programme("MIN-INCOME");
    Application a =
        submit(
            "worker.harbour",
            new Applications.NewApplication(
                minIncome, sample.headId(), Channel.REPRESENTATIVE, "Olga Neighbour", false, "en"));
    Application b =
        fixtures.as("worker.harbour", () -> applications.completeStep(a.id(), a.version(), ""));
    clock.advance(Duration.ofDays(14));
    Application c =
        fixtures.as("worker.harbour", () -> applications.completeStep(b.id(), b.version(), ""));
    Application refused =
        fixtures.as("officer.north", () -> applications.completeStep(c.id(), c.version(), ""));
    assertThat(refused.status()).isEqualTo(Application.Status.REFUSED);
    Decision decision = fixtures.as("officer.north", () -> decisions.get(refused.decisionId()));
    assertThat(decision.explanation().failed())
        .containsExactly("Income per member below the local line");
    assertThat(decision.amountCents()).isZero();
    assertThat(fixtures.as("worker.harbour", () -> decisions.entitlementsOf(sample.householdId())))
        .isEmpty();

    assertThatThrownBy(
            () -> fixtures.as("worker.harbour", () -> decisions.lodgeAppeal(decision.id(), " ")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("BEN-0401");
    Decision appealed =
        fixtures.as(
            "worker.harbour",
            () -> decisions.lodgeAppeal(decision.id(), "The income was counted twice."));
    assertThat(appealed.appeals())
        .singleElement()
        .satisfies(
            appeal -> {
              assertThat(appeal.status()).isEqualTo(Decision.AppealStatus.OPEN);
              assertThat(appeal.dueOn()).isAfter(LocalDate.now(clock));
            });
    assertThatThrownBy(
            () ->
                fixtures.as("worker.harbour", () -> decisions.lodgeAppeal(decision.id(), "Again")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("BEN-0402");
    UUID appealId = appealed.appeals().getFirst().id();
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "worker.harbour",
                    () -> decisions.resolveAppeal(decision.id(), appealId, true, "Upheld")))
        .isInstanceOf(AccessDeniedException.class);
    // Answered only through its own decision: through another, the appeal is not found.
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "officer.north",
                    () -> decisions.resolveAppeal(UUID.randomUUID(), appealId, false, "No")))
        .isInstanceOf(NotFoundException.class);
    // Upheld: assessed again on today's facts, which have not changed, so refused again.
    Decision again =
        fixtures.as(
            "officer.north",
            () ->
                decisions.resolveAppeal(
                    decision.id(), appealId, true, "Income recounted from the records."));
    assertThat(again.id()).isNotEqualTo(decision.id());
    assertThat(again.outcome()).isEqualTo(Decision.Outcome.REFUSED);
    assertThat(fixtures.as("officer.north", () -> decisions.get(decision.id())).appeals())
        .singleElement()
        .satisfies(
            appeal -> {
              assertThat(appeal.status()).isEqualTo(Decision.AppealStatus.UPHELD);
              assertThat(appeal.newDecisionId()).isEqualTo(again.id());
            });
    // Answered once: a second answer is refused and changes nothing.
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "officer.north",
                    () -> decisions.resolveAppeal(decision.id(), appealId, false, "Changed mind")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("BEN-0404");
  }

  @Test
  void aLastResortCountsTheBenefitsOfTheProgrammesConsideredBeforeIt() {
    // A mother earning 100.00 and her son of five: the child allowance pays 90.00 first.
    var sample =
        households.create(
            "worker.harbour",
            "NV-N-01",
            family(),
            List.of(
                new Member(LocalDate.of(1990, 4, 4), "100.00"),
                new Member(LocalDate.now().minusYears(5), "0")));
    Decision allowance =
        fixtures.as(
            "officer.north",
            () -> decisions.decide(programme("CHILD-ALLOW"), sample.householdId(), null));
    assertThat(allowance.amountCents()).isEqualTo(9_000L);

    Decision minimum =
        fixtures.as(
            "officer.north",
            () -> decisions.decide(programme("MIN-INCOME"), sample.householdId(), null));

    // The gap to 2 x 360.00, less the income and less the allowance.
    assertThat(minimum.amountCents()).isEqualTo(72_000L - 10_000L - 9_000L);
    assertThat(minimum.explanation().values()).containsEntry("household.other_benefits", 9_000);
  }

  @Test
  void anUrgentApplicationGoesStraightToApprovalWithinADay() {
    var sample =
        households.create(
            "worker.harbour",
            "NV-N-01",
            family(),
            List.of(new Member(LocalDate.of(1990, 2, 2), "0")));
    Application urgent =
        submit(
            "worker.harbour",
            new Applications.NewApplication(
                programme("TEMP-ASSIST"), sample.headId(), Channel.PROACTIVE, null, true, "en"));
    assertThat(urgent.steps())
        .extracting(Application.Step::kind)
        .containsExactly(StepKind.APPROVAL);
    Application.Step approval = urgent.current().orElseThrow();
    assertThat(Duration.between(urgent.submittedAt(), approval.dueAt()))
        .isEqualTo(Duration.ofHours(24));
    Application granted =
        fixtures.as(
            "officer.north",
            () -> applications.completeStep(urgent.id(), urgent.version(), "Fire at home."));
    assertThat(granted.status()).isEqualTo(Application.Status.GRANTED);
    assertThat(
            fixtures.as("officer.north", () -> decisions.get(granted.decisionId())).amountCents())
        .isEqualTo(50_000L);
  }

  @Test
  void theListExportsAsCsvWithinTheWorkersTerritory() {
    var sample =
        households.create(
            "worker.harbour",
            "NV-N-01",
            family(),
            List.of(new Member(LocalDate.of(1977, 7, 7), "0")));
    Application a =
        submit(
            "worker.harbour",
            new Applications.NewApplication(
                programme("TEMP-ASSIST"), sample.headId(), Channel.PERSON, null, false, "en"));
    var web = new org.socius.support.WebSession(port);
    assertThat(web.signIn("worker.harbour", Fixtures.DEMO_PASSWORD)).isTrue();
    var csv = web.get("/benefit-applications/export.csv?status=IN_PROGRESS");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body()).startsWith("reference,programme,status").contains(a.reference());
    var riverside = new org.socius.support.WebSession(port);
    assertThat(riverside.signIn("worker.riverside", Fixtures.DEMO_PASSWORD)).isTrue();
    assertThat(riverside.get("/benefit-applications/export.csv").body())
        .doesNotContain(a.reference());
  }

  @Test
  void onlyThoseWhoHandleBenefitsReachThem() {
    var staff = new org.socius.support.Api(port, fixtures.tokenFor("provider.staff"));
    assertThat(staff.get("/api/v1/benefit-applications").status()).isEqualTo(403);
    var worker = new org.socius.support.Api(port, fixtures.tokenFor("worker.harbour"));
    assertThat(worker.get("/api/v1/benefit-applications").status()).isEqualTo(200);
    assertThatThrownBy(
            () ->
                submit(
                    "inspector",
                    new Applications.NewApplication(
                        programme("TEMP-ASSIST"),
                        UUID.randomUUID(),
                        Channel.PERSON,
                        null,
                        false,
                        "en")))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void badApplicationsAndWorkflowsAreRefusedWithTheirReasons() {
    assertThatThrownBy(
            () ->
                submit(
                    "worker.harbour",
                    new Applications.NewApplication(
                        null, null, Channel.REPRESENTATIVE, " ", false, "fr")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("BEN-0201")
        .hasMessageContaining("BEN-0202")
        .hasMessageContaining("BEN-0204")
        .hasMessageContaining("BEN-0205");
    UUID programme = programme("CHILD-ALLOW");
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "analyst",
                    () ->
                        workflowsSet(
                            programme,
                            List.of(
                                new Workflow.Step(
                                    StepKind.PUBLIC_NOTICE,
                                    7,
                                    org.socius.platform.security.Role.CASE_WORKER,
                                    true)),
                            24)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("BEN-0104")
        .hasMessageContaining("BEN-0105");
  }

  @Autowired Workflows workflows;

  private Workflow workflowsSet(UUID programme, List<Workflow.Step> steps, Integer urgentHours) {
    return workflows.set(programme, steps, urgentHours, 20, workflows.of(programme).version());
  }

  @Test
  void aWithdrawnApplicationClosesItsNoticeAndStaleOrLateStepsAreRefused() {
    var sample =
        households.create(
            "worker.harbour",
            "NV-N-01",
            family(),
            List.of(new Member(LocalDate.of(1982, 8, 8), "100.00")));
    Application a =
        submit(
            "worker.harbour",
            new Applications.NewApplication(
                programme("MIN-INCOME"), sample.headId(), Channel.PERSON, null, false, "en"));
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "worker.harbour",
                    () -> applications.addEvidence(a.id(), null, " ", LocalDate.now().plusDays(1))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("BEN-0220")
        .hasMessageContaining("BEN-0221")
        .hasMessageContaining("BEN-0222");
    Application noticed =
        fixtures.as("worker.harbour", () -> applications.completeStep(a.id(), a.version(), ""));
    // Someone else moved it on meanwhile: the stale version is refused and nothing changes.
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "worker.harbour", () -> applications.completeStep(a.id(), a.version(), "")))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.isStaleVersion()).isTrue());
    String reference = noticed.notice().orElseThrow().reference();
    applications.object(reference, "They moved away.");
    assertThatThrownBy(() -> applications.object("A-1900-000000", "Who?"))
        .isInstanceOf(NotFoundException.class);

    Application withdrawn =
        fixtures.as("worker.harbour", () -> applications.withdraw(a.id(), noticed.version()));
    assertThat(withdrawn.status()).isEqualTo(Application.Status.WITHDRAWN);
    assertThat(applications.openNotices()).noneMatch(n -> n.reference().equals(reference));
    assertThatThrownBy(() -> applications.object(reference, "Too late."))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("BEN-0216");
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "worker.harbour",
                    () ->
                        applications.answerObjection(
                            a.id(), withdrawn.objections().getFirst().id(), "Noted.")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("BEN-0210");
  }

  @Test
  void anApplicationFollowsTheWorkflowSavedForItsProgramme() {
    UUID programme = programme("EXTREME-POVERTY");
    Workflow before = workflows.of(programme);
    try {
      fixtures.as(
          "analyst",
          () ->
              workflows.set(
                  programme,
                  List.of(
                      new Workflow.Step(StepKind.OPINION, 5, Role.CASE_WORKER, false),
                      new Workflow.Step(StepKind.APPROVAL, 2, Role.CASE_WORKER, true)),
                  12,
                  10,
                  before.version()));
      var sample =
          households.create(
              "worker.harbour",
              "NV-N-01",
              family(),
              List.of(new Member(LocalDate.of(1940, 1, 1), "50.00")));
      Application a =
          submit(
              "worker.harbour",
              new Applications.NewApplication(
                  programme, sample.headId(), Channel.PERSON, null, false, "en"));
      assertThat(a.steps())
          .extracting(Application.Step::kind, Application.Step::role)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(StepKind.OPINION, Role.CASE_WORKER),
              org.assertj.core.groups.Tuple.tuple(StepKind.APPROVAL, Role.CASE_WORKER));
    } finally {
      Workflow now = workflows.of(programme);
      fixtures.as(
          "analyst",
          () ->
              workflows.set(
                  programme,
                  before.steps(),
                  before.urgentHours(),
                  before.appealWorkingDays(),
                  now.version()));
    }
  }
}
