package org.socius.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.socius.accounts.Sector;
import org.socius.cases.Agreement;
import org.socius.cases.Agreements;
import org.socius.cases.Case;
import org.socius.cases.Cases;
import org.socius.cases.Plan;
import org.socius.cases.Plans;
import org.socius.catalogue.Catalogue;
import org.socius.providers.PublicRegister;
import org.socius.support.SampleHouseholds.Member;
import org.springframework.stereotype.Component;

/**
 * Clients of Harbour City whose plan worker.harbour wrote and the client agreed, with agreements
 * the providers accepted: what delivery, claim and payment tests start from. Each service runs from
 * the start given for six months.
 */
@Component
public class AgreedCases {

  /** A service of the plan: its catalogue code, units per the standard's period, the provider. */
  public record Planned(String code, String units, String provider, String acceptedBy) {}

  /** The case and its accepted agreements, one per provider. */
  public record Agreed(Case details, List<Agreement> agreements) {
    public Agreement with(String provider) {
      return agreements.stream()
          .filter(a -> a.providerName().equals(provider))
          .findFirst()
          .orElseThrow();
    }
  }

  private final Set<UUID> opened = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Fixtures fixtures;
  private final SampleHouseholds households;
  private final Cases cases;
  private final Plans plans;
  private final Agreements agreements;
  private final Catalogue catalogue;

  AgreedCases(
      Fixtures fixtures,
      SampleHouseholds households,
      Cases cases,
      Plans plans,
      Agreements agreements,
      Catalogue catalogue) {
    this.fixtures = fixtures;
    this.households = households;
    this.cases = cases;
    this.plans = plans;
    this.agreements = agreements;
    this.catalogue = catalogue;
  }

  public Agreed agreed(String monthlyIncome, LocalDate startsOn, List<Planned> services) {
    String family = "Dl" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    UUID person =
        households
            .create(
                "worker.harbour",
                "NV-N-01",
                family,
                List.of(new Member(LocalDate.of(1941, 3, 3), monthlyIncome)))
            .headId();
    Case opened =
        asWorker(
            () ->
                cases.open(
                    new Cases.NewCase(
                        person,
                        Sector.SOCIAL_PROTECTION,
                        Case.Source.COMMUNITY,
                        "Neighbour",
                        "Cannot manage at home alone.",
                        false,
                        "en",
                        null)));
    this.opened.add(opened.id());
    Case evaluated = complete(opened, Case.StepKind.INITIAL_EVALUATION, null);
    Case c = complete(evaluated, Case.StepKind.INTERVENTION_PLAN, false);
    Plan draft = asWorker(() -> plans.begin(c.id(), new Plans.NewVersion("Live at home.", null)));
    for (Planned p : services) {
      Plan before = draft;
      UUID type = catalogue.serviceTypeByCode(p.code()).orElseThrow().id();
      draft =
          asWorker(
              () ->
                  plans.addService(
                      c.id(),
                      before.version(),
                      new Plans.NewService(
                          type,
                          new BigDecimal(p.units()),
                          "",
                          startsOn,
                          startsOn.plusMonths(6),
                          "")));
      Plan added = draft;
      Plan.Service line =
          added.services().stream()
              .filter(s -> s.serviceTypeId().equals(type))
              .findFirst()
              .orElseThrow();
      PublicRegister.Entry where =
          asWorker(
              () ->
                  plans.options(c.id(), line.id(), 0, 20).providers().items().stream()
                      .filter(e -> e.providerName().equals(p.provider()))
                      .findFirst()
                      .orElseThrow());
      draft =
          asWorker(
              () -> plans.choose(c.id(), added.version(), line.id(), where.registeredServiceId()));
    }
    Plan chosen = draft;
    asWorker(
        () ->
            plans.agree(
                c.id(), chosen.version(), new Plans.Agreement(Plan.AgreedAs.CLIENT, "The client")));
    List<Agreement> drawn = asWorker(() -> agreements.drawUp(c.id()));
    List<Agreement> accepted = new ArrayList<>();
    for (Agreement a : drawn) {
      String staff =
          services.stream()
              .filter(p -> p.provider().equals(a.providerName()))
              .findFirst()
              .orElseThrow()
              .acceptedBy();
      accepted.add(fixtures.as(staff, () -> agreements.accept(a.id(), a.version())));
    }
    return new Agreed(asWorker(() -> cases.get(c.id())), accepted);
  }

  /** Closes the case (the client moved away): its agreements end and its places go back. */
  public Case close(Agreed agreed) {
    opened.remove(agreed.details().id());
    return asWorker(
        () -> {
          Case c = cases.get(agreed.details().id());
          return cases.closeEarly(c.id(), c.version(), Case.Outcome.MOVED_AWAY, "Moved away.");
        });
  }

  /**
   * Closes every case made here and not closed yet, giving back the register's places they hold:
   * the tests share the demo's providers, whose places are few. Called after each test, whether it
   * passed or not.
   */
  public void closeAll() {
    for (UUID id : List.copyOf(opened)) {
      opened.remove(id);
      asWorker(
          () -> {
            Case c = cases.get(id);
            return c.open()
                ? cases.closeEarly(c.id(), c.version(), Case.Outcome.MOVED_AWAY, "Moved away.")
                : c;
          });
    }
  }

  private Case complete(Case c, Case.StepKind step, Boolean complex) {
    return asWorker(
        () ->
            cases.completeStep(
                c.id(), c.version(), new Cases.StepCompletion(step, "Done", complex, null, null)));
  }

  private <T> T asWorker(java.util.function.Supplier<T> work) {
    return fixtures.as("worker.harbour", work);
  }
}
