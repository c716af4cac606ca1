package org.socius.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socius.support.Api;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A plan and its agreement through the API: the draft's services under If-Match, the providers to
 * choose from, the choice, the client's agreement, the agreement drawn up, and the provider's
 * answer from its own token.
 */
@IntegrationTest
class PlansApiTest {

  @Autowired Fixtures fixtures;
  @Autowired CasesAtPlanStep planStep;
  @LocalServerPort int port;

  @Test
  void aPlanIsWrittenChosenAgreedAndAnsweredThroughTheApi() {
    Case c = planStep.open("1000.00");
    Api worker = new Api(port, fixtures.tokenFor("worker.harbour"));
    String plans = "/api/v1/cases/" + c.id() + "/plans";

    Api.Response begun = worker.post(plans, "{\"goals\":\"Hot meals every day.\"}");
    assertThat(begun.status()).isEqualTo(201);
    assertThat(worker.post(plans, "{\"goals\":\"Again\"}").status()).isEqualTo(409);

    String service =
        """
        {"serviceTypeId":"%s","units":30,"frequency":"at noon","startsOn":"%s","endsOn":"%s"}"""
            .formatted(planStep.type("HOT-MEALS"), LocalDate.now(), LocalDate.now().plusMonths(3));
    assertThat(worker.post(plans + "/draft/services", service).status()).isEqualTo(428);
    assertThat(
            worker.post(plans + "/draft/services", service, Map.of("If-Match", "\"99\"")).status())
        .isEqualTo(409);
    Api.Response added =
        worker.post(plans + "/draft/services", service, Map.of("If-Match", begun.header("ETag")));
    assertThat(added.status()).isEqualTo(200);
    String serviceId = added.json().get("services").get(0).get("id").asText();

    Api.Response options = worker.get(plans + "/draft/services/" + serviceId + "/providers");
    assertThat(options.status()).isEqualTo(200);
    JsonNode harbour = null;
    for (JsonNode e : options.json().get("providers").get("items")) {
      if (e.get("providerName").asText().equals("Harbour Care Association")) {
        harbour = e;
      }
    }
    assertThat(harbour).isNotNull();
    Api.Response chosen =
        worker.put(
            plans + "/draft/services/" + serviceId + "/choice",
            "{\"registeredServiceId\":\"" + harbour.get("registeredServiceId").asText() + "\"}",
            Map.of("If-Match", added.header("ETag")));
    assertThat(chosen.status()).isEqualTo(200);
    Api.Response agreed =
        worker.post(
            plans + "/draft/agreement",
            "{\"agreedAs\":\"CLIENT\",\"agreedBy\":\"The client\"}",
            Map.of("If-Match", chosen.header("ETag")));
    assertThat(agreed.status()).isEqualTo(200);
    assertThat(agreed.json().get("status").asText()).isEqualTo("AGREED");

    Api.Response drawn = worker.post("/api/v1/cases/" + c.id() + "/agreements", "");
    assertThat(drawn.status()).isEqualTo(200);
    JsonNode agreement = drawn.json().get(0);
    // 30 meals a month at the north's 4.40 cost 132.00, all within the client's 230.00.
    assertThat(agreement.get("monthlyCopayment").decimalValue()).isEqualByComparingTo("132.00");
    assertThat(worker.post("/api/v1/cases/" + c.id() + "/agreements", "").status()).isEqualTo(409);

    Api staff = new Api(port, fixtures.tokenFor("provider.staff"));
    String providerId = agreement.get("providerId").asText();
    Api.Response mine = staff.get("/api/v1/providers/" + providerId + "/agreements");
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.body()).contains(agreement.get("reference").asText());
    String path = "/api/v1/agreements/" + agreement.get("id").asText();
    Api.Response read = staff.get(path);
    assertThat(
            staff
                .post(
                    path + "/decline",
                    "{\"reason\":\" \"}",
                    Map.of("If-Match", read.header("ETag")))
                .status())
        .isEqualTo(400);
    Api.Response accepted =
        staff.post(path + "/acceptance", "", Map.of("If-Match", read.header("ETag")));
    assertThat(accepted.status()).isEqualTo(200);
    assertThat(accepted.json().get("status").asText()).isEqualTo("ACCEPTED");

    // Another provider's staff are told the agreement does not exist; a worker cannot answer it.
    Api parish = new Api(port, fixtures.tokenFor("staff.parish"));
    assertThat(parish.get(path).status()).isEqualTo(404);
    assertThat(parish.get("/api/v1/providers/" + providerId + "/agreements").status())
        .isEqualTo(404);
    assertThat(worker.post(path + "/acceptance", "", Map.of("If-Match", "\"1\"")).status())
        .isEqualTo(403);
  }
}
