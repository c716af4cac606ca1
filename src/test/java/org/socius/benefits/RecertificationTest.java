package org.socius.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socius.people.People;
import org.socius.people.PeopleKinds.AssetKind;
import org.socius.people.PeopleKinds.IncomeSource;
import org.socius.people.PersonFiles;
import org.socius.programmes.Programme;
import org.socius.programmes.Programmes;
import org.socius.programmes.Rules.Criterion;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.socius.support.SampleHouseholds;
import org.socius.support.SampleHouseholds.Member;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Recertification re-decides every entitled household under the current rules and data, all or
 * nothing; a what-if run of a draft reports gains and losses and changes nothing.
 */
@IntegrationTest
class RecertificationTest {

  @org.springframework.boot.test.web.server.LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired Programmes programmes;
  @Autowired Decisions decisions;
  @Autowired Recertifications recertifications;
  @Autowired SampleHouseholds households;
  @Autowired People people;
  @Autowired PersonFiles files;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired org.springframework.transaction.support.TransactionTemplate transactions;

  private static String suffix() {
    return Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
  }

  /** A programme of its own: a line of 300.00 per member, paying the gap. */
  private UUID programme(String formula) {
    return programme("household.income_per_member < params.line", formula);
  }

  /** A programme of its own with one criterion and a formula, a line of 300.00 per member. */
  private UUID programme(String criterion, String formula) {
    String code = "RT-" + suffix();
    return fixtures.as(
        "analyst",
        () -> {
          Programme p =
              programmes.create(
                  new Programmes.NewProgramme(
                      code, "Recertification test " + code, "", Programme.Kind.CASH, 500, false));
          programmes.publish(
              programmes
                  .draft(
                      p.id(),
                      new Programmes.Draft(
                          LocalDate.now(),
                          List.of(new Criterion("Below the line", criterion)),
                          formula,
                          Map.of("line", 30_000L),
                          Map.of()))
                  .id());
          return p.id();
        });
  }

  private SampleHouseholds.Sample household(String income) {
    return households.create(
        "worker.harbour",
        "NV-N-01",
        "Rc" + suffix(),
        List.of(new Member(LocalDate.of(1970, 7, 7), income)));
  }

  private Decision grant(UUID programme, SampleHouseholds.Sample s) {
    return fixtures.as("officer.north", () -> decisions.decide(programme, s.householdId(), null));
  }

  private RecertificationRun finished(RecertificationRun started) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    RecertificationRun run = started;
    while (run.status() == RecertificationRun.Status.RUNNING && System.nanoTime() < deadline) {
      Thread.sleep(100);
      run = fixtures.as("analyst", () -> recertifications.get(started.id()));
    }
    return run;
  }

  @Test
  void recertificationKeepsChangesAndEndsEntitlementsByTheCurrentData() throws Exception {
    UUID programme = programme("params.line * household.size - household.income");
    var steady = household("100.00");
    var richer = household("100.00");
    var rich = household("100.00");
    for (var s : List.of(steady, richer, rich)) {
      assertThat(grant(programme, s).amountCents()).isEqualTo(20_000L);
    }
    // This month's income counts from next month on: the averages become 200.00 and 400.00.
    fixtures.as(
        "worker.harbour",
        () -> {
          people.recordIncome(
              richer.headId(), YearMonth.now(), IncomeSource.WAGES, new BigDecimal("400.00"));
          people.recordIncome(
              rich.headId(), YearMonth.now(), IncomeSource.WAGES, new BigDecimal("1000.00"));
          return null;
        });

    assertThatThrownBy(
            () ->
                fixtures.as("worker.harbour", () -> recertifications.start(programme, null, null)))
        .isInstanceOf(AccessDeniedException.class);
    RecertificationRun run =
        finished(fixtures.as("analyst", () -> recertifications.start(programme, null, null)));

    assertThat(run.status()).isEqualTo(RecertificationRun.Status.COMPLETED);
    assertThat(run.percent()).isEqualTo(100);
    RecertificationRun.RegionSummary totals = run.totals();
    assertThat(totals.households()).isEqualTo(3);
    assertThat(totals.kept()).isEqualTo(1);
    assertThat(totals.changed()).isEqualTo(1);
    assertThat(totals.ended()).isEqualTo(1);
    assertThat(totals.costBeforeCents()).isEqualTo(60_000L);
    assertThat(totals.costAfterCents()).isEqualTo(20_000L + 10_000L);

    LocalDate next = LocalDate.now().withDayOfMonth(1).plusMonths(1);
    Decision kept = latest(steady);
    assertThat(kept.outcome()).isEqualTo(Decision.Outcome.KEPT);
    assertThat(kept.runId()).isEqualTo(run.id());
    assertThat(kept.explanation().criteria().getFirst().passed()).isTrue();
    Decision changed = latest(richer);
    assertThat(changed.outcome()).isEqualTo(Decision.Outcome.CHANGED);
    assertThat(changed.amountCents()).isEqualTo(10_000L);
    assertThat(changed.previousCents()).isEqualTo(20_000L);
    assertThat(changed.explanation().values()).containsEntry("household.income", 20_000);
    Decision ended = latest(rich);
    assertThat(ended.outcome()).isEqualTo(Decision.Outcome.ENDED);
    assertThat(ended.explanation().failed()).containsExactly("Below the line");

    List<Entitlement> richerEntitlements = entitlements(richer);
    assertThat(richerEntitlements).hasSize(2);
    assertThat(richerEntitlements.getFirst().validFrom()).isEqualTo(next);
    assertThat(richerEntitlements.getFirst().amountCents()).isEqualTo(10_000L);
    assertThat(richerEntitlements.getLast().validTo()).isEqualTo(next);
    assertThat(entitlements(rich))
        .singleElement()
        .satisfies(e -> assertThat(e.validTo()).isEqualTo(next));
    assertThat(entitlements(steady))
        .singleElement()
        .satisfies(e -> assertThat(e.validTo()).isNull());

    // Once is enough for a month: a second recertification from the same date is refused.
    assertThatThrownBy(
            () -> fixtures.as("analyst", () -> recertifications.start(programme, null, null)))
        .isInstanceOf(org.socius.platform.errors.ConflictException.class)
        .hasMessageContaining("BEN-0504");
    // Nor may an inspector start one in their region.
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "inspector",
                    () -> recertifications.start(programme, fixtures.unit("NV-N").id(), null)))
        .isInstanceOf(AccessDeniedException.class);
    // A regional officer runs their own region only, and a run's region must be a region.
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "officer.north",
                    () -> recertifications.start(programme, fixtures.unit("NV-S").id(), null)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "analyst",
                    () -> recertifications.start(programme, fixtures.unit("NV-N-01").id(), null)))
        .isInstanceOf(org.socius.platform.errors.InvalidInputException.class)
        .hasMessageContaining("BEN-0501");

    // A decision made now (an upheld appeal) replaces both the current entitlement and the one
    // the recertification opened from next month.
    Decision again = grant(programme, richer);
    assertThat(again.previousCents()).isEqualTo(20_000L);
    List<Entitlement> afterAppeal = entitlements(richer);
    assertThat(afterAppeal.stream().filter(e -> e.validTo() == null))
        .singleElement()
        .satisfies(e -> assertThat(e.decisionId()).isEqualTo(again.id()));
    assertThat(afterAppeal).noneMatch(e -> e.validFrom().equals(next));
  }

  @Test
  void aRunThatFailsAppliesNothing() throws Exception {
    // The formula divides by the distance of the income per member from 100.00: fine at 50.00,
    // a division by zero for a household whose average becomes exactly 100.00.
    UUID programme =
        programme(
            "params.line / (household.income_per_member - 10000) * 0"
                + " + params.line * household.size - household.income");
    var fine = household("50.00");
    var failing = household("50.00");
    grant(programme, fine);
    grant(programme, failing);
    fixtures.as(
        "worker.harbour",
        () -> {
          people.recordIncome(
              failing.headId(), YearMonth.now(), IncomeSource.WAGES, new BigDecimal("200.00"));
          return null;
        });

    RecertificationRun run =
        finished(fixtures.as("analyst", () -> recertifications.start(programme, null, null)));

    assertThat(run.status()).isEqualTo(RecertificationRun.Status.FAILED);
    assertThat(run.failure()).contains(failing.householdId().toString());
    for (var s : List.of(fine, failing)) {
      assertThat(latest(s).runId()).isNull();
      assertThat(entitlements(s)).singleElement().satisfies(e -> assertThat(e.validTo()).isNull());
    }
  }

  @Test
  void aWhatIfRunReportsGainsByRegionAndChangesNothing() throws Exception {
    UUID programme = programme("params.line * household.size - household.income");
    var entitled = household("100.00");
    var newcomer = household("250.00");
    grant(programme, entitled);
    UUID draft =
        fixtures.as(
            "analyst",
            () ->
                programmes
                    .draft(
                        programme,
                        new Programmes.Draft(
                            LocalDate.now().plusMonths(2),
                            List.of(
                                new Criterion(
                                    "Below the line", "household.income_per_member < params.line")),
                            "params.line * household.size - household.income",
                            Map.of("line", 60_000L),
                            Map.of()))
                    .id());
    UUID north = fixtures.unit("NV-N").id();

    RecertificationRun run =
        finished(fixtures.as("analyst", () -> recertifications.start(programme, north, draft)));

    assertThat(run.status()).isEqualTo(RecertificationRun.Status.COMPLETED);
    assertThat(run.whatIf()).isTrue();
    // The run's page, and the part of it the progress bar asks for while a run goes on.
    var web = new org.socius.support.WebSession(port);
    assertThat(web.signIn("officer.north", Fixtures.DEMO_PASSWORD)).isTrue();
    assertThat(web.get("/recertification-runs/" + run.id()).body())
        .contains("<html")
        .contains(fixtures.unit("NV-N").name());
    var progress = web.get("/recertification-runs/" + run.id(), "HX-Request", "true");
    assertThat(progress.body()).doesNotContain("<html").contains("id=\"progress\"");
    var south = new org.socius.support.WebSession(port);
    assertThat(south.signIn("officer.south", Fixtures.DEMO_PASSWORD)).isTrue();
    assertThat(south.get("/recertification-runs/" + run.id()).statusCode()).isEqualTo(404);
    // Whoever sees a run in a programme's list can open it: the region's officer lists it, the
    // municipal worker (who could not open it) does not.
    assertThat(fixtures.as("officer.north", () -> recertifications.ofProgramme(programme)))
        .extracting(RecertificationRun::id)
        .contains(run.id());
    assertThat(fixtures.as("worker.harbour", () -> recertifications.ofProgramme(programme)))
        .isEmpty();
    assertThat(run.summary())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.regionId()).isEqualTo(north);
              assertThat(r.costBeforeCents()).isEqualTo(20_000L);
              assertThat(r.costAfterCents()).isGreaterThanOrEqualTo(50_000L + 35_000L);
              assertThat(r.gained()).isGreaterThanOrEqualTo(2);
              assertThat(r.lost()).as(r.toString()).isZero();
              assertThat(r.newlyEligible()).isGreaterThanOrEqualTo(1);
              assertThat(r.households()).isEqualTo(run.total());
            });
    assertThat(latest(entitled).runId()).isNull();
    assertThat(entitlements(entitled))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.amountCents()).isEqualTo(20_000L);
              assertThat(e.validTo()).isNull();
            });
    assertThat(entitlements(newcomer)).isEmpty();
  }

  @Test
  void rulesNamingMembersDetailsAndAssetsAreRecertifiedOnThemAsTheyWereDecided() throws Exception {
    // Children are counted from dates of birth and assets from what members own: both are read
    // only for rules that name them, and must come out as a single decision finds them.
    UUID programme =
        programme(
            "household.children > 0", "params.line * household.children + household.assets / 100");
    var family =
        households.create(
            "worker.harbour",
            "NV-N-01",
            "Rf" + suffix(),
            List.of(
                new Member(LocalDate.of(1980, 1, 1), "100.00"),
                new Member(LocalDate.now().minusYears(6), "0.00")));
    fixtures.as(
        "worker.harbour",
        () ->
            files.recordAsset(
                family.headId(),
                AssetKind.SAVINGS,
                "Savings account",
                new BigDecimal("500.00"),
                LocalDate.now().minusYears(1)));
    Decision granted = grant(programme, family);
    assertThat(granted.amountCents()).isEqualTo(30_000L + 500L);

    RecertificationRun run =
        finished(fixtures.as("analyst", () -> recertifications.start(programme, null, null)));

    assertThat(run.status()).isEqualTo(RecertificationRun.Status.COMPLETED);
    assertThat(run.totals().kept()).isEqualTo(1);
    Decision kept = latest(family);
    assertThat(kept.outcome()).isEqualTo(Decision.Outcome.KEPT);
    assertThat(kept.amountCents()).isEqualTo(granted.amountCents());
    assertThat(kept.explanation().criteria().getFirst().values())
        .containsEntry("household.children", 1);
    assertThat(kept.explanation().values())
        .containsEntry("household.children", 1)
        .containsEntry("household.assets", 50_000);
  }

  @Test
  void aDecisionWaitsOnlyAFewSecondsForEntitlementsARunIsChangingAndSaysWhy() throws Exception {
    UUID programme = programme("params.line * household.size - household.income");
    var s = household("100.00");
    grant(programme, s);
    int decided =
        fixtures.as("worker.harbour", () -> decisions.ofHousehold(s.householdId())).size();
    // Another transaction (a run being applied) holds the household's entitlement.
    java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    Thread holder =
        Thread.ofPlatform()
            .start(
                () ->
                    org.socius.platform.security.CurrentScope.asSystem(
                        () ->
                            transactions.execute(
                                status -> {
                                  jdbc.sql(
                                          "select id from benefits.entitlement"
                                              + " where household_id = :h for update")
                                      .param("h", s.householdId())
                                      .query(UUID.class)
                                      .list();
                                  held.countDown();
                                  try {
                                    release.await();
                                  } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                  }
                                  return null;
                                })));
    try {
      held.await();
      assertThatThrownBy(() -> grant(programme, s))
          .isInstanceOf(org.socius.platform.errors.ConflictException.class)
          .hasMessageContaining("BEN-0505");
    } finally {
      release.countDown();
      holder.join();
    }
    assertThat(fixtures.as("worker.harbour", () -> decisions.ofHousehold(s.householdId())))
        .hasSize(decided);
    // Once the other has finished, the decision is made.
    assertThat(grant(programme, s).outcome()).isEqualTo(Decision.Outcome.GRANTED);
  }

  private Decision latest(SampleHouseholds.Sample s) {
    return fixtures.as("worker.harbour", () -> decisions.ofHousehold(s.householdId())).getFirst();
  }

  private List<Entitlement> entitlements(SampleHouseholds.Sample s) {
    return fixtures.as("worker.harbour", () -> decisions.entitlementsOf(s.householdId()));
  }
}
