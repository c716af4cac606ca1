package org.socius.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socius.catalogue.Catalogue;
import org.socius.platform.security.CurrentScope;
import org.socius.support.Api;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A registered provider asks for changes to its capacity and its service points; the region's
 * officer decides; only approved changes reach the public register.
 */
@IntegrationTest
class ChangeRequestTest {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired PublicRegister register;
  @Autowired Catalogue catalogue;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;

  private PublicRegister.Entry familyService(String code) {
    UUID type = catalogue.serviceTypeByCode(code).orElseThrow().id();
    return register.search(type, null, null, null, 0, 50).items().stream()
        .filter(e -> e.providerName().equals("Riverside Family Support"))
        .findFirst()
        .orElseThrow();
  }

  private long changeRequests() {
    return CurrentScope.asSystem(
        () ->
            transaction.execute(
                s ->
                    jdbc.sql("select count(*) from providers.change_request")
                        .query(Long.class)
                        .single()));
  }

  @Test
  void anApprovedCapacityReachesTheRegisterAndItsHistory() {
    PublicRegister.Entry psy = familyService("PSY-SUPPORT");
    Api family = new Api(port, fixtures.tokenFor("staff.family"));
    Api south = new Api(port, fixtures.tokenFor("officer.south"));
    Api north = new Api(port, fixtures.tokenFor("officer.north"));
    Api parish = new Api(port, fixtures.tokenFor("staff.parish"));
    String path = "/api/v1/registered-services/" + psy.registeredServiceId() + "/capacity-requests";

    // Another provider's staff cannot ask for it, and a bad capacity changes nothing.
    long before = changeRequests();
    assertThat(parish.post(path, "{\"capacity\":40}").status()).isEqualTo(404);
    var bad = family.post(path, "{\"capacity\":0}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("errors").get(0).path("code").asString()).isEqualTo("PRV-1501");
    assertThat(changeRequests()).isEqualTo(before);

    int wanted = psy.capacity() + 15;
    var submitted =
        family.post(path, "{\"capacity\":" + wanted + ",\"explanation\":\"A second room\"}");
    assertThat(submitted.status()).isEqualTo(201);
    String id = submitted.json().path("id").asString();
    assertThat(submitted.json().path("status").asString()).isEqualTo("SUBMITTED");
    // One open request per service.
    assertThat(family.post(path, "{\"capacity\":" + (wanted + 1) + "}").status()).isEqualTo(409);

    // Until decided, the register keeps the old capacity; another region's officer sees nothing.
    assertThat(familyService("PSY-SUPPORT").capacity()).isEqualTo(psy.capacity());
    assertThat(north.get("/api/v1/change-requests/" + id).status()).isEqualTo(404);
    assertThat(north.post("/api/v1/change-requests/" + id + "/approval", "{}").status())
        .isEqualTo(404);
    assertThat(north.get("/api/v1/change-requests").json().toString()).doesNotContain(id);
    assertThat(south.get("/api/v1/change-requests").json().toString()).contains(id);
    // Staff cannot decide their own request.
    assertThat(family.post("/api/v1/change-requests/" + id + "/approval", "{}").status())
        .isEqualTo(403);

    var approved = south.post("/api/v1/change-requests/" + id + "/approval", "{\"note\":\"ok\"}");
    assertThat(approved.status()).isEqualTo(200);
    assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
    assertThat(familyService("PSY-SUPPORT").capacity()).isEqualTo(wanted);
    assertThat(
            south
                .post("/api/v1/change-requests/" + id + "/refusal", "{\"reason\":\"late\"}")
                .status())
        .isEqualTo(409);
    var page = new Api(port, null).get("/api/v1/providers/" + psy.providerId());
    assertThat(page.status()).isEqualTo(200);
    var history =
        fixtures.as(
            "officer.south", () -> new java.util.ArrayList<>(fixturesHistory(psy.providerId())));
    assertThat(history).contains("CAPACITY_CHANGED A second room");
  }

  @Autowired RegisterStatusChanges statusChanges;

  private java.util.List<String> fixturesHistory(UUID providerId) {
    return statusChanges.history(providerId).stream()
        .map(e -> e.kind() + " " + e.reason())
        .toList();
  }

  @Test
  void aCapacityBelowThePlacesTakenIsRefusedAtApproval() {
    PublicRegister.Entry early = familyService("EARLY-INT");
    CurrentScope.asSystem(
        () ->
            transaction.executeWithoutResult(
                s ->
                    jdbc.sql("update providers.registered_service set occupied = 5 where id = :id")
                        .param("id", early.registeredServiceId())
                        .update()));
    try {
      Api family = new Api(port, fixtures.tokenFor("staff.family"));
      Api south = new Api(port, fixtures.tokenFor("officer.south"));
      String id =
          family
              .post(
                  "/api/v1/registered-services/"
                      + early.registeredServiceId()
                      + "/capacity-requests",
                  "{\"capacity\":3}")
              .json()
              .path("id")
              .asString();
      var refused = south.post("/api/v1/change-requests/" + id + "/approval", "{}");
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.json().path("code").asString()).isEqualTo("PRV-1505");
      assertThat(familyService("EARLY-INT").capacity()).isEqualTo(early.capacity());
      // A refusal needs its reason; with one, the request closes and the register stays.
      var noReason = south.post("/api/v1/change-requests/" + id + "/refusal", "{}");
      assertThat(noReason.status()).isEqualTo(400);
      var closed =
          south.post("/api/v1/change-requests/" + id + "/refusal", "{\"reason\":\"Too few\"}");
      assertThat(closed.json().path("status").asString()).isEqualTo("REFUSED");
      assertThat(family.get("/api/v1/change-requests/" + id).json().path("decisionNote").asString())
          .isEqualTo("Too few");
    } finally {
      CurrentScope.asSystem(
          () ->
              transaction.executeWithoutResult(
                  s ->
                      jdbc.sql(
                              "update providers.registered_service set occupied = 0 where id = :id")
                          .param("id", early.registeredServiceId())
                          .update()));
    }
  }

  @Test
  void aMovedServicePointMovesItsServicesInTheSearchOnlyOnceApproved() {
    PublicRegister.Entry psy = familyService("PSY-SUPPORT");
    Api family = new Api(port, fixtures.tokenFor("staff.family"));
    Api south = new Api(port, fixtures.tokenFor("officer.south"));
    String point = "/api/v1/service-points/" + psy.servicePointId() + "/change-requests";
    String riverside = fixtures.unit("NV-S-01").id().toString();
    String pinewood = fixtures.unit("NV-N-02").id().toString();

    long before = changeRequests();
    var outside =
        family.post(
            point,
            "{\"name\":\"Family House\",\"municipalityId\":\""
                + pinewood
                + "\",\"address\":\"1 Elm Road, Pinewood\",\"latitude\":54.65,"
                + "\"longitude\":21.0,\"capacity\":30}");
    assertThat(outside.status()).isEqualTo(400);
    assertThat(outside.json().path("errors").get(0).path("code").asString()).isEqualTo("PRV-0504");
    assertThat(changeRequests()).isEqualTo(before);

    var moved =
        family.post(
            point,
            "{\"name\":\"Family House\",\"municipalityId\":\""
                + riverside
                + "\",\"address\":\"20 Mill Road, Riverside City\",\"latitude\":53.3,"
                + "\"longitude\":22.6,\"capacity\":30,\"accessibility\":[\"STEP_FREE_ACCESS\"],"
                + "\"explanation\":\"We moved\"}");
    assertThat(moved.status()).isEqualTo(201);
    var near = new PublicRegister.Near(53.3, 22.6, null);
    UUID type = psy.serviceTypeId();
    assertThat(register.search(type, null, null, null, near, 0, 1).items().getFirst().distanceKm())
        .isGreaterThan(5.0);

    south.post("/api/v1/change-requests/" + moved.json().path("id").asString() + "/approval", "{}");
    var first = register.search(type, null, null, null, near, 0, 1).items().getFirst();
    assertThat(first.registeredServiceId()).isEqualTo(psy.registeredServiceId());
    assertThat(first.distanceKm()).isLessThan(0.01);
    assertThat(first.address()).isEqualTo("20 Mill Road, Riverside City");
  }
}
