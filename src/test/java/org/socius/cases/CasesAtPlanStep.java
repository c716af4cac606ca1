package org.socius.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.socius.accounts.Sector;
import org.socius.cases.Case.Source;
import org.socius.cases.Case.StepKind;
import org.socius.catalogue.Catalogue;
import org.socius.support.Fixtures;
import org.socius.support.SampleHouseholds;
import org.socius.support.SampleHouseholds.Member;
import org.springframework.stereotype.Component;

/**
 * Cases of Harbour City brought to the individual plan by worker.harbour, for the client alone in
 * their household with the monthly income given: what the plan and agreement tests start from.
 */
@Component
class CasesAtPlanStep {

  private final Fixtures fixtures;
  private final Cases cases;
  private final Catalogue catalogue;
  private final SampleHouseholds households;

  CasesAtPlanStep(
      Fixtures fixtures, Cases cases, Catalogue catalogue, SampleHouseholds households) {
    this.fixtures = fixtures;
    this.cases = cases;
    this.catalogue = catalogue;
    this.households = households;
  }

  Case open(String monthlyIncome) {
    String family = "Pl" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    UUID person =
        households
            .create(
                "worker.harbour",
                "NV-N-01",
                family,
                List.of(new Member(LocalDate.of(1944, 2, 2), monthlyIncome)))
            .headId();
    Case c =
        asWorker(
            () ->
                cases.open(
                    new Cases.NewCase(
                        person,
                        Sector.SOCIAL_PROTECTION,
                        Source.COMMUNITY,
                        "Neighbour",
                        "Cannot manage at home alone.",
                        false,
                        "en",
                        null)));
    c = complete(c, StepKind.INITIAL_EVALUATION, null);
    return complete(c, StepKind.INTERVENTION_PLAN, false);
  }

  Case complete(Case c, StepKind step, Boolean complex) {
    return asWorker(
        () ->
            cases.completeStep(
                c.id(), c.version(), new Cases.StepCompletion(step, "Done", complex, null, null)));
  }

  <T> T asWorker(Supplier<T> work) {
    return fixtures.as("worker.harbour", work);
  }

  UUID type(String code) {
    return catalogue.serviceTypeByCode(code).orElseThrow().id();
  }

  /** A service for six months from today, every day. */
  Plans.NewService service(String code, String units, String reason) {
    LocalDate today = LocalDate.now();
    return new Plans.NewService(
        type(code), new BigDecimal(units), "every day", today, today.plusMonths(6), reason);
  }
}
