package org.socius.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.socius.cases.Case.StepKind;
import org.socius.catalogue.Catalogue;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.providers.Places;
import org.socius.providers.PublicRegister;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.socius.support.PdfText;
import org.socius.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An individual plan from its first version to the agreements with two providers: norms, the
 * client's choice holding places, the client's agreement before any agreement with a provider, the
 * contribution from income per member, what each provider sees, and the race for the last place.
 */
@IntegrationTest
class PlansAndAgreementsTest {

  @Autowired Fixtures fixtures;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired org.springframework.transaction.support.TransactionTemplate transaction;
  @Autowired Cases cases;
  @Autowired Plans plans;
  @Autowired Agreements agreements;
  @Autowired Places places;
  @Autowired Catalogue catalogue;

  @Autowired CasesAtPlanStep planStep;

  private Case caseAtPlanStep(String monthlyIncome) {
    return planStep.open(monthlyIncome);
  }

  private Case complete(Case c, StepKind step, Boolean complex) {
    return planStep.complete(c, step, complex);
  }

  private <T> T as(java.util.function.Supplier<T> work) {
    return planStep.asWorker(work);
  }

  private UUID type(String code) {
    return planStep.type(code);
  }

  private Plans.NewService service(String code, String units, String reason) {
    return planStep.service(code, units, reason);
  }

  private Plan draft(Case c) {
    return as(() -> plans.versions(c.id()).stream().filter(Plan::draft).findFirst().orElseThrow());
  }

  private PublicRegister.Entry option(Case c, Plan.Service s, String providerName) {
    return as(
        () ->
            plans.options(c.id(), s.id(), 0, 20).providers().items().stream()
                .filter(e -> e.providerName().equals(providerName))
                .findFirst()
                .orElseThrow());
  }

  private Plan.Service line(Plan p, String code) {
    return p.services().stream()
        .filter(s -> s.serviceTypeId().equals(type(code)))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aPlanWithTwoServicesAndTwoProvidersBecomesTwoAgreementsWithTheRightContribution() {
    // 1,000.00 a month for one member: above one and a half of the north's line (540.00), so the
    // client pays half the difference, 230.00 a month at most.
    Case c = caseAtPlanStep("1000.00");
    assertThatThrownBy(() -> complete(c, StepKind.INDIVIDUAL_PLAN, null))
        .hasMessageContaining("CAS-0405");

    assertThatThrownBy(() -> as(() -> plans.begin(c.id(), new Plans.NewVersion(" ", null))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("CAS-0802");
    Plan begun = as(() -> plans.begin(c.id(), new Plans.NewVersion("Stay at home safely.", null)));
    assertThat(begun.versionNumber()).isEqualTo(1);
    assertThat(begun.origin()).isNotNull();

    Plan one = as(() -> plans.addService(c.id(), begun.version(), service("HOME-CARE", "2", "")));
    assertThatThrownBy(
            () -> as(() -> plans.addService(c.id(), one.version(), service("HOME-CARE", "1", ""))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("CAS-0812");
    Plan two = as(() -> plans.addService(c.id(), one.version(), service("HOT-MEALS", "30", "")));
    assertThat(two.services()).hasSize(2);
    // A volume above the standard's norm needs its reason,
    // and without one nothing changes.
    BigDecimal norm =
        catalogue.standardOn(type("DAY-CARE"), LocalDate.now()).orElseThrow().maxUnits();
    assertThatThrownBy(
            () ->
                as(
                    () ->
                        plans.addService(
                            c.id(),
                            two.version(),
                            service("DAY-CARE", norm.add(BigDecimal.ONE).toPlainString(), ""))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("CAS-0811");
    assertThat(draft(c).services()).hasSize(2);
    // A volume that is not a positive amount, or a service that ends before it starts.
    assertThatThrownBy(
            () -> as(() -> plans.addService(c.id(), two.version(), service("DAY-CARE", "-1", ""))))
        .hasMessageContaining("CAS-0808");
    LocalDate today = LocalDate.now();
    assertThatThrownBy(
            () ->
                as(
                    () ->
                        plans.addService(
                            c.id(),
                            two.version(),
                            new Plans.NewService(
                                type("DAY-CARE"),
                                BigDecimal.ONE,
                                "",
                                today,
                                today.minusDays(1),
                                ""))))
        .hasMessageContaining("CAS-0810");
    assertThatThrownBy(
            () -> as(() -> plans.addService(c.id(), begun.version(), service("DAY-CARE", "1", ""))))
        .isInstanceOf(ConflictException.class);
    assertThat(draft(c).services()).hasSize(2);

    // No provider chosen: the client cannot agree yet; no agreement without the client's agreement.
    assertThatThrownBy(
            () ->
                as(
                    () ->
                        plans.agree(
                            c.id(),
                            two.version(),
                            new Plans.Agreement(Plan.AgreedAs.CLIENT, "The client"))))
        .hasMessageContaining("CAS-0814");
    assertThatThrownBy(() -> as(() -> agreements.drawUp(c.id())))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("CAS-1001");

    PublicRegister.Entry homeCare = option(c, line(two, "HOME-CARE"), "Harbour Care Association");
    PublicRegister.Entry meals = option(c, line(two, "HOT-MEALS"), "St Nicholas Parish Charity");
    // A provider of another service cannot be chosen for this one, and nothing is held.
    assertThatThrownBy(
            () ->
                as(
                    () ->
                        plans.choose(
                            c.id(),
                            two.version(),
                            line(two, "HOME-CARE").id(),
                            meals.registeredServiceId())))
        .hasMessageContaining("CAS-0902");
    int freeBefore = freePlaces(homeCare);
    Plan chosenOne =
        as(
            () ->
                plans.choose(
                    c.id(),
                    two.version(),
                    line(two, "HOME-CARE").id(),
                    homeCare.registeredServiceId()));
    assertThat(freePlaces(homeCare)).isEqualTo(freeBefore - 1);
    // The same choice sent again (a double click, a retried request) holds no second place.
    Plan retried =
        as(
            () ->
                plans.choose(
                    c.id(),
                    two.version(),
                    line(two, "HOME-CARE").id(),
                    homeCare.registeredServiceId()));
    assertThat(retried.version()).isEqualTo(chosenOne.version());
    assertThat(freePlaces(homeCare)).isEqualTo(freeBefore - 1);
    // Nor does a provider unknown to the register.
    assertThatThrownBy(
            () ->
                as(
                    () ->
                        plans.choose(
                            c.id(),
                            chosenOne.version(),
                            line(two, "HOT-MEALS").id(),
                            UUID.randomUUID())))
        .hasMessageContaining("CAS-0902");
    Plan chosen =
        as(
            () ->
                plans.choose(
                    c.id(),
                    chosenOne.version(),
                    line(chosenOne, "HOT-MEALS").id(),
                    meals.registeredServiceId()));
    assertThat(chosen.services()).allMatch(s -> s.choice() != null);

    Plan agreed =
        as(
            () ->
                plans.agree(
                    c.id(),
                    chosen.version(),
                    new Plans.Agreement(Plan.AgreedAs.CLIENT, "The client")));
    assertThat(agreed.status()).isEqualTo(Plan.Status.AGREED);
    Case implementing = complete(as(() -> cases.get(c.id())), StepKind.INDIVIDUAL_PLAN, null);
    assertThat(implementing.current().orElseThrow().kind()).isEqualTo(StepKind.IMPLEMENTATION);

    List<Agreement> drawn = as(() -> agreements.drawUp(c.id()));
    assertThat(drawn)
        .extracting(Agreement::providerName)
        .containsExactly("Harbour Care Association", "St Nicholas Parish Charity");
    assertThatThrownBy(() -> as(() -> agreements.drawUp(c.id()))).hasMessageContaining("CAS-1002");

    // Cost per month at the north's tariffs: home care's norm counts by the day (365/12 days a
    // month), meals' by the month. The 230.00 ceiling falls on the first service, which costs
    // more, so the second is free.
    BigDecimal homeCarePrice =
        catalogue.tariffOn(type("HOME-CARE"), c.regionId(), LocalDate.now()).orElseThrow().price();
    BigDecimal mealPrice =
        catalogue.tariffOn(type("HOT-MEALS"), c.regionId(), LocalDate.now()).orElseThrow().price();
    BigDecimal homeCareCost = monthly("2", homeCarePrice);
    BigDecimal mealCost = new BigDecimal("30").multiply(mealPrice).setScale(2);
    assertThat(homeCareCost).isGreaterThan(new BigDecimal("230.00"));
    Agreement first = drawn.get(0);
    Agreement second = drawn.get(1);
    assertThat(first.monthlyCost()).isEqualByComparingTo(homeCareCost);
    assertThat(first.monthlyCopayment()).isEqualByComparingTo("230.00");
    assertThat(second.monthlyCost()).isEqualByComparingTo(mealCost);
    assertThat(second.monthlyCopayment()).isEqualByComparingTo("0.00");
    assertThat(first.contribution().charged()).isTrue();
    assertThat(first.contribution().incomePerMember()).isEqualByComparingTo("1000.00");

    // Each provider's staff see their own agreement, and not the other's.
    assertThat(fixtures.as("provider.staff", () -> agreements.ofProvider(first.providerId())))
        .extracting(Agreement::reference)
        .contains(first.reference());
    assertThatThrownBy(() -> fixtures.as("provider.staff", () -> agreements.get(second.id())))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () -> fixtures.as("provider.staff", () -> agreements.ofProvider(second.providerId())))
        .isInstanceOf(NotFoundException.class);
    Agreement accepted =
        fixtures.as("provider.staff", () -> agreements.accept(first.id(), first.version()));
    assertThat(accepted.status()).isEqualTo(Agreement.Status.ACCEPTED);
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "provider.staff", () -> agreements.accept(first.id(), accepted.version())))
        .hasMessageContaining("CAS-1005");
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "staff.parish", () -> agreements.decline(second.id(), second.version(), " ")))
        .hasMessageContaining("CAS-1006");
    assertThat(fixtures.as("staff.parish", () -> agreements.get(second.id())).status())
        .isEqualTo(Agreement.Status.PROPOSED);
  }

  @LocalServerPort int port;

  @Test
  void thePlanTheChoiceTheProviderViewAndThePdfsAreServed() {
    Case c = caseAtPlanStep("1000.00");
    Plan begun = as(() -> plans.begin(c.id(), new Plans.NewVersion("Live at home.", null)));
    Plan one = as(() -> plans.addService(c.id(), begun.version(), service("HOME-CARE", "2", "")));
    Plan.Service care = line(one, "HOME-CARE");
    WebSession worker = new WebSession(port);
    assertThat(worker.signIn("worker.harbour", Fixtures.DEMO_PASSWORD)).isTrue();
    HttpResponse<String> choice =
        worker.get("/cases/" + c.id() + "/plan/services/" + care.id() + "/providers");
    assertThat(choice.statusCode()).isEqualTo(200);
    assertThat(choice.body()).contains("Harbour Care Association");
    PublicRegister.Entry harbour = option(c, care, "Harbour Care Association");
    Plan chosen =
        as(() -> plans.choose(c.id(), one.version(), care.id(), harbour.registeredServiceId()));
    as(
        () ->
            plans.agree(
                c.id(), chosen.version(), new Plans.Agreement(Plan.AgreedAs.CLIENT, "The client")));
    Agreement a = as(() -> agreements.drawUp(c.id())).getFirst();

    HttpResponse<String> page = worker.get("/cases/" + c.id() + "/plan");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Home care", a.reference(), "230.00");
    HttpResponse<byte[]> planPdf =
        worker.getBytes("/cases/" + c.id() + "/plan/" + chosen.id() + "/pdf");
    assertThat(planPdf.statusCode()).isEqualTo(200);
    assertThat(text(planPdf.body())).contains("Home care", "Harbour Care Association");

    WebSession provider = new WebSession(port);
    assertThat(provider.signIn("provider.staff", Fixtures.DEMO_PASSWORD)).isTrue();
    HttpResponse<String> view = provider.get("/provider-agreements");
    assertThat(view.statusCode()).isEqualTo(200);
    assertThat(view.body()).contains(a.reference(), "230.00");
    HttpResponse<byte[]> pdf = provider.getBytes("/agreements/" + a.id() + "/pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(text(pdf.body()))
        .contains(a.reference(), a.clientName(), "230.00")
        .doesNotContain("Income per family member");
    // Even in the database, the provider's staff answer the agreement and change none of its terms.
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "provider.staff",
                    () ->
                        transaction.execute(
                            s ->
                                jdbc.sql(
                                        "update cases.agreement set monthly_copayment = 0"
                                            + " where id = :id")
                                    .param("id", a.id())
                                    .update())))
        .isInstanceOf(org.springframework.dao.DataAccessException.class)
        .rootCause()
        .hasMessageContaining("changes nothing else");
    // The provider reads what the client pays, not the household's means it was found from.
    assertThat(fixtures.as("provider.staff", () -> agreements.get(a.id())).contribution()).isNull();
    assertThat(as(() -> agreements.get(a.id())).contribution()).isNotNull();
    // A worker of another municipality, and a specialist not on the team, find no plan there.
    WebSession riverside = new WebSession(port);
    assertThat(riverside.signIn("worker.riverside", Fixtures.DEMO_PASSWORD)).isTrue();
    assertThat(riverside.get("/cases/" + c.id() + "/plan").statusCode()).isEqualTo(404);
    assertThat(
            riverside.getBytes("/cases/" + c.id() + "/plan/" + chosen.id() + "/pdf").statusCode())
        .isEqualTo(404);
    assertThat(riverside.getBytes("/agreements/" + a.id() + "/pdf").statusCode()).isEqualTo(404);
    WebSession specialist = new WebSession(port);
    assertThat(specialist.signIn("specialist.health", Fixtures.DEMO_PASSWORD)).isTrue();
    assertThat(specialist.get("/cases/" + c.id() + "/plan").statusCode()).isEqualTo(404);
    // The other region's provider staff do not learn the agreement exists.
    WebSession other = new WebSession(port);
    assertThat(other.signIn("staff.southcentre", Fixtures.DEMO_PASSWORD)).isTrue();
    assertThat(other.getBytes("/agreements/" + a.id() + "/pdf").statusCode()).isEqualTo(404);
  }

  private static String text(byte[] pdf) {
    return PdfText.of(pdf);
  }

  @Test
  void incomeWithinOneAndAHalfLinesMakesTheServicesFreeAndSaysWhy() {
    Case c = caseAtPlanStep("300.00");
    Plan begun = as(() -> plans.begin(c.id(), new Plans.NewVersion("Meals.", null)));
    Plan one = as(() -> plans.addService(c.id(), begun.version(), service("HOT-MEALS", "1", "")));
    PublicRegister.Entry meals = option(c, line(one, "HOT-MEALS"), "Harbour Care Association");
    Plan chosen =
        as(
            () ->
                plans.choose(
                    c.id(),
                    one.version(),
                    line(one, "HOT-MEALS").id(),
                    meals.registeredServiceId()));
    as(
        () ->
            plans.agree(
                c.id(),
                chosen.version(),
                new Plans.Agreement(Plan.AgreedAs.REPRESENTATIVE, "A daughter")));
    Agreement a = as(() -> agreements.drawUp(c.id())).getFirst();
    assertThat(a.monthlyCopayment()).isEqualByComparingTo("0.00");
    assertThat(a.contribution().charged()).isFalse();
    assertThat(a.contribution().failed())
        .containsExactly("Income per member above one and a half local lines");
  }

  @Test
  void twoWorkersChoosingTheLastFreePlaceAtOnceOneWinsTheOtherIsTold() throws Exception {
    Case first = caseAtPlanStep("100.00");
    Case second = caseAtPlanStep("100.00");
    List<Plan> drafts = new ArrayList<>();
    for (Case c : List.of(first, second)) {
      Plan begun =
          as(() -> plans.begin(c.id(), new Plans.NewVersion("Respite for the carer.", null)));
      drafts.add(as(() -> plans.addService(c.id(), begun.version(), service("RESPITE", "1", ""))));
    }
    PublicRegister.Entry respite =
        option(first, line(drafts.get(0), "RESPITE"), "Northern Regional Care Home");
    // Every place but one taken by others.
    List<UUID> others = new ArrayList<>();
    while (freePlaces(respite) > 1) {
      others.add(
          as(() ->
                  places.take(
                      respite.registeredServiceId(),
                      UUID.randomUUID(),
                      first.regionId(),
                      first.municipalityId()))
              .reservationId());
    }
    try {
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<String>> outcomes = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        Case c = i == 0 ? first : second;
        Plan d = drafts.get(i);
        outcomes.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    as(
                        () ->
                            plans.choose(
                                c.id(),
                                d.version(),
                                line(d, "RESPITE").id(),
                                respite.registeredServiceId()));
                    return "won";
                  } catch (ConflictException e) {
                    return e.code();
                  }
                }));
      }
      start.countDown();
      List<String> results = new ArrayList<>();
      for (Future<String> f : outcomes) {
        results.add(f.get());
      }
      pool.shutdown();
      assertThat(results).containsExactlyInAnyOrder("won", "PRV-1602");
      assertThat(freePlaces(respite)).isZero();
      // The loser's plan holds nothing.
      long chosen =
          List.of(first, second).stream()
              .map(this::draft)
              .filter(p -> line(p, "RESPITE").choice() != null)
              .count();
      assertThat(chosen).isEqualTo(1);
    } finally {
      for (UUID held : others) {
        as(() -> places.giveBack(held));
      }
      for (Case c : List.of(first, second)) {
        Plan d = draft(c);
        as(() -> plans.removeService(c.id(), d.version(), line(d, "RESPITE").id()));
      }
    }
    assertThat(freePlaces(respite)).isEqualTo(respite.freePlaces());
  }

  @Test
  void placesGoBackWhenNoAgreementNeedsThemAndAllOfThemWhenTheCaseCloses() {
    Case c = caseAtPlanStep("1000.00");
    Plan begun = as(() -> plans.begin(c.id(), new Plans.NewVersion("Eat well.", null)));
    Plan one = as(() -> plans.addService(c.id(), begun.version(), service("HOT-MEALS", "30", "")));
    Plan.Service meals = line(one, "HOT-MEALS");
    PublicRegister.Entry harbour = option(c, meals, "Harbour Care Association");
    PublicRegister.Entry parish = option(c, meals, "St Nicholas Parish Charity");
    int harbourFree = freePlaces(harbour);
    int parishFree = freePlaces(parish);
    Plan chosen =
        as(() -> plans.choose(c.id(), one.version(), meals.id(), harbour.registeredServiceId()));
    as(
        () ->
            plans.agree(
                c.id(), chosen.version(), new Plans.Agreement(Plan.AgreedAs.CLIENT, "The client")));
    Agreement first = as(() -> agreements.drawUp(c.id())).getFirst();
    assertThat(freePlaces(harbour)).isEqualTo(harbourFree - 1);

    // A new version moves the meals to the parish, then back: going back to the provider the
    // agreed plan holds takes no second place there, and the parish's place is given back.
    Plan next = as(() -> plans.begin(c.id(), new Plans.NewVersion("Eat well.", "Closer")));
    Plan.Service copied = line(next, "HOT-MEALS");
    Plan away =
        as(() -> plans.choose(c.id(), next.version(), copied.id(), parish.registeredServiceId()));
    assertThat(freePlaces(parish)).isEqualTo(parishFree - 1);
    assertThat(freePlaces(harbour)).isEqualTo(harbourFree - 1);
    Plan back =
        as(() -> plans.choose(c.id(), away.version(), copied.id(), harbour.registeredServiceId()));
    assertThat(freePlaces(harbour)).isEqualTo(harbourFree - 1);
    assertThat(freePlaces(parish)).isEqualTo(parishFree);

    // Agreed at the parish: the harbour's place stays held while its agreement is in force, and
    // goes back when the new version's agreements replace it.
    Plan toParish =
        as(() -> plans.choose(c.id(), back.version(), copied.id(), parish.registeredServiceId()));
    as(
        () ->
            plans.agree(
                c.id(),
                toParish.version(),
                new Plans.Agreement(Plan.AgreedAs.CLIENT, "The client")));
    assertThat(freePlaces(harbour)).isEqualTo(harbourFree - 1);
    as(() -> agreements.drawUp(c.id()));
    assertThat(freePlaces(harbour)).isEqualTo(harbourFree);
    assertThat(freePlaces(parish)).isEqualTo(parishFree - 1);
    assertThat(as(() -> agreements.get(first.id())).endReason())
        .isEqualTo(Agreement.EndReason.PLAN_REPLACED);

    // A draft holding another place, then the case closes: every agreement ends, every place
    // the case held goes back.
    Plan third = as(() -> plans.begin(c.id(), new Plans.NewVersion("Eat well.", "Day care")));
    Plan withDayCare =
        as(() -> plans.addService(c.id(), third.version(), service("DAY-CARE", "2", "")));
    Plan.Service dayCare = line(withDayCare, "DAY-CARE");
    PublicRegister.Entry centre = option(c, dayCare, "Harbour Care Association");
    int centreFree = freePlaces(centre);
    as(
        () ->
            plans.choose(
                c.id(), withDayCare.version(), dayCare.id(), centre.registeredServiceId()));
    assertThat(freePlaces(centre)).isEqualTo(centreFree - 1);
    Case current = as(() -> cases.get(c.id()));
    as(() -> cases.closeEarly(c.id(), current.version(), Case.Outcome.REFUSED, "No more help."));
    assertThat(freePlaces(parish)).isEqualTo(parishFree);
    assertThat(freePlaces(centre)).isEqualTo(centreFree);
    assertThat(as(() -> agreements.ofCase(c.id())))
        .allSatisfy(a -> assertThat(a.status()).isEqualTo(Agreement.Status.ENDED))
        .extracting(Agreement::endReason)
        .contains(Agreement.EndReason.CASE_CLOSED, Agreement.EndReason.PLAN_REPLACED);
  }

  private int freePlaces(PublicRegister.Entry e) {
    return as(() -> places.freePlaces(List.of(e.registeredServiceId())))
        .get(e.registeredServiceId());
  }

  private static BigDecimal monthly(String units, BigDecimal price) {
    return new BigDecimal(units)
        .multiply(price)
        .multiply(BigDecimal.valueOf(365))
        .divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
  }
}
