package org.socius.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socius.platform.security.CurrentScope;
import org.socius.providers.ProviderKinds.ApplicationStatus;
import org.socius.providers.ProviderKinds.ProviderType;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.socius.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The register's rules as a provider and an officer meet them over HTTP. */
@IntegrationTest
class ProviderRegisterTest {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired ProviderProfiles profiles;
  @Autowired RegisterApplications applications;
  @Autowired PublicRegister register;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;

  private UUID lakesideApplication() {
    return CurrentScope.asSystem(
        () ->
            transaction.execute(
                s ->
                    jdbc.sql(
                            "select a.id from providers.application a join providers.provider p on p.id = a.provider_id"
                                + " where p.legal_name = 'Lakeside Helping Hands'")
                        .query(UUID.class)
                        .single()));
  }

  private UUID harbourProvider() {
    return CurrentScope.asSystem(
        () ->
            transaction.execute(
                s ->
                    jdbc.sql(
                            "select id from providers.provider where legal_name = 'Harbour Care Association'")
                        .query(UUID.class)
                        .single()));
  }

  private long count(String sql) {
    return CurrentScope.asSystem(
        () -> transaction.execute(s -> jdbc.sql(sql).query(Long.class).single()));
  }

  @Test
  void aProviderNeverSeesAnotherProvidersApplication() {
    WebSession harbourStaff = new WebSession(port);
    assertThat(harbourStaff.signIn("provider.staff", Fixtures.DEMO_PASSWORD)).isTrue();
    UUID other = lakesideApplication();
    assertThat(harbourStaff.get("/applications/" + other).statusCode()).isEqualTo(404);
    HttpResponse<String> decide =
        harbourStaff.post("/", "/applications/" + other + "/decide", Map.of("version", "0"));
    assertThat(decide.statusCode()).isIn(403, 404);

    WebSession lakesideStaff = new WebSession(port);
    assertThat(lakesideStaff.signIn("staff.lakeside", Fixtures.DEMO_PASSWORD)).isTrue();
    assertThat(lakesideStaff.get("/applications/" + other).statusCode()).isEqualTo(200);
  }

  @Test
  void anOfficerOfAnotherRegionDoesNotSeeTheApplication() {
    WebSession southOfficer = new WebSession(port);
    assertThat(southOfficer.signIn("officer.south", Fixtures.DEMO_PASSWORD)).isTrue();
    assertThat(southOfficer.get("/applications/" + lakesideApplication()).statusCode())
        .isEqualTo(404);
    assertThat(southOfficer.get("/applications").body()).doesNotContain("Lakeside Helping Hands");
    WebSession northOfficer = new WebSession(port);
    assertThat(northOfficer.signIn("officer.north", Fixtures.DEMO_PASSWORD)).isTrue();
    assertThat(northOfficer.get("/applications").body()).contains("Lakeside Helping Hands");
  }

  @Test
  void aServicePointOutsideTheRegionIsRefusedAndNothingIsAdded() {
    WebSession staff = new WebSession(port);
    assertThat(staff.signIn("provider.staff", Fixtures.DEMO_PASSWORD)).isTrue();
    UUID provider = harbourProvider();
    long before = count("select count(*) from providers.service_point");
    HttpResponse<String> response =
        staff.post(
            "/my-provider/" + provider,
            "/my-provider/" + provider + "/points",
            Map.of(
                "name",
                "Southern outpost",
                "municipalityId",
                fixtures.unit("NV-S-01").id().toString(),
                "address",
                "1 Far Street",
                "latitude",
                "53.2",
                "longitude",
                "22.5",
                "capacity",
                "10"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("Riverside City is outside your organisation");
    assertThat(count("select count(*) from providers.service_point")).isEqualTo(before);
  }

  @Test
  void anApplicationWithoutItsDocumentsCannotBeSubmittedAndStaysADraft() {
    WebSession staff = new WebSession(port);
    assertThat(staff.signIn("provider.staff", Fixtures.DEMO_PASSWORD)).isTrue();
    UUID provider = harbourProvider();
    HttpResponse<String> started =
        staff.post(
            "/my-provider/" + provider, "/my-provider/" + provider + "/applications", Map.of());
    String location = started.headers().firstValue("Location").orElseThrow();
    String id = location.substring(location.lastIndexOf('/') + 1);
    HttpResponse<String> submitted =
        staff.post(
            "/applications/" + id, "/applications/" + id + "/submit", Map.of("version", "0"));
    assertThat(submitted.body())
        .contains("Add at least one service")
        .contains("A document is missing: STATUTE");
    String status =
        CurrentScope.asSystem(
            () ->
                transaction.execute(
                    s ->
                        jdbc.sql("select status from providers.application where id = :id")
                            .param("id", UUID.fromString(id))
                            .query(String.class)
                            .single()));
    assertThat(status).isEqualTo(ApplicationStatus.DRAFT.name());
  }

  @Test
  void aStateFoundedNgoShowsAsStateAffiliated() {
    var page =
        register.search(null, null, null, ProviderType.NGO, 0, 100).items().stream()
            .filter(e -> e.providerName().equals("Riverside Family Support"))
            .findFirst()
            .flatMap(e -> register.provider(e.providerId()))
            .orElseThrow();
    assertThat(page.provider().stateAffiliated()).isTrue();
    var harbour = register.provider(harbourProvider()).orElseThrow();
    assertThat(harbour.provider().stateAffiliated()).isFalse();
  }

  @Test
  void theRegisterShowsOnlyAdmittedServicesAndAnApplicantHasNoPublicPage() {
    var all = register.search(null, null, null, null, 0, 200).items();
    assertThat(all).isNotEmpty();
    assertThat(all).noneMatch(e -> e.providerName().equals("Lakeside Helping Hands"));
    WebSession visitor = new WebSession(port);
    assertThat(visitor.get("/register").statusCode()).isEqualTo(200);
    UUID lakeside =
        CurrentScope.asSystem(
            () ->
                transaction.execute(
                    s ->
                        jdbc.sql(
                                "select id from providers.provider where legal_name = 'Lakeside Helping Hands'")
                            .query(UUID.class)
                            .single()));
    assertThat(visitor.get("/register/providers/" + lakeside).statusCode()).isEqualTo(404);
  }

  @Autowired RegisterFigures figures;

  @Test
  void theFiguresCountTheRegisterByRegionAndShowOnTheOfficersDashboard() {
    RegisterFigures.Figures south =
        CurrentScope.asSystem(() -> figures.of(fixtures.unit("NV-S").id()));
    assertThat(south.providers()).isEqualTo(2);
    assertThat(south.providersByType().get(ProviderType.MUNICIPAL_BODY)).isEqualTo(1);
    assertThat(south.providersByType().get(ProviderType.NGO)).isEqualTo(1);
    assertThat(south.nonStateSharePercent()).isEqualByComparingTo("50.0");
    assertThat(south.stateFoundedNgos()).isEqualTo(1);
    assertThat(south.services()).isEqualTo(5);
    assertThat(south.applicationsReceived()).isEqualTo(2);
    assertThat(south.servicesAdmitted()).isEqualTo(5);
    assertThat(south.medianDaysToDecision()).isNotNull();

    WebSession officer = new WebSession(port);
    assertThat(officer.signIn("officer.south", Fixtures.DEMO_PASSWORD)).isTrue();
    String dashboard = officer.get("/").body();
    assertThat(dashboard)
        .contains("The register in figures")
        .contains("Southern Region")
        .doesNotContain("Northern Region</th>");
  }

  @Test
  void theApiServesTheRegisterAndTheRegionsApplications() {
    org.socius.support.Api officer =
        new org.socius.support.Api(port, fixtures.tokenFor("officer.north"));
    var churches =
        officer.get("/api/v1/register/services?providerType=RELIGIOUS_ORGANISATION").json();
    assertThat(churches.path("items").findValuesAsString("providerName"))
        .containsOnly("St Nicholas Parish Charity");
    var review = officer.get("/api/v1/applications?status=SUBMITTED").json();
    assertThat(review.toString()).contains(lakesideApplication().toString());
    var one = officer.get("/api/v1/applications/" + lakesideApplication());
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.header("etag")).isNotBlank();
    var stale =
        officer.send(
            "POST",
            "/api/v1/applications/" + lakesideApplication() + "/information-requests",
            "{\"note\":\"More please\"}",
            "application/json",
            Map.of("If-Match", "\"999\""));
    assertThat(stale.status()).isEqualTo(409);
  }

  @Autowired org.socius.catalogue.Catalogue catalogue;

  @Test
  void theNearestServicesComeFirstAndARadiusBoundsTheSearch() {
    UUID hotMeals = catalogue.serviceTypeByCode("HOT-MEALS").orElseThrow().id();
    var nearHarbour = new PublicRegister.Near(54.7104, 20.4522, null);
    var all = register.search(hotMeals, null, null, null, nearHarbour, 0, 10).items();
    assertThat(all)
        .extracting(PublicRegister.Entry::providerName)
        .startsWith("Harbour Care Association", "St Nicholas Parish Charity");
    assertThat(all.getFirst().distanceKm()).isLessThan(0.1);
    assertThat(all.get(1).distanceKm()).isBetween(30.0, 45.0);

    var within10 =
        register.search(
            hotMeals, null, null, null, new PublicRegister.Near(54.7104, 20.4522, 10.0), 0, 10);
    assertThat(within10.items())
        .extracting(PublicRegister.Entry::providerName)
        .containsExactly("Harbour Care Association");
    assertThat(within10.totalItems()).isEqualTo(1);

    org.socius.support.Api anyone =
        new org.socius.support.Api(port, fixtures.tokenFor("worker.harbour"));
    var bad = anyone.get("/api/v1/register/services?lat=100&lon=20");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("errors").get(0).path("code").asString()).isEqualTo("PRV-1201");
  }

  @Test
  void aTypedPlaceIsMeasuredFromTheCentreOfTheMostSpecificUnitItNames() {
    var origin = register.origin("5 Harbour Lane, Old Town, Harbour City", null, null, 10.0);
    assertThat(origin.orElseThrow().placeName()).isEqualTo("Old Town");
    assertThat(origin.orElseThrow().near().radiusKm()).isEqualTo(10.0);
    // A street named like a settlement elsewhere: the locality the address ends with wins.
    assertThat(
            register
                .origin("Old Town Road, Riverside City", null, null, null)
                .orElseThrow()
                .placeName())
        .isEqualTo("Riverside City");
    // Given latitude and longitude win over the typed address.
    assertThat(register.origin("Old Town", 53.0, 22.0, null).orElseThrow().placeName()).isNull();
    assertThat(register.origin("  ", null, null, null)).isEmpty();

    // Anyone, without signing in: the nearest residential care to Lakeside is in Lakeside.
    org.socius.support.Api anyone = new org.socius.support.Api(port, null);
    UUID residential = catalogue.serviceTypeByCode("RES-CARE").orElseThrow().id();
    var fromLakeside =
        anyone
            .get("/api/v1/register/services?serviceType=" + residential + "&address=lakeside")
            .json();
    assertThat(fromLakeside.path("items").get(0).path("address").asString()).contains("Lakeside");
    assertThat(fromLakeside.path("items").get(0).path("distanceKm").asDouble()).isLessThan(2.0);

    var unknown = anyone.get("/api/v1/register/services?address=Atlantis");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("errors").get(0).path("field").asString()).isEqualTo("address");
    assertThat(unknown.json().path("errors").get(0).path("code").asString()).isEqualTo("PRV-1204");
  }

  @Test
  void theRegisterExportsAsHsdsJsonAndCsvWithoutSigningIn() throws Exception {
    long active = register.search(null, null, null, null, 0, 1).totalItems();
    WebSession visitor = new WebSession(port);
    HttpResponse<String> exported = visitor.get("/register/export/hsds.json");
    assertThat(exported.statusCode()).isEqualTo(200);
    var services =
        tools.jackson.databind.json.JsonMapper.builder().build().readTree(exported.body());
    assertThat(services.size()).isEqualTo((int) active);
    var first = services.get(0);
    assertThat(first.path("status").asString()).isEqualTo("active");
    assertThat(first.path("organization").path("name").asString()).isNotBlank();
    var location = first.path("service_at_locations").get(0).path("location");
    assertThat(location.path("location_type").asString()).isEqualTo("physical");
    assertThat(location.path("latitude").isNumber()).isTrue();
    assertThat(location.path("addresses").get(0).path("country").asString())
        .isEqualTo("Republic of Novaria");
    for (var service : services) {
      assertThat(service.path("organization").path("name").asString())
          .isNotEqualTo("Lakeside Helping Hands");
    }

    java.net.http.HttpResponse<byte[]> zip =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            "http://localhost:" + port + "/register/export/hsds-csv.zip"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    Map<String, String> files = new java.util.HashMap<>();
    try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        files.put(
            entry.getName(),
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    assertThat(files.keySet())
        .containsExactlyInAnyOrder(
            "organization.csv",
            "service.csv",
            "location.csv",
            "service_at_location.csv",
            "address.csv");
    assertThat(files.get("service.csv").split("\r\n")).hasSize((int) active + 1);
    assertThat(files.get("service.csv")).startsWith("id,organization_id,name,description,status");
  }

  @Test
  void aRegisterImportWithBadLinesImportsNothingAndAGoodOneEntersTheRegister() {
    org.socius.support.Api officer =
        new org.socius.support.Api(port, fixtures.tokenFor("officer.north"));
    String north = fixtures.unit("NV-N").id().toString();
    String header =
        "legal_name,provider_type,registration_number,founder_name,founder_type,point_name,"
            + "municipality_code,address,latitude,longitude,capacity,service_codes\n";
    String bad =
        header
            + "Old Mill Care,NGO,IMP-001,Ole Berg,PRIVATE_PERSON,Mill House,NV-N-02,1 Mill Lane,54.6,21.0,15,HOME-CARE\n"
            + "Old Mill Care,NGO,IMP-001,Ole Berg,PRIVATE_PERSON,Mill Annex,NV-S-01,2 Mill Lane,54.6,21.0,15,HOME-CARE\n"
            + "Bridge Club,CLUB,IMP-002,Ann Lee,PRIVATE_PERSON,Club Room,NV-N-01,3 Bridge St,95,21.0,-3,KNITTING\n";
    long before = count("select count(*) from providers.provider");
    var refused =
        officer.send(
            "POST", "/api/v1/register/import?regionId=" + north, bad, "text/csv", Map.of());
    assertThat(refused.status()).isEqualTo(422);
    var lines =
        refused.json().path("findings").findValues("line").stream()
            .map(n -> n.asInt())
            .distinct()
            .toList();
    assertThat(lines).containsExactly(3, 4);
    assertThat(refused.json().path("findings").findValuesAsString("code"))
        .contains("PRV-0504", "PRV-1308", "PRV-0505", "PRV-0507", "PRV-1304");
    assertThat(count("select count(*) from providers.provider")).isEqualTo(before);

    String good =
        header
            + "Old Mill Care,NGO,IMP-001,Ole Berg,PRIVATE_PERSON,Mill House,NV-N-02,1 Mill Lane,54.6,21.0,15,HOME-CARE;HOT-MEALS\n"
            + "Old Mill Care,NGO,IMP-001,Ole Berg,PRIVATE_PERSON,Mill Annex,NV-N-02,2 Mill Lane,54.61,21.01,10,DAY-CARE\n";
    var accepted =
        officer.send(
            "POST", "/api/v1/register/import?regionId=" + north, good, "text/csv", Map.of());
    assertThat(accepted.status()).isEqualTo(200);
    assertThat(accepted.json().path("imported").asInt()).isEqualTo(2);
    assertThat(count("select count(*) from providers.provider")).isEqualTo(before + 1);
    assertThat(register.search(null, null, null, null, 0, 200).items())
        .filteredOn(e -> e.providerName().equals("Old Mill Care"))
        .hasSize(3);

    var again =
        officer.send(
            "POST", "/api/v1/register/import?regionId=" + north, good, "text/csv", Map.of());
    assertThat(again.status()).isEqualTo(422);
    assertThat(again.json().path("findings").findValuesAsString("code")).contains("PRV-1309");

    org.socius.support.Api southOfficer =
        new org.socius.support.Api(port, fixtures.tokenFor("officer.south"));
    assertThat(
            southOfficer
                .send(
                    "POST", "/api/v1/register/import?regionId=" + north, good, "text/csv", Map.of())
                .status())
        .isEqualTo(404);
  }

  @Test
  void anOfficerSuspendsAndReinstatesAServiceAndTheRegisterKeepsTheHistory() {
    UUID taxi = catalogue.serviceTypeByCode("SOC-TAXI").orElseThrow().id();
    var entry =
        register.search(taxi, fixtures.unit("NV-S").id(), null, null, 0, 10).items().stream()
            .filter(e -> e.providerName().equals("Southern Social Services Centre"))
            .findFirst()
            .orElseThrow();
    String service = entry.registeredServiceId().toString();
    String provider = entry.providerId().toString();
    String page = "/register/providers/" + provider;

    WebSession north = new WebSession(port);
    assertThat(north.signIn("officer.north", Fixtures.DEMO_PASSWORD)).isTrue();
    assertThat(
            north
                .post(
                    "/",
                    "/register/services/" + service + "/status",
                    Map.of("providerId", provider, "action", "suspend", "reason", "x"))
                .statusCode())
        .isEqualTo(404);

    WebSession south = new WebSession(port);
    assertThat(south.signIn("officer.south", Fixtures.DEMO_PASSWORD)).isTrue();
    HttpResponse<String> noReason =
        south.post(
            page,
            "/register/services/" + service + "/status",
            Map.of("providerId", provider, "action", "suspend"));
    assertThat(noReason.body()).contains("Give the reason.");
    HttpResponse<String> suspended =
        south.post(
            page,
            "/register/services/" + service + "/status",
            Map.of(
                "providerId",
                provider,
                "action",
                "suspend",
                "reason",
                "Vehicle failed its safety check"));
    assertThat(suspended.statusCode()).isEqualTo(302);
    assertThat(register.search(taxi, fixtures.unit("NV-S").id(), null, null, 0, 10).items())
        .noneMatch(e -> e.registeredServiceId().equals(entry.registeredServiceId()));
    assertThat(new WebSession(port).get(page).body()).contains("Vehicle failed its safety check");

    HttpResponse<String> reinstated =
        south.post(
            page,
            "/register/services/" + service + "/status",
            Map.of(
                "providerId", provider, "action", "reinstate", "reason", "New vehicle inspected"));
    assertThat(reinstated.statusCode()).isEqualTo(302);
    assertThat(register.search(taxi, fixtures.unit("NV-S").id(), null, null, 0, 10).items())
        .anyMatch(e -> e.registeredServiceId().equals(entry.registeredServiceId()));
  }
}
