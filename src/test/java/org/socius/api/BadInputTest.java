package org.socius.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socius.support.Api;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad input gets a 4xx problem-details answer that says what is wrong, never a 500, and changes
 * nothing.
 */
@IntegrationTest
class BadInputTest {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  Api admin;
  String harbour;

  @BeforeEach
  void setUp() {
    admin = new Api(port, fixtures.tokenFor("admin"));
    harbour = fixtures.unit("NV-N-01").id().toString();
  }

  private static void assertProblem(Api.Response response, int status, String code) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.header("content-type")).startsWith("application/problem+json");
    assertThat(response.json().path("code").asString()).isEqualTo(code);
    assertThat(response.json().path("detail").asString()).isNotBlank();
  }

  private int settlementsOfHarbour() {
    return admin.get("/api/v1/territories?parentId=" + harbour).json().path("totalItems").asInt();
  }

  @Test
  void malformedJsonIsRefused() {
    int before = settlementsOfHarbour();
    Api.Response response = admin.post("/api/v1/territories", "{\"level\": \"SETTLEMENT\", ");
    assertProblem(response, 400, "PLT-0400");
    assertThat(response.json().path("errors").get(0).path("code").asString()).isEqualTo("PLT-0108");
    assertThat(settlementsOfHarbour()).isEqualTo(before);
  }

  @Test
  void aValueOfTheWrongTypeNamesItsField() {
    Api.Response response =
        admin.post(
            "/api/v1/territories",
            "{\"level\":\"VILLAGE\",\"parentId\":\""
                + harbour
                + "\",\"code\":\"X1\",\"name\":\"X\"}");
    assertProblem(response, 400, "PLT-0400");
    assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("level");
  }

  @Test
  void anUnknownFieldIsRefused() {
    int before = settlementsOfHarbour();
    Api.Response response =
        admin.post(
            "/api/v1/territories",
            "{\"level\":\"SETTLEMENT\",\"parentId\":\""
                + harbour
                + "\",\"code\":\"NV-X-9\",\"name\":\"Nine\",\"population\":5}");
    assertProblem(response, 400, "PLT-0400");
    assertThat(response.json().path("errors").get(0).path("field").asString())
        .isEqualTo("population");
    assertThat(settlementsOfHarbour()).isEqualTo(before);
  }

  @Test
  void missingRequiredFieldsAreListedOneByOne() {
    Api.Response response = admin.post("/api/v1/territories", "{\"parentId\":\"" + harbour + "\"}");
    assertProblem(response, 400, "PLT-0400");
    assertThat(response.json().path("errors").findValuesAsString("field"))
        .contains("level", "code", "name");
  }

  @Test
  void businessRulesAnswerWithTheirOwnCodes() {
    Api.Response response =
        admin.post(
            "/api/v1/territories",
            "{\"level\":\"REGION\",\"parentId\":\""
                + harbour
                + "\",\"code\":\"bad code!\",\"name\":\"X\"}");
    assertProblem(response, 400, "PLT-0400");
    assertThat(response.json().path("errors").findValuesAsString("code"))
        .contains("TER-0101", "TER-0110");
  }

  @Test
  void anOversizeBodyIsRefusedBeforeItIsRead() {
    String huge = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
    assertProblem(admin.post("/api/v1/territories", huge), 413, "PLT-0413");
  }

  @Test
  void aBadPathOrQueryValueIsA400() {
    assertProblem(admin.get("/api/v1/territories/not-a-uuid"), 400, "PLT-0400");
    assertProblem(admin.get("/api/v1/territories?size=100000"), 400, "PLT-0400");
    assertProblem(admin.get("/api/v1/territories/" + UUID.randomUUID()), 404, "PLT-0404");
  }

  @Test
  void aStaleIfMatchIsALostUpdateAndChangesNothing() {
    Api.Response created =
        admin.post(
            "/api/v1/territories",
            "{\"level\":\"SETTLEMENT\",\"parentId\":\""
                + harbour
                + "\",\"code\":\"NV-N-01-ETAG\",\"name\":\"Lighthouse\"}");
    assertThat(created.status()).isEqualTo(201);
    String location = created.header("location");
    String etag = created.header("etag");

    Api.Response renamed =
        admin.put(
            location,
            "{\"code\":\"NV-N-01-ETAG\",\"name\":\"Lighthouse Hill\"}",
            Map.of("If-Match", etag));
    assertThat(renamed.status()).isEqualTo(200);
    assertThat(renamed.header("etag")).isNotEqualTo(etag);

    Api.Response lost =
        admin.put(
            location,
            "{\"code\":\"NV-N-01-ETAG\",\"name\":\"Overwritten\"}",
            Map.of("If-Match", etag));
    assertProblem(lost, 409, "PLT-0409");
    assertProblem(
        admin.put(location, "{\"code\":\"NV-N-01-ETAG\",\"name\":\"Overwritten\"}", Map.of()),
        428,
        "PLT-0428");
    assertThat(admin.get(location).json().path("name").asString()).isEqualTo("Lighthouse Hill");
  }

  @Test
  void aRetriedPostWithTheSameKeyCreatesNothingNew() {
    String body =
        "{\"level\":\"SETTLEMENT\",\"parentId\":\""
            + harbour
            + "\",\"code\":\"NV-N-01-IDEM\",\"name\":\"Dockside\"}";
    String key = UUID.randomUUID().toString();
    int before = settlementsOfHarbour();

    Api.Response first = admin.post("/api/v1/territories", body, Map.of("Idempotency-Key", key));
    Api.Response retry = admin.post("/api/v1/territories", body, Map.of("Idempotency-Key", key));

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
    assertThat(retry.header("location")).isEqualTo(first.header("location"));
    assertThat(retry.header("idempotent-replayed")).isEqualTo("true");
    assertThat(settlementsOfHarbour()).isEqualTo(before + 1);

    Api.Response reused =
        admin.post(
            "/api/v1/territories",
            body.replace("Dockside", "Other"),
            Map.of("Idempotency-Key", key));
    assertProblem(reused, 422, "PLT-0422");
    assertThat(settlementsOfHarbour()).isEqualTo(before + 1);
  }

  @Test
  void aRefusedPostIsReplayedWithTheSameRefusal() {
    String key = UUID.randomUUID().toString();
    String bad =
        "{\"level\":\"SETTLEMENT\",\"parentId\":\""
            + harbour
            + "\",\"code\":\"NV-N-01-01\",\"name\":\"Duplicate\"}";
    assertThat(admin.post("/api/v1/territories", bad, Map.of("Idempotency-Key", key)).status())
        .isEqualTo(400);
    // A refusal is an answer too: the retry gets the same refusal, not a second evaluation.
    Api.Response retry = admin.post("/api/v1/territories", bad, Map.of("Idempotency-Key", key));
    assertThat(retry.status()).isEqualTo(400);
    assertThat(retry.header("idempotent-replayed")).isEqualTo("true");
  }

  @Test
  void withoutATokenTheApiAnswers401AndWithABadOne401Too() {
    assertProblem(new Api(port, null).get("/api/v1/me"), 401, "PLT-0401");
    assertProblem(new Api(port, "soc_not-a-real-token").get("/api/v1/me"), 401, "PLT-0401");
  }

  @Test
  void aRoleThatMayNotActGets403() {
    Api worker = new Api(port, fixtures.tokenFor("worker.harbour"));
    assertProblem(worker.get("/api/v1/users"), 403, "PLT-0403");
  }
}
