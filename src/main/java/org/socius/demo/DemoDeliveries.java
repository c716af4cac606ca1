package org.socius.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.socius.accounts.UserAccount;
import org.socius.cases.Agreement;
import org.socius.delivery.Deliveries;
import org.socius.delivery.DeliveryRecord;
import org.socius.delivery.NewDelivery;
import org.socius.platform.security.Actor;
import org.springframework.stereotype.Component;

/**
 * The old man's home care of the last ten days as Harbour Care Association recorded it, a morning
 * visit a day: his niece has confirmed the first six, disputed one, and four wait for her answer.
 */
@Component
class DemoDeliveries {

  private static final int DAYS = 10;
  private static final int CONFIRMED = 6;

  private final Deliveries deliveries;

  DemoDeliveries(Deliveries deliveries) {
    this.deliveries = deliveries;
  }

  void load(Agreement homeCare, UserAccount providerStaff, UserAccount niece) {
    Actor staff = DemoActors.of(providerStaff);
    Actor representative = DemoActors.of(niece);
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
}
