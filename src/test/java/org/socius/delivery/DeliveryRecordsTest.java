package org.socius.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socius.cases.Agreement;
import org.socius.cases.CaseAccess;
import org.socius.cases.ClientAccess;
import org.socius.delivery.DeliveryRecord.AnsweredAs;
import org.socius.delivery.DeliveryRecord.Status;
import org.socius.platform.api.ImportReport.LineFinding;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.support.AgreedCases;
import org.socius.support.AgreedCases.Agreed;
import org.socius.support.AgreedCases.Planned;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.socius.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class DeliveryRecordsTest {

  private static final String HARBOUR = "Harbour Care Association";
  private static final String PARISH = "St Nicholas Parish Charity";

  @Autowired Fixtures fixtures;
  @Autowired AgreedCases agreedCases;
  @Autowired Deliveries deliveries;
  @Autowired ClientAccess clientAccess;
  @Autowired TestClock clock;

  @AfterEach
  void giveBack() {
    clock.reset();
    agreedCases.closeAll();
  }

  private final LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);

  // Staff of the demo provider, named afresh for each test: a staff member's visits must not
  // overlap, whichever client they are for, and the tests share the provider.
  private final String anna = "Anna " + UUID.randomUUID().toString().substring(0, 8);
  private final String ben = "Ben " + UUID.randomUUID().toString().substring(0, 8);

  private Agreed homeCareAndMeals() {
    return agreedCases.agreed(
        "1000.00",
        today.minusDays(20),
        List.of(
            new Planned("HOME-CARE", "2", HARBOUR, "provider.staff"),
            new Planned("HOT-MEALS", "31", PARISH, "staff.parish")));
  }

  private static NewDelivery visit(
      Agreement a, LocalDate day, String start, String end, String staff) {
    return new NewDelivery(
        a.reference(),
        "HOME-CARE",
        day,
        LocalTime.parse(start),
        LocalTime.parse(end),
        null,
        staff,
        "At home",
        "");
  }

  private <T> T asHarbour(Supplier<T> work) {
    return fixtures.as("provider.staff", work);
  }

  private Deliveries.Outcome send(Agreement a, String key, List<NewDelivery> records) {
    return asHarbour(() -> deliveries.record(a.providerId(), key, Deliveries.Source.API, records));
  }

  private static List<String> codes(Deliveries.Outcome outcome) {
    return outcome.report().findings().stream().map(f -> f.finding().code()).toList();
  }

  private int recordedFor(Agreed agreed) {
    return fixtures
        .as("worker.harbour", () -> deliveries.ofCase(agreed.details().id()).records())
        .size();
  }

  @Test
  void aVisitIsTakenAtTheAgreedPriceAndWhatBreaksTheAgreementOrThePlanIsRefused() {
    Agreed agreed = homeCareAndMeals();
    Agreement care = agreed.with(HARBOUR);
    Agreement meals = agreed.with(PARISH);
    LocalDate day = today.minusDays(3);

    DeliveryRecord first =
        asHarbour(
            () ->
                deliveries.recordOne(
                    care.providerId(),
                    "visit-1-" + care.id(),
                    Deliveries.Source.API,
                    visit(care, day, "09:00", "10:30", anna)));
    assertThat(first.status()).isEqualTo(Status.RECORDED);
    assertThat(first.units()).isEqualByComparingTo("1.50");
    assertThat(first.unitPrice()).isEqualByComparingTo(care.services().getFirst().unitPrice());
    assertThat(first.amount())
        .isEqualByComparingTo(
            care.services().getFirst().unitPrice().multiply(new BigDecimal("1.5")));
    assertThat(first.caseId()).isEqualTo(agreed.details().id());

    // Each wrong record says what is wrong, and nothing of a refused set is taken.
    Deliveries.Outcome refused =
        send(
            care,
            "wrong-" + care.id(),
            List.of(
                visit(care, today.plusDays(1), "09:00", "10:00", anna),
                visit(care, today.minusDays(30), "09:00", "10:00", anna),
                visit(meals, day, "12:00", "12:30", anna),
                new NewDelivery(care.reference(), "HOT-MEALS", day, null, null, null, "", "", ""),
                visit(care, day, "10:00", "10:15", anna),
                visit(care, day.minusDays(1), "11:00", "10:00", ben),
                new NewDelivery(
                    care.reference(),
                    "HOME-CARE",
                    day.minusDays(1),
                    null,
                    null,
                    new BigDecimal("-1"),
                    "",
                    "",
                    "")));
    assertThat(refused.accepted()).isFalse();
    assertThat(refused.report().findings())
        .extracting(LineFinding::line, f -> f.finding().code())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "DLV-0104"),
            org.assertj.core.groups.Tuple.tuple(2, "DLV-0105"),
            org.assertj.core.groups.Tuple.tuple(3, "DLV-0101"),
            org.assertj.core.groups.Tuple.tuple(4, "DLV-0102"),
            org.assertj.core.groups.Tuple.tuple(5, "DLV-0111"),
            org.assertj.core.groups.Tuple.tuple(6, "DLV-0115"),
            org.assertj.core.groups.Tuple.tuple(7, "DLV-0108"));
    assertThat(recordedFor(agreed)).isEqualTo(1);

    // Two hours a day are planned: a second visit that day going beyond needs its reason.
    NewDelivery beyond = visit(care, day, "14:00", "15:00", ben);
    assertThat(codes(send(care, "beyond-" + care.id(), List.of(beyond))))
        .containsExactly("DLV-0110");
    NewDelivery withReason =
        new NewDelivery(
            care.reference(),
            "HOME-CARE",
            day,
            LocalTime.of(14, 0),
            LocalTime.of(15, 0),
            null,
            ben,
            "At home",
            "Fell in the afternoon; stayed until the doctor came.");
    assertThat(send(care, "beyond-reason-" + care.id(), List.of(withReason)).accepted()).isTrue();
    assertThat(recordedFor(agreed)).isEqualTo(2);

    // Another provider's staff cannot record under this agreement, nor see its records.
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "staff.parish",
                    () ->
                        deliveries.record(
                            care.providerId(),
                            "theirs-" + care.id(),
                            Deliveries.Source.API,
                            List.of(visit(care, day, "16:00", "17:00", "Eve")))))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () -> fixtures.as("worker.riverside", () -> deliveries.ofCase(agreed.details().id())))
        .isInstanceOf(NotFoundException.class);
    agreedCases.close(agreed);
  }

  @Test
  void aSetSentAgainUnderItsKeyIsTakenOnceAndAnotherSetUnderThatKeyIsRefused() {
    Agreed agreed = homeCareAndMeals();
    Agreement care = agreed.with(HARBOUR);
    String key = "batch-" + UUID.randomUUID();
    List<NewDelivery> set =
        List.of(
            visit(care, today.minusDays(5), "09:00", "10:00", anna),
            visit(care, today.minusDays(4), "09:00", "10:00", anna),
            visit(care, today.minusDays(3), "09:00", "10:00", anna));
    Deliveries.Outcome taken = send(care, key, set);
    assertThat(taken.accepted()).isTrue();
    assertThat(taken.replayed()).isFalse();
    assertThat(taken.report().imported()).isEqualTo(3);

    Deliveries.Outcome again = send(care, key, set);
    assertThat(again.replayed()).isTrue();
    assertThat(again.batchId()).isEqualTo(taken.batchId());
    assertThat(recordedFor(agreed)).isEqualTo(3);
    assertThat(asHarbour(() -> deliveries.ofBatch(care.providerId(), taken.batchId())))
        .extracting(DeliveryRecord::deliveredOn)
        .containsExactly(today.minusDays(5), today.minusDays(4), today.minusDays(3));

    assertThatThrownBy(() -> send(care, key, set.subList(0, 2)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("DLV-0119");
    // A refused set leaves its key free: corrected, it is sent again under the same key.
    String corrected = "corrected-" + UUID.randomUUID();
    NewDelivery future = visit(care, today.plusDays(1), "12:00", "13:00", ben);
    assertThat(send(care, corrected, List.of(future)).accepted()).isFalse();
    assertThat(
            send(care, corrected, List.of(visit(care, today.minusDays(1), "12:00", "13:00", ben)))
                .accepted())
        .isTrue();
    assertThatThrownBy(() -> send(care, " ", set))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("DLV-0113");
    agreedCases.close(agreed);
  }

  @Test
  void ofTwoOverlappingVisitsOfOneCarerSentAtOnceOneIsTaken() throws Exception {
    Agreed agreed = homeCareAndMeals();
    Agreement care = agreed.with(HARBOUR);
    LocalDate day = today.minusDays(2);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<Boolean>> taken = new java.util.ArrayList<>();
      // 09:00-10:00 and 09:30-10:30: the same carer cannot give both.
      for (String[] visit :
          List.of(new String[] {"09:00", "10:00"}, new String[] {"09:30", "10:30"})) {
        taken.add(
            pool.submit(
                () -> {
                  start.await();
                  return send(
                          care,
                          "race-" + visit[0] + care.id(),
                          List.of(visit(care, day, visit[0], visit[1], anna)))
                      .accepted();
                }));
      }
      start.countDown();
      int accepted = 0;
      for (var f : taken) {
        accepted += f.get() ? 1 : 0;
      }
      assertThat(accepted).isEqualTo(1);
      assertThat(recordedFor(agreed)).isEqualTo(1);
    } finally {
      pool.shutdownNow();
      agreedCases.close(agreed);
    }
  }

  @Test
  void nothingIsDeliveredToACaseAfterItClosed() {
    Agreed agreed = homeCareAndMeals();
    Agreement care = agreed.with(HARBOUR);
    agreedCases.close(agreed);
    clock.advance(Duration.ofDays(2));
    LocalDate afterClosing = today.plusDays(1);
    assertThat(
            codes(
                send(
                    care,
                    "closed-" + care.id(),
                    List.of(visit(care, afterClosing, "09:00", "10:00", anna)))))
        .containsExactly("DLV-0107");
    // What was given up to the day it closed is still recorded.
    assertThat(
            send(
                    care,
                    "before-closing-" + care.id(),
                    List.of(visit(care, today.minusDays(1), "09:00", "10:00", anna)))
                .accepted())
        .isTrue();
  }

  @Test
  void theClientConfirmsOrDisputesAndTheWorkerSettlesTheDispute() {
    Agreed agreed = homeCareAndMeals();
    Agreement care = agreed.with(HARBOUR);
    UUID caseId = agreed.details().id();
    Deliveries.Outcome sent =
        send(
            care,
            "answers-" + care.id(),
            List.of(
                visit(care, today.minusDays(3), "09:00", "10:00", anna),
                visit(care, today.minusDays(2), "09:00", "10:00", anna),
                visit(care, today.minusDays(1), "09:00", "10:00", anna)));
    assertThat(sent.accepted()).isTrue();
    CaseAccess access =
        fixtures.as(
            "worker.harbour",
            () -> clientAccess.give(caseId, "beneficiary", CaseAccess.Capacity.REPRESENTATIVE));
    try {
      List<DeliveryRecord> mine =
          fixtures.as("beneficiary", () -> deliveries.forClient(caseId).records());
      assertThat(mine).hasSize(3);
      DeliveryRecord last = mine.get(0);
      DeliveryRecord middle = mine.get(1);
      DeliveryRecord first = mine.get(2);
      DeliveryRecord confirmed =
          fixtures.as("beneficiary", () -> deliveries.confirm(first.id(), first.version()));
      assertThat(confirmed.status()).isEqualTo(Status.CONFIRMED);
      assertThat(confirmed.answeredAs()).isEqualTo(AnsweredAs.REPRESENTATIVE);
      fixtures.as("beneficiary", () -> deliveries.confirm(middle.id(), middle.version()));
      assertThatThrownBy(
              () -> fixtures.as("beneficiary", () -> deliveries.dispute(last.id(), 0, "  ")))
          .hasMessageContaining("DLV-0122");
      DeliveryRecord disputed =
          fixtures.as(
              "beneficiary",
              () -> deliveries.dispute(last.id(), last.version(), "Nobody came that day."));
      assertThat(disputed.status()).isEqualTo(Status.DISPUTED);
      assertThatThrownBy(
              () ->
                  fixtures.as(
                      "beneficiary", () -> deliveries.confirm(last.id(), disputed.version())))
          .hasMessageContaining("DLV-0126");

      // The dispute goes to the worker, who settles it; the client cannot.
      assertThat(fixtures.as("worker.harbour", () -> deliveries.disputes()))
          .extracting(DeliveryRecord::id)
          .contains(last.id());
      assertThat(fixtures.as("worker.riverside", () -> deliveries.disputes()))
          .extracting(DeliveryRecord::id)
          .doesNotContain(last.id());
      assertThatThrownBy(
              () ->
                  fixtures.as(
                      "beneficiary",
                      () -> deliveries.settle(last.id(), disputed.version(), false, "No.")))
          .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
      DeliveryRecord settled =
          fixtures.as(
              "worker.harbour",
              () ->
                  deliveries.settle(
                      last.id(),
                      disputed.version(),
                      false,
                      "The carer's phone shows her elsewhere that morning."));
      assertThat(settled.status()).isEqualTo(Status.REJECTED);
      assertThat(fixtures.as("worker.harbour", () -> deliveries.disputes()))
          .extracting(DeliveryRecord::id)
          .doesNotContain(last.id());
      // A confirmed record is not withdrawn by the provider.
      assertThatThrownBy(
              () -> asHarbour(() -> deliveries.withdraw(first.id(), confirmed.version())))
          .hasMessageContaining("DLV-0125");
    } finally {
      fixtures.as(
          "worker.harbour",
          () -> {
            clientAccess.end(caseId, access.id());
            return null;
          });
      agreedCases.close(agreed);
    }
  }

  @Test
  void aCsvFileWithAMalformedLineIsRefusedWholeNamingTheLine() {
    Agreed agreed = homeCareAndMeals();
    Agreement care = agreed.with(HARBOUR);
    String day = today.minusDays(2).toString();
    String csv =
        "agreement,service,date,start,end,staff,place\n"
            + care.reference()
            + ",HOME-CARE,"
            + day
            + ",09:00,10:00,"
            + anna
            + ",At home\n"
            + care.reference()
            + ",HOME-CARE,yesterday,09:00,10:00,"
            + anna
            + ",At home\n"
            + care.reference()
            + ",HOME-CARE,"
            + day
            + ",11:00,ten,"
            + anna
            + ",At home\n";
    Deliveries.Outcome refused =
        asHarbour(() -> deliveries.recordCsv(care.providerId(), "csv-1-" + care.id(), csv));
    assertThat(refused.accepted()).isFalse();
    assertThat(refused.report().findings())
        .extracting(LineFinding::line, f -> f.finding().code())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3, "DLV-0134"),
            org.assertj.core.groups.Tuple.tuple(4, "DLV-0135"));
    assertThat(recordedFor(agreed)).isZero();

    String good =
        "agreement,service,date,start,end,staff,place\n"
            + care.reference()
            + ",HOME-CARE,"
            + day
            + ",09:00,10:00,"
            + anna
            + ",At home\n"
            + care.reference()
            + ",HOME-CARE,"
            + day
            + ",10:00,10:30,"
            + anna
            + ",At home\n"
            + care.reference()
            + ",HOME-CARE,"
            + day
            + ",10:15,10:30,"
            + anna
            + ",At home\n";
    Deliveries.Outcome overlapping =
        asHarbour(() -> deliveries.recordCsv(care.providerId(), "csv-2-" + care.id(), good));
    assertThat(overlapping.report().findings())
        .extracting(LineFinding::line, f -> f.finding().code())
        .containsExactly(org.assertj.core.groups.Tuple.tuple(4, "DLV-0111"));
    String fixed = good.substring(0, good.lastIndexOf(care.reference()));
    Deliveries.Outcome taken =
        asHarbour(() -> deliveries.recordCsv(care.providerId(), "csv-3-" + care.id(), fixed));
    assertThat(taken.accepted()).isTrue();
    assertThat(recordedFor(agreed)).isEqualTo(2);
    agreedCases.close(agreed);
  }
}
