package org.socius.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.socius.accounts.UserAccount;
import org.socius.cases.Agreement;
import org.socius.delivery.BankAccount;
import org.socius.delivery.BudgetLine;
import org.socius.delivery.Budgets;
import org.socius.delivery.Deliveries;
import org.socius.delivery.DeliveryRecord;
import org.socius.delivery.NewDelivery;
import org.socius.delivery.Payments;
import org.socius.platform.security.Actor;
import org.socius.programmes.Programmes;
import org.springframework.stereotype.Component;

/**
 * The old man's home care of the last ten days as Harbour Care Association recorded it, a morning
 * visit a day: his niece has confirmed the first six, disputed one, and three wait for her answer.
 * The region's treasury account and the provider's are set, so that claims can be paid, and the
 * region's budget for social services this year.
 */
@Component
class DemoDeliveries {

  private static final int DAYS = 10;
  private static final int CONFIRMED = 6;

  private final Deliveries deliveries;
  private final Payments payments;
  private final Budgets budgets;
  private final Programmes programmes;

  DemoDeliveries(Deliveries deliveries, Payments payments, Budgets budgets, Programmes programmes) {
    this.deliveries = deliveries;
    this.payments = payments;
    this.budgets = budgets;
    this.programmes = programmes;
  }

  void load(Agreement homeCare, UserAccount providerStaff, UserAccount niece, UserAccount officer) {
    Actor staff = DemoActors.of(providerStaff);
    // The accounts money goes from and to: the region's treasury and the provider's bank.
    DemoActors.as(
        DemoActors.of(officer),
        () ->
            payments.setRegionAccount(
                homeCare.regionId(),
                BankAccount.typed(
                    "Northern Region Treasury", "NV73NOVB0001000200030004", "NOVBNVN1")));
    DemoActors.as(
        staff,
        () ->
            payments.setPayeeAccount(
                homeCare.providerId(),
                BankAccount.typed(
                    "Harbour Care Association", "NV54NOVB0009000800070006", "NOVBNVN1")));
    Actor representative = DemoActors.of(niece);
    budget(DemoActors.of(officer), homeCare.regionId());
    LocalDate today = LocalDate.now();
    List<NewDelivery> visits = new ArrayList<>();
    for (int back = DAYS; back >= 1; back--) {
      visits.add(
          new NewDelivery(
              homeCare.reference(),
              "HOME-CARE",
              today.minusDays(back),
              LocalTime.of(8, 30),
              LocalTime.of(10, 30),
              null,
              "Maria Lopez",
              "9 Old Pier Street",
              ""));
    }
    Deliveries.Outcome taken =
        DemoActors.as(
            staff,
            () ->
                deliveries.record(
                    homeCare.providerId(), "demo-home-care", Deliveries.Source.API, visits));
    List<DeliveryRecord> recorded =
        DemoActors.as(staff, () -> deliveries.ofBatch(homeCare.providerId(), taken.batchId()));
    for (DeliveryRecord r : recorded.subList(0, CONFIRMED)) {
      DemoActors.as(representative, () -> deliveries.confirm(r.id(), r.version()));
    }
    DeliveryRecord missed = recorded.get(CONFIRMED);
    DemoActors.as(
        representative,
        () ->
            deliveries.dispute(
                missed.id(),
                missed.version(),
                "Nobody came that morning: I phoned him at eleven and he had not been washed."));
  }

  /**
   * The north's budget for social services this year, paying home, day and residential care,
   * respite and meals, with the administration's cost of the first month recorded.
   */
  private void budget(Actor officer, java.util.UUID north) {
    java.util.UUID programme =
        programmes.all().stream()
            .filter(p -> p.code().equals("SERVICE-CONTRIBUTION"))
            .findFirst()
            .orElseThrow()
            .id();
    LocalDate today = LocalDate.now();
    BudgetLine line =
        DemoActors.as(
            officer,
            () ->
                budgets.define(
                    north,
                    new Budgets.NewLine(
                        programme,
                        today.getYear(),
                        new java.math.BigDecimal("120000.00"),
                        List.of("HOME-CARE", "DAY-CARE", "RES-CARE", "RESPITE", "HOT-MEALS"),
                        new java.math.BigDecimal("0.90"))));
    DemoActors.as(
        officer,
        () ->
            budgets.recordAdministrativeCost(
                line.id(),
                today.withDayOfYear(1),
                new java.math.BigDecimal("1850.00"),
                "Case workers' time assessing and planning, January"));
  }
}
