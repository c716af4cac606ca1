package org.socius.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socius.cases.Agreement;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.programmes.Programme;
import org.socius.programmes.Programmes;
import org.socius.support.AgreedCases;
import org.socius.support.AgreedCases.Agreed;
import org.socius.support.AgreedCases.Planned;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.socius.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class BudgetsTest {

  private static final String HARBOUR = "Harbour Care Association";

  @Autowired Fixtures fixtures;
  @Autowired AgreedCases agreedCases;
  @Autowired Deliveries deliveries;
  @Autowired Claims claims;
  @Autowired Budgets budgets;
  @Autowired Programmes programmes;
  @Autowired TestClock clock;
  @org.springframework.boot.test.web.server.LocalServerPort int port;

  @AfterEach
  void giveBack() {
    clock.reset();
    agreedCases.closeAll();
  }

  private <T> T asOfficer(Supplier<T> work) {
    return fixtures.as("officer.north", work);
  }

  @Test
  void aLineShowsWhatWasPaidWhatIsCommittedItsAdministrativeCostAndWarnsBeforeItRunsOut() {
    LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
    UUID north = fixtures.unit("NV-N").id();
    Programme funding = otherProgrammes().get(0);
    Programme other = otherProgrammes().get(1);
    Agreed agreed = homeCareDeliveredAndConfirmed(today, 8, 11);
    Agreement care = agreed.with(HARBOUR);

    // The month's claim, settled whole by an advance of what it asks: paid on approval.
    clock.advance(Duration.ofDays(40));
    LocalDate payDay = LocalDate.now(clock);
    int year = payDay.getYear();
    Claim claim =
        asOfficer(() -> claims.build(north, YearMonth.from(today), care.providerId())).getFirst();
    BigDecimal due = claim.gross().subtract(claim.copayment());
    asOfficer(
        () -> {
          claims.recordAdvance(
              north, new Claims.NewAdvance(care.providerId(), "C-BUDGET", payDay, due));
          return null;
        });
    assertThat(asOfficer(() -> claims.approve(claim.id(), claim.version())).status())
        .isEqualTo(Claim.Status.PAID);
    BigDecimal ourNet =
        asOfficer(() -> claims.lines(claim.id())).stream()
            .filter(l -> l.agreementReference().equals(care.reference()))
            .map(Claim.Line::net)
            .reduce(BigDecimal.ZERO, BigDecimal::add);

    BudgetLine line =
        asOfficer(
            () ->
                budgets.define(
                    north,
                    new Budgets.NewLine(
                        funding.id(),
                        year,
                        new BigDecimal("1000000.00"),
                        List.of("HOME-CARE"),
                        new BigDecimal("0.90"))));
    assertThat(line.spent()).isGreaterThanOrEqualTo(ourNet).isPositive();
    assertThat(line.clientsServed()).isPositive();
    Agreement.Line service = care.services().getFirst();
    long monthsLeft =
        YearMonth.from(payDay)
                .until(
                    YearMonth.of(year, 12).isBefore(YearMonth.from(service.endsOn()))
                        ? YearMonth.of(year, 12)
                        : YearMonth.from(service.endsOn()),
                    java.time.temporal.ChronoUnit.MONTHS)
            + 1;
    assertThat(line.committed())
        .isGreaterThanOrEqualTo(
            service
                .monthlyCost()
                .subtract(service.monthlyCopayment())
                .multiply(BigDecimal.valueOf(Math.max(0, monthsLeft))));
    assertThat(line.standing()).isEqualTo(BudgetLine.Standing.WITHIN);

    BudgetLine withCost =
        asOfficer(
            () ->
                budgets.recordAdministrativeCost(
                    line.id(), payDay, new BigDecimal("250.00"), "Case workers' time, a share"));
    assertThat(withCost.administrativeCost()).isEqualByComparingTo("250.00");
    BigDecimal total = withCost.spent().add(new BigDecimal("250.00"));
    assertThat(withCost.costPerClient())
        .isEqualByComparingTo(
            total.divide(BigDecimal.valueOf(withCost.clientsServed()), 2, RoundingMode.HALF_UP));
    assertThat(withCost.administrativeShare())
        .isEqualByComparingTo(new BigDecimal("25000.00").divide(total, 1, RoundingMode.HALF_UP));

    // A line smaller than what its services already spent is flagged as exceeded.
    BudgetLine small =
        asOfficer(
            () ->
                budgets.define(
                    north,
                    new Budgets.NewLine(
                        other.id(), year, new BigDecimal("1.00"), List.of("HOME-CARE"), null)));
    assertThat(small.standing()).isEqualTo(BudgetLine.Standing.EXCEEDED);

    // Bad input says what is wrong and changes nothing; a line is set once a year.
    assertThatThrownBy(
            () ->
                asOfficer(
                    () ->
                        budgets.define(
                            north,
                            new Budgets.NewLine(
                                funding.id(), 1990, new BigDecimal("-5"), List.of("NOPE"), null))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("DLV-0502")
        .hasMessageContaining("DLV-0503")
        .hasMessageContaining("DLV-0415");
    assertThatThrownBy(
            () ->
                asOfficer(
                    () ->
                        budgets.define(
                            north,
                            new Budgets.NewLine(
                                funding.id(), year, BigDecimal.TEN, List.of("HOME-CARE"), null))))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("DLV-0505");
    assertThatThrownBy(
            () ->
                asOfficer(
                    () ->
                        budgets.recordAdministrativeCost(
                            line.id(), LocalDate.of(year - 1, 6, 1), BigDecimal.ONE, "x")))
        .hasMessageContaining("DLV-0506");
    assertThat(asOfficer(() -> budgets.lines(north, year)))
        .filteredOn(l -> l.id().equals(line.id()))
        .singleElement()
        .satisfies(l -> assertThat(l.administrativeCost()).isEqualByComparingTo("250.00"));
    // The officer's page shows the lines and refuses a cost outside the line's year beside it.
    org.socius.support.WebSession officer = new org.socius.support.WebSession(port);
    assertThat(officer.signIn("officer.north", Fixtures.DEMO_PASSWORD)).isTrue();
    var page = officer.get("/budgets?year=" + year);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Budgets of " + year, funding.name(), other.name(), "Exceeded", "250.00");
    var refused =
        officer.post(
            "/budgets?year=" + year,
            "/budgets/administrative-costs",
            java.util.Map.of(
                "lineId",
                line.id().toString(),
                "year",
                String.valueOf(year),
                "costIncurredOn",
                (year - 1) + "-06-01",
                "costAmount",
                "10",
                "costDescription",
                "Last year's rent"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("href=\"#costIncurredOn\"");
    // Another region's officer sees none of the north's lines.
    assertThat(fixtures.as("officer.south", () -> budgets.lines(north, year))).isEmpty();
    clock.reset();
    agreedCases.close(agreed);
  }

  @Test
  void theOfficerIsWarnedOnTheClaimAndOnTheDashboardBeforeALineRunsOut() {
    LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
    UUID north = fixtures.unit("NV-N").id();
    // Two programmes the other test leaves alone: one with room to spare, one nearly spent.
    Programme ample = otherProgrammes().get(2);
    Programme tight = otherProgrammes().get(3);
    Agreed agreed = homeCareDeliveredAndConfirmed(today, 8);
    Agreement care = agreed.with(HARBOUR);
    clock.advance(Duration.ofDays(40));
    int year = LocalDate.now(clock).getYear();
    Claim claim =
        asOfficer(() -> claims.build(north, YearMonth.from(today), care.providerId())).getFirst();
    BigDecimal net =
        asOfficer(() -> claims.lines(claim.id())).stream()
            .filter(l -> !l.rejected())
            .map(Claim.Line::net)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    asOfficer(
        () ->
            budgets.define(
                north,
                new Budgets.NewLine(
                    ample.id(), year, new BigDecimal("10000000.00"), List.of("HOME-CARE"), null)));
    asOfficer(
        () ->
            budgets.define(
                north,
                new Budgets.NewLine(
                    tight.id(), year, new BigDecimal("1.00"), List.of("HOME-CARE"), null)));

    List<Budgets.Draw> draws = asOfficer(() -> budgets.drawnOnBy(claim, claims.lines(claim.id())));
    assertThat(draws)
        .filteredOn(d -> d.line().programmeId().equals(ample.id()))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.claimed()).isEqualByComparingTo(net);
              assertThat(d.standingAfter()).isEqualTo(BudgetLine.Standing.WITHIN);
            });
    assertThat(draws)
        .filteredOn(d -> d.line().programmeId().equals(tight.id()))
        .singleElement()
        .satisfies(d -> assertThat(d.standingAfter()).isEqualTo(BudgetLine.Standing.EXCEEDED));

    org.socius.support.WebSession officer = new org.socius.support.WebSession(port);
    assertThat(officer.signIn("officer.north", Fixtures.DEMO_PASSWORD)).isTrue();
    String page = officer.get("/claims/" + claim.id()).body();
    assertThat(page)
        .contains(
            "The budget it is paid from",
            ample.name() + ": this claim takes " + net,
            "within the budget once paid",
            tight.name() + ": this claim takes " + net,
            "over the budget once paid");
    String dashboard = officer.get("/").body();
    assertThat(dashboard).contains(tight.name()).doesNotContain(ample.name() + ":");
    // Another region's officer is not warned of the north's lines.
    org.socius.support.WebSession south = new org.socius.support.WebSession(port);
    assertThat(south.signIn("officer.south", Fixtures.DEMO_PASSWORD)).isTrue();
    assertThat(south.get("/").body()).doesNotContain(tight.name());
    // The provider sees its claim, not the region's budgets.
    org.socius.support.WebSession staff = new org.socius.support.WebSession(port);
    assertThat(staff.signIn("provider.staff", Fixtures.DEMO_PASSWORD)).isTrue();
    String theirs = staff.get("/claims/" + claim.id()).body();
    assertThat(theirs).contains(claim.reference()).doesNotContain("The budget it is paid from");
    clock.reset();
    agreedCases.close(agreed);
  }

  /** The demo's budget is for the service contribution programme; the tests' lines for others. */
  private List<Programme> otherProgrammes() {
    return programmes.all().stream().filter(p -> !p.code().equals("SERVICE-CONTRIBUTION")).toList();
  }

  /** A client with Harbour's home care, visited today at the hours given, each visit confirmed. */
  private Agreed homeCareDeliveredAndConfirmed(LocalDate today, int... hours) {
    Agreed agreed =
        agreedCases.agreed(
            "1400.00", today, List.of(new Planned("HOME-CARE", "4", HARBOUR, "provider.staff")));
    Agreement care = agreed.with(HARBOUR);
    String carer = "Carer " + UUID.randomUUID().toString().substring(0, 6);
    List<NewDelivery> visits = new java.util.ArrayList<>();
    for (int hour : hours) {
      visits.add(visit(care, today, hour, carer));
    }
    Deliveries.Outcome sent =
        fixtures.as(
            "provider.staff",
            () ->
                deliveries.record(
                    care.providerId(), "budget-" + care.id(), Deliveries.Source.API, visits));
    assertThat(sent.accepted()).isTrue();
    for (DeliveryRecord r :
        fixtures.as("worker.harbour", () -> deliveries.ofCase(agreed.details().id()).records())) {
      fixtures.as("worker.harbour", () -> deliveries.confirm(r.id(), r.version()));
    }
    return agreed;
  }

  private static NewDelivery visit(Agreement a, LocalDate day, int hour, String carer) {
    return new NewDelivery(
        a.reference(),
        "HOME-CARE",
        day,
        LocalTime.of(hour, 0),
        LocalTime.of(hour + 1, 0),
        null,
        carer,
        "At home",
        "");
  }
}
