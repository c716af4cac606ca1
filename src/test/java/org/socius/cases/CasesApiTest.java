package org.socius.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socius.support.Api;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.socius.support.SampleHouseholds;
import org.socius.support.SampleHouseholds.Member;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cases through the API: bad intake names its fields, a change needs the version it was made from,
 * a skipped step and a bad instrument are refused with their code, and none of it changes the case.
 */
@IntegrationTest
class CasesApiTest {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired SampleHouseholds households;

  @Test
  void refusalsSayWhatIsWrongAndChangeNothing() {
    Api worker = new Api(port, fixtures.tokenFor("worker.harbour"));
    UUID person =
        households
            .create(
                "worker.harbour",
                "NV-N-01",
                "Ca" + Long.toString(System.nanoTime() % 1_000_000_000L, 36),
                List.of(new Member(LocalDate.of(1950, 1, 1), "100.00")))
            .headId();

    Api.Response bad = worker.post("/api/v1/cases", "{\"personId\":\"" + person + "\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("errors").findValuesAsString("field"))
        .contains("sector", "source", "request");

    Api.Response opened =
        worker.post(
            "/api/v1/cases",
            "{\"personId\":\""
                + person
                + "\",\"sector\":\"EDUCATION\",\"source\":\"AGENCY\",\"requester\":\"School 4\","
                + "\"request\":\"Child misses school.\",\"urgent\":false,\"language\":\"ru\"}");
    assertThat(opened.status()).isEqualTo(201);
    String location = opened.header("location");
    assertThat(opened.header("etag")).isEqualTo("\"0\"");

    String step = "{\"step\":\"INITIAL_EVALUATION\",\"record\":\"Met the family.\"}";
    // Without If-Match: 428; with an old version: 409; naming a later step: 409 CAS-0402.
    assertThat(worker.post(location + "/steps", step).status()).isEqualTo(428);
    assertThat(worker.post(location + "/steps", step, Map.of("If-Match", "\"7\"")).status())
        .isEqualTo(409);
    Api.Response skipped =
        worker.post(
            location + "/steps",
            "{\"step\":\"INDIVIDUAL_PLAN\",\"record\":\"x\"}",
            Map.of("If-Match", "\"0\""));
    assertThat(skipped.status()).isEqualTo(409);
    assertThat(skipped.json().path("code").asString()).isEqualTo("CAS-0402");
    Api.Response badAssessment =
        worker.post(
            location + "/assessments",
            "{\"instrumentId\":\""
                + UUID.randomUUID()
                + "\",\"answers\":{},\"assessedOn\":\""
                + LocalDate.now()
                + "\"}");
    assertThat(badAssessment.status()).isEqualTo(400);
    Api.Response file = worker.get(location);
    assertThat(file.json().path("theCase").path("version").asInt()).isZero();
    assertThat(file.json().path("assessments").size()).isZero();

    Api.Response done = worker.post(location + "/steps", step, Map.of("If-Match", "\"0\""));
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.header("etag")).isEqualTo("\"1\"");
    assertThat(
            worker
                .get("/api/v1/cases?view=MINE&size=200")
                .json()
                .path("items")
                .findValuesAsString("reference"))
        .contains(file.json().path("theCase").path("reference").asString());
  }

  @Test
  void aRetriedIntakeOpensOneCase() {
    Api worker = new Api(port, fixtures.tokenFor("worker.harbour"));
    UUID person =
        households
            .create(
                "worker.harbour",
                "NV-N-01",
                "Cr" + Long.toString(System.nanoTime() % 1_000_000_000L, 36),
                List.of(new Member(LocalDate.of(1944, 3, 3), "90.00")))
            .headId();
    String body =
        "{\"personId\":\""
            + person
            + "\",\"sector\":\"HEALTH\",\"source\":\"HOTLINE\",\"request\":\"Needs meals.\"}";
    Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
    Api.Response first = worker.post("/api/v1/cases", body, key);
    Api.Response retry = worker.post("/api/v1/cases", body, key);
    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.header("location")).isEqualTo(first.header("location"));
    long cases =
        worker
            .get("/api/v1/cases?view=ALL&size=200")
            .json()
            .path("items")
            .findValuesAsString("personId")
            .stream()
            .filter(person.toString()::equals)
            .count();
    assertThat(cases).isEqualTo(1);
  }
}
