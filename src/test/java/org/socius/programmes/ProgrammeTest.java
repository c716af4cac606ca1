package org.socius.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.socius.support.Api;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An analyst defines a programme version with a threshold and a formula, tries it on sample
 * households, and publishes it; rules that do not compile never reach publication.
 */
@IntegrationTest
class ProgrammeTest {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired Programmes programmes;

  private static String unique() {
    return Long.toString(System.nanoTime() % 1_000_000L);
  }

  private static HouseholdFacts.SampleMember member(int age, long income) {
    return new HouseholdFacts.SampleMember(age, "FEMALE", "OTHER", null, null, income, false, null);
  }

  @Test
  void theDemoProgrammesArePublishedAndComputeTheirAmounts() {
    var byCode =
        programmes.all().stream()
            .collect(java.util.stream.Collectors.toMap(Programme::code, p -> p));
    assertThat(byCode).containsKeys("MIN-INCOME", "EXTREME-POVERTY", "TEMP-ASSIST", "CHILD-ALLOW");
    assertThat(programmes.all().getLast().code()).isEqualTo("MIN-INCOME");
    java.util.UUID north = fixtures.unit("NV-N").id();
    LocalDate today = LocalDate.now();

    var family = java.util.List.of(member(35, 30_000L), member(8, 0L), member(5, 0L));
    var child = programmes.rulesOn(byCode.get("CHILD-ALLOW").id(), north, today).orElseThrow();
    assertThat(child.evaluate(HouseholdFacts.ofSample(family)).amountCents()).isEqualTo(2 * 9_000);
    var richer = java.util.List.of(member(35, 80_000L), member(8, 0L));
    assertThat(child.evaluate(HouseholdFacts.ofSample(richer)).amountCents()).isEqualTo(4_500);

    var dibao = programmes.rulesOn(byCode.get("MIN-INCOME").id(), north, today).orElseThrow();
    assertThat(dibao.evaluate(HouseholdFacts.ofSample(family)).amountCents())
        .isEqualTo(3 * 36_000 - 30_000);
    var south =
        programmes.rulesOn(byCode.get("MIN-INCOME").id(), fixtures.unit("NV-S").id(), today);
    assertThat(south.orElseThrow().evaluate(HouseholdFacts.ofSample(family)).amountCents())
        .isEqualTo(3 * 28_000 - 30_000);

    var extreme =
        programmes.rulesOn(byCode.get("EXTREME-POVERTY").id(), north, today).orElseThrow();
    var working = extreme.evaluate(HouseholdFacts.ofSample(family));
    assertThat(working.failed()).containsExactly("Nobody able to work");
  }

  @Test
  void aVersionIsTriedOnSampleHouseholdsThenPublishedAndOnlyForward() {
    Api analyst = new Api(port, fixtures.tokenFor("analyst"));
    Api worker = new Api(port, fixtures.tokenFor("worker.harbour"));
    String code = "MIN-" + unique();
    var created =
        analyst.post(
            "/api/v1/programmes",
            "{\"code\":\""
                + code
                + "\",\"name\":\"Minimum income\",\"kind\":\"CASH\","
                + "\"lastResort\":true}");
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().path("id").asString();
    Api southAdmin = new Api(port, fixtures.tokenFor("admin.south"));
    assertThat(
            southAdmin
                .post(
                    "/api/v1/programmes",
                    "{\"code\":\"S-"
                        + unique()
                        + "\",\"name\":\"x\",\"kind\":\"CASH\","
                        + "\"lastResort\":false}")
                .status())
        .as("a regional administrator does not change national programmes")
        .isEqualTo(403);
    assertThat(
            worker
                .post(
                    "/api/v1/programmes",
                    "{\"code\":\"X-"
                        + unique()
                        + "\",\"name\":\"x\",\"kind\":\"CASH\","
                        + "\"lastResort\":false}")
                .status())
        .isEqualTo(403);

    String north = fixtures.unit("NV-N").id().toString();
    String tomorrow = LocalDate.now().plusDays(1).toString();
    // A misspelt field: saved as a draft, refused at trial and at publication.
    String wrong =
        analyst
            .post(
                "/api/v1/programmes/" + id + "/versions",
                "{\"effectiveFrom\":\""
                    + tomorrow
                    + "\",\"criteria\":[{\"name\":\"Poor\","
                    + "\"expression\":\"household.income_per_membr < params.line\"}],"
                    + "\"formula\":\"params.line * household.size - household.income\","
                    + "\"parameters\":{\"line\":30000}}")
            .json()
            .path("id")
            .asString();
    var refused = analyst.post("/api/v1/programme-versions/" + wrong + "/publication", "");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("errors").get(0).path("code").asString()).isEqualTo("PRG-0105");
    assertThat(refused.json().path("errors").get(0).path("field").asString())
        .isEqualTo("criteria[0].expression");

    String good =
        analyst
            .post(
                "/api/v1/programmes/" + id + "/versions",
                "{\"effectiveFrom\":\""
                    + tomorrow
                    + "\",\"criteria\":[{\"name\":\"Income per"
                    + " member below the line\",\"expression\":\"household.income_per_member <"
                    + " params.line\"}],\"formula\":\"params.line * household.size -"
                    + " household.income\",\"parameters\":{\"line\":30000},"
                    + "\"regionalParameters\":{\""
                    + north
                    + "\":{\"line\":36000}}}")
            .json()
            .path("id")
            .asString();
    String samples =
        "[[{\"age\":40,\"relation\":\"HEAD\",\"income\":50000},{\"age\":10,\"income\":0}],"
            + "[{\"age\":40,\"relation\":\"HEAD\",\"income\":90000}]]";
    var trial =
        analyst.post(
            "/api/v1/programme-versions/" + good + "/trials",
            "{\"regionId\":\"" + north + "\",\"households\":" + samples + "}");
    assertThat(trial.status()).as(trial.body()).isEqualTo(200);
    assertThat(trial.json().get(0).path("eligible").asBoolean()).isTrue();
    assertThat(trial.json().get(0).path("amountCents").asLong()).isEqualTo(2 * 36000 - 50000);
    assertThat(trial.json().get(1).path("eligible").asBoolean()).isFalse();
    assertThat(
            trial.json().get(1).path("criteria").get(0).path("values").path("params.line").asLong())
        .isEqualTo(36000);

    var published = analyst.post("/api/v1/programme-versions/" + good + "/publication", "");
    assertThat(published.status()).isEqualTo(200);
    assertThat(published.json().path("status").asString()).isEqualTo("PUBLISHED");
    assertThat(analyst.post("/api/v1/programme-versions/" + good + "/publication", "").status())
        .isEqualTo(409);

    // The rules apply from their date, in the region's values.
    var programme = java.util.UUID.fromString(id);
    assertThat(programmes.rulesOn(programme, fixtures.unit("NV-N").id(), LocalDate.now()))
        .isEmpty();
    var rules =
        programmes
            .rulesOn(programme, fixtures.unit("NV-N").id(), LocalDate.now().plusDays(2))
            .orElseThrow();
    assertThat(
            rules
                .evaluate(
                    HouseholdFacts.ofSample(
                        java.util.List.of(
                            new HouseholdFacts.SampleMember(
                                70, "FEMALE", "HEAD", null, null, 10_000L, false, null))))
                .amountCents())
        .isEqualTo(26_000);

    // Only forward: a version from the same day is refused, one from the past too.
    String sameDay =
        analyst
            .post(
                "/api/v1/programmes/" + id + "/versions",
                "{\"effectiveFrom\":\""
                    + tomorrow
                    + "\",\"criteria\":[{\"name\":\"All\","
                    + "\"expression\":\"true\"}],\"formula\":\"0\"}")
            .json()
            .path("id")
            .asString();
    var notForward = analyst.post("/api/v1/programme-versions/" + sameDay + "/publication", "");
    assertThat(notForward.json().path("errors").get(0).path("code").asString())
        .isEqualTo("PRG-0209");
  }
}
