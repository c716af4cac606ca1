package org.socius.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socius.cases.Agreement;
import org.socius.cases.CaseAccess;
import org.socius.cases.ClientAccess;
import org.socius.support.AgreedCases;
import org.socius.support.AgreedCases.Agreed;
import org.socius.support.AgreedCases.Planned;
import org.socius.support.Api;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.socius.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class DeliveryApiAndPagesTest {

  private static final String HARBOUR = "Harbour Care Association";

  @Autowired Fixtures fixtures;
  @Autowired AgreedCases agreedCases;

  @org.junit.jupiter.api.AfterEach
  void giveBack() {
    agreedCases.closeAll();
  }

  @Autowired Deliveries deliveries;
  @Autowired ClientAccess clientAccess;
  @LocalServerPort int port;

  private final LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
  private final String staff = "Carer " + UUID.randomUUID().toString().substring(0, 8);

  private Agreed homeCare() {
    return agreedCases.agreed(
        "1000.00",
        today.minusDays(20),
        List.of(new Planned("HOME-CARE", "2", HARBOUR, "provider.staff")));
  }

  private String visit(Agreement a, LocalDate day, String start, String end) {
    return """
        {"agreement": "%s", "service": "HOME-CARE", "date": "%s", "start": "%s", "end": "%s",
         "staff": "%s", "place": "At home"}"""
        .formatted(a.reference(), day, start, end, staff);
  }

  @Test
  void aSetIsTakenOnceUnderItsKeyAndAWrongOneIsRefusedWithEveryProblem() {
    Agreed agreed = homeCare();
    Agreement care = agreed.with(HARBOUR);
    Api api = new Api(port, fixtures.tokenFor("provider.staff"));
    String path = "/api/v1/providers/" + care.providerId() + "/deliveries/batches";
    String set =
        "{\"records\": ["
            + visit(care, today.minusDays(2), "09:00", "10:00")
            + ","
            + visit(care, today.minusDays(1), "09:00", "10:00")
            + "]}";
    String key = "set-" + UUID.randomUUID();

    Api.Response taken = api.post(path, set, Map.of("Idempotency-Key", key));
    assertThat(taken.status()).isEqualTo(201);
    assertThat(taken.json().get("report").get("imported").asInt()).isEqualTo(2);
    Api.Response again = api.post(path, set, Map.of("Idempotency-Key", key));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.json().get("batchId").asString())
        .isEqualTo(taken.json().get("batchId").asString());
    Api.Response read = api.get(taken.header("Location"));
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().size()).isEqualTo(2);

    Api.Response noKey = api.post(path, set, Map.of());
    assertThat(noKey.status()).isEqualTo(400);
    assertThat(noKey.body()).contains("DLV-0113");

    String wrong =
        "{\"records\": ["
            + visit(care, today.plusDays(3), "09:00", "10:00")
            + ","
            + visit(care, today.minusDays(3), "11:00", "10:00")
            + "]}";
    Api.Response refused = api.post(path, wrong, Map.of("Idempotency-Key", "wrong-" + key));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("DLV-0104", "DLV-0115");

    Api.Response csv =
        api.send(
            "POST",
            path,
            "agreement,service,date,start,end,staff\n"
                + care.reference()
                + ",HOME-CARE,not-a-day,09:00,10:00,"
                + staff
                + "\n",
            "text/csv",
            Map.of("Idempotency-Key", "csv-" + key));
    assertThat(csv.status()).isEqualTo(422);
    assertThat(csv.json().get("report").get("findings").get(0).get("line").asInt()).isEqualTo(2);
    assertThat(
            fixtures
                .as("worker.harbour", () -> deliveries.ofCase(agreed.details().id()).records())
                .size())
        .isEqualTo(2);

    // One record on its own, then withdrawn by the provider with its version.
    Api.Response one =
        api.post(
            "/api/v1/providers/" + care.providerId() + "/deliveries",
            visit(care, today.minusDays(4), "09:00", "10:00"));
    assertThat(one.status()).isEqualTo(201);
    Api.Response withdrawn =
        api.post(
            "/api/v1/deliveries/" + one.json().get("id").asString() + "/withdrawal",
            null,
            Map.of("If-Match", one.header("ETag")));
    assertThat(withdrawn.status()).isEqualTo(200);
    assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
    agreedCases.close(agreed);
  }

  @Test
  void theProviderRecordsOnItsPageAndTheClientAndTheWorkerAnswerOnTheirs() {
    Agreed agreed = homeCare();
    Agreement care = agreed.with(HARBOUR);
    UUID caseId = agreed.details().id();
    WebSession provider = new WebSession(port);
    assertThat(provider.signIn("provider.staff", Fixtures.DEMO_PASSWORD)).isTrue();
    String page = "/provider-deliveries?provider=" + care.providerId();
    HttpResponse<String> form = provider.get(page);
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains(care.reference());

    Map<String, String> typed =
        Map.of(
            "provider",
            care.providerId().toString(),
            "key",
            UUID.randomUUID().toString(),
            "line",
            care.reference() + "|HOME-CARE",
            "date",
            today.plusDays(1).toString(),
            "start",
            "09:00",
            "end",
            "10:00",
            "staff",
            staff);
    HttpResponse<String> refused = provider.post(page, "/provider-deliveries/record", typed);
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("is in the future", "href=\"#date\"");

    Map<String, String> right = new java.util.HashMap<>(typed);
    right.put("date", today.minusDays(1).toString());
    HttpResponse<String> recorded = provider.post(page, "/provider-deliveries/record", right);
    assertThat(recorded.statusCode()).isEqualTo(302);
    // The same form sent twice (a double click) records once, and the provider is not told
    // otherwise.
    assertThat(provider.post(page, "/provider-deliveries/record", right).statusCode())
        .isEqualTo(302);
    assertThat(fixtures.as("worker.harbour", () -> deliveries.ofCase(caseId).records())).hasSize(1);

    CaseAccess access =
        fixtures.as(
            "worker.harbour",
            () -> clientAccess.give(caseId, "beneficiary", CaseAccess.Capacity.REPRESENTATIVE));
    try {
      WebSession client = new WebSession(port);
      assertThat(client.signIn("beneficiary", Fixtures.DEMO_PASSWORD)).isTrue();
      HttpResponse<String> mine = client.get("/my-cases/" + caseId + "/deliveries");
      assertThat(mine.statusCode()).isEqualTo(200);
      assertThat(mine.body()).contains("Home care", staff, "Waiting for the client");
      DeliveryRecord r =
          fixtures.as("beneficiary", () -> deliveries.forClient(caseId).records()).getFirst();
      HttpResponse<String> disputed =
          client.post(
              "/my-cases/" + caseId + "/deliveries",
              "/my-cases/" + caseId + "/deliveries/" + r.id() + "/dispute",
              Map.of("version", String.valueOf(r.version()), "reason", "Nobody came."));
      assertThat(disputed.statusCode()).isEqualTo(302);

      WebSession worker = new WebSession(port);
      assertThat(worker.signIn("worker.harbour", Fixtures.DEMO_PASSWORD)).isTrue();
      assertThat(worker.get("/delivery-disputes").body()).contains("Nobody came.");
      // Settling without saying whether it was delivered is refused beside the row's choice.
      DeliveryRecord disputedNow = fixtures.as("worker.harbour", () -> deliveries.get(r.id()));
      HttpResponse<String> undecided =
          worker.post(
              "/cases/" + caseId + "/deliveries",
              "/cases/" + caseId + "/deliveries/" + r.id() + "/settlement",
              Map.of("version", String.valueOf(disputedNow.version()), "note", "Checked."));
      assertThat(undecided.statusCode()).isEqualTo(200);
      assertThat(undecided.body()).contains("href=\"#delivered-" + r.id() + "\"");
      HttpResponse<String> settled =
          worker.post(
              "/cases/" + caseId + "/deliveries",
              "/cases/" + caseId + "/deliveries/" + r.id() + "/settlement",
              Map.of(
                  "version",
                  String.valueOf(disputedNow.version()),
                  "delivered",
                  "true",
                  "note",
                  "The carer's log and the neighbour confirm the visit."));
      assertThat(settled.statusCode()).isEqualTo(302);
      assertThat(worker.get("/cases/" + caseId + "/deliveries").body()).contains("Confirmed");
      assertThat(client.get("/cases/" + caseId + "/deliveries").statusCode()).isEqualTo(403);
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
}
