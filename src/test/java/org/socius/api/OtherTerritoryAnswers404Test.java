package org.socius.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socius.support.Api;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API endpoint that addresses a record by id answers 404 when the record lies in another
 * territory, exactly as for a record that does not exist. New endpoints must be added here: the
 * test fails for any templated API path it does not know.
 */
@IntegrationTest
class OtherTerritoryAnswers404Test {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired org.socius.catalogue.Catalogue catalogue;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  Api southAdmin;
  Api southOfficer;
  Api southStaff;
  String northUser;
  String northMunicipality;
  String northRegion;
  String homeCare;
  String northTariff;
  String northApplication;
  String northRegistered;
  String northPoint;
  String northProvider;
  String northChange;
  String northPerson;
  String northHousehold;
  String northBenefitApplication;
  String northDecision;
  String northRun;
  String northMerge;
  String northCase;
  String northAgreement;
  String northDelivery;
  String northBatch;
  String northClaim;
  String northPaymentRun;
  String northVoucher;
  String northBudget;
  @Autowired org.socius.cases.Cases cases;
  @Autowired org.socius.people.PersonMerges personMerges;
  @Autowired org.socius.benefits.Applications benefitApplications;
  @Autowired org.socius.benefits.Recertifications recertifications;
  @Autowired org.socius.programmes.Programmes programmes;
  @Autowired org.socius.people.People people;
  @Autowired org.socius.providers.PublicRegister register;
  @Autowired org.socius.providers.ChangeRequests changes;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired org.socius.delivery.Vouchers vouchers;
  @Autowired org.springframework.transaction.support.TransactionTemplate transaction;

  @BeforeEach
  void setUp() {
    southAdmin = new Api(port, fixtures.tokenFor("admin.south"));
    southOfficer = new Api(port, fixtures.tokenFor("officer.south"));
    southStaff = new Api(port, fixtures.tokenFor("staff.southcentre"));
    northUser = fixtures.user("worker.harbour").id().toString();
    northMunicipality = fixtures.unit("NV-N-02").id().toString();
    northRegion = fixtures.unit("NV-N").id().toString();
    northApplication =
        org.socius.platform.security.CurrentScope.asSystem(
                () ->
                    transaction.execute(
                        s ->
                            jdbc.sql(
                                    "select a.id from providers.application a join providers.provider p"
                                        + " on p.id = a.provider_id where p.legal_name = 'Lakeside Helping Hands'")
                                .query(java.util.UUID.class)
                                .single()))
            .toString();
    // A change request of a northern provider, made once and left open for every test here.
    var harbour =
        register.search(null, null, null, null, 0, 200).items().stream()
            .filter(e -> e.providerName().equals("Harbour Care Association"))
            .findFirst()
            .orElseThrow();
    northRegistered = harbour.registeredServiceId().toString();
    northPoint = harbour.servicePointId().toString();
    northProvider = harbour.providerId().toString();
    northChange =
        org.socius.platform.security.CurrentScope.asSystem(
                () ->
                    transaction.execute(
                        s ->
                            jdbc.sql(
                                    "select id from providers.change_request"
                                        + " where service_point_id = :p and status = 'SUBMITTED'")
                                .param("p", harbour.servicePointId())
                                .query(java.util.UUID.class)
                                .optional()))
            .orElseGet(
                () ->
                    fixtures.as(
                        "provider.staff",
                        () ->
                            changes
                                .requestPointChange(
                                    harbour.servicePointId(),
                                    new org.socius.providers.ServicePointDetails(
                                        harbour.servicePointName(),
                                        harbour.municipalityId(),
                                        harbour.address(),
                                        harbour.latitude(),
                                        harbour.longitude(),
                                        harbour.capacity(),
                                        "Mon-Fri 8-20",
                                        java.util.Set.of(),
                                        ""),
                                    "Longer hours")
                                .id()))
            .toString();
    // A person and a household of Harbour City, made once.
    northHousehold =
        org.socius.platform.security.CurrentScope.asSystem(
                () ->
                    transaction.execute(
                        s ->
                            jdbc.sql(
                                    "select h.id from people.household h where h.address = 'Test 404'")
                                .query(java.util.UUID.class)
                                .optional()))
            .orElseGet(
                () ->
                    fixtures.as(
                        "worker.harbour",
                        () -> {
                          var person =
                              people.register(
                                  new org.socius.people.PersonDetails(
                                      "Testperson",
                                      "Northern",
                                      LocalDate.of(1960, 6, 6),
                                      org.socius.people.PeopleKinds.Sex.MALE,
                                      "NV-404-TEST",
                                      fixtures.unit("NV-N-01").id(),
                                      "",
                                      "",
                                      "",
                                      "",
                                      null,
                                      null,
                                      java.util.Set.of()),
                                  true);
                          return people
                              .createHousehold(
                                  fixtures.unit("NV-N-01").id(),
                                  "Test 404",
                                  List.of(
                                      new org.socius.people.Household.NewMember(
                                          person.id(),
                                          org.socius.people.PeopleKinds.Relation.HEAD,
                                          false,
                                          LocalDate.of(2020, 1, 1))))
                              .id();
                        }))
            .toString();
    northPerson =
        org.socius.platform.security.CurrentScope.asSystem(
                () ->
                    transaction.execute(
                        s ->
                            jdbc.sql(
                                    "select id from people.person where identifier = 'NV-404-TEST'")
                                .query(java.util.UUID.class)
                                .single()))
            .toString();
    // An urgent application of that household, decided, and a what-if run in the north: once.
    java.util.UUID tempAssist =
        org.socius.platform.security.CurrentScope.asSystem(
            () ->
                programmes.all().stream()
                    .filter(p -> p.code().equals("TEMP-ASSIST"))
                    .findFirst()
                    .orElseThrow()
                    .id());
    northBenefitApplication =
        org.socius.platform.security.CurrentScope.asSystem(
                () ->
                    transaction.execute(
                        s ->
                            jdbc.sql("select id from benefits.application where applicant_id = :p")
                                .param("p", java.util.UUID.fromString(northPerson))
                                .query(java.util.UUID.class)
                                .optional()))
            .orElseGet(
                () -> {
                  var submitted =
                      fixtures.as(
                          "worker.harbour",
                          () ->
                              benefitApplications.submit(
                                  new org.socius.benefits.Applications.NewApplication(
                                      tempAssist,
                                      java.util.UUID.fromString(northPerson),
                                      org.socius.benefits.Application.Channel.PERSON,
                                      null,
                                      true,
                                      "en")));
                  return fixtures
                      .as(
                          "officer.north",
                          () ->
                              benefitApplications.completeStep(
                                  submitted.id(), submitted.version(), ""))
                      .id();
                })
            .toString();
    northDecision =
        fixtures
            .as(
                "worker.harbour",
                () -> benefitApplications.get(java.util.UUID.fromString(northBenefitApplication)))
            .decisionId()
            .toString();
    northRun =
        org.socius.platform.security.CurrentScope.asSystem(
                () ->
                    transaction.execute(
                        s ->
                            jdbc.sql(
                                    "select id from benefits.recertification_run"
                                        + " where region_id = :r limit 1")
                                .param("r", java.util.UUID.fromString(northRegion))
                                .query(java.util.UUID.class)
                                .optional()))
            .orElseGet(
                () ->
                    fixtures
                        .as(
                            "officer.north",
                            () ->
                                recertifications.start(
                                    tempAssist,
                                    java.util.UUID.fromString(northRegion),
                                    programmes.get(tempAssist).versions().getFirst().id()))
                        .id())
            .toString();
    // A merge proposed in Harbour City, left waiting for review: once.
    northMerge =
        org.socius.platform.security.CurrentScope.asSystem(
                () ->
                    transaction.execute(
                        s ->
                            jdbc.sql(
                                    "select id from people.merge where kept_id = :p"
                                        + " and status = 'PROPOSED'")
                                .param("p", java.util.UUID.fromString(northPerson))
                                .query(java.util.UUID.class)
                                .optional()))
            .orElseGet(
                () ->
                    fixtures.as(
                        "worker.harbour",
                        () -> {
                          var duplicate =
                              people.register(
                                  new org.socius.people.PersonDetails(
                                      "Testperson",
                                      "Northern-Twin",
                                      LocalDate.of(1960, 6, 6),
                                      org.socius.people.PeopleKinds.Sex.MALE,
                                      null,
                                      fixtures.unit("NV-N-01").id(),
                                      "",
                                      "",
                                      "",
                                      "",
                                      null,
                                      null,
                                      java.util.Set.of()),
                                  true);
                          return personMerges
                              .propose(
                                  java.util.UUID.fromString(northPerson),
                                  duplicate.id(),
                                  "Test 404")
                              .id();
                        }))
            .toString();
    // A case of that person in Harbour City: once.
    northCase =
        org.socius.platform.security.CurrentScope.asSystem(
                () ->
                    transaction.execute(
                        s ->
                            jdbc.sql("select id from cases.client_case where person_id = :p")
                                .param("p", java.util.UUID.fromString(northPerson))
                                .query(java.util.UUID.class)
                                .optional()))
            .orElseGet(
                () ->
                    fixtures
                        .as(
                            "worker.harbour",
                            () ->
                                cases.open(
                                    new org.socius.cases.Cases.NewCase(
                                        java.util.UUID.fromString(northPerson),
                                        org.socius.accounts.Sector.HEALTH,
                                        org.socius.cases.Case.Source.PERSON,
                                        "",
                                        "Test 404",
                                        false,
                                        "en",
                                        null)))
                        .id())
            .toString();
    // An agreement of a client of the north when one has been drawn up; otherwise an unknown one,
    // which must answer the same.
    northAgreement =
        org.socius.platform.security.CurrentScope.asSystem(
                () ->
                    transaction.execute(
                        s ->
                            jdbc.sql("select id from cases.agreement where region_id = :r limit 1")
                                .param("r", fixtures.unit("NV-N").id())
                                .query(java.util.UUID.class)
                                .optional()))
            .orElseGet(java.util.UUID::randomUUID)
            .toString();
    // The demo's home care delivered in the north, and the set it was sent in.
    java.util.Map<String, Object> delivered =
        org.socius.platform.security.CurrentScope.asSystem(
            () ->
                transaction.execute(
                    s ->
                        jdbc.sql(
                                "select id, batch_id from delivery.delivery_record"
                                    + " where region_id = :r limit 1")
                            .param("r", fixtures.unit("NV-N").id())
                            .query()
                            .singleRow()));
    northDelivery = delivered.get("id").toString();
    northBatch = delivered.get("batch_id").toString();
    // A claim, a payment run and a voucher of the north, made once (written as the system would),
    // so that their endpoints are asked about records that exist. The demo sets the budget.
    UUID north = fixtures.unit("NV-N").id();
    northClaim =
        northRow(
            "select id from delivery.claim where region_id = :r limit 1",
            """
            insert into delivery.claim (id, reference, provider_id, provider_name, region_id,
              month, sequence, currency, status, built_at, built_by)
            values (gen_random_uuid(), 'CL-404', cast(:p as uuid), 'Harbour Care Association',
              :r, date '2000-01-01', 1, 'EUR', 'SUBMITTED', now(), 'test')""");
    northPaymentRun =
        northRow(
            "select id from delivery.payment_run where region_id = :r limit 1",
            """
            insert into delivery.payment_run (id, reference, region_id, requested_on,
              order_count, total, currency, debtor_holder, debtor_iban, debtor_bic, created_at,
              created_by)
            values (gen_random_uuid(), 'PAY-404', :r, current_date, 0, 0, 'EUR', 'Treasury',
              'NV73NOVB0001000200030004', 'NOVBNVN1', now(), 'test')""");
    if (northRow("select id from delivery.voucher where region_id = :r limit 1", null) == null) {
      var scheme =
          fixtures.as(
              "officer.north",
              () ->
                  vouchers.defineScheme(
                      north,
                      new org.socius.delivery.Vouchers.NewScheme(
                          "Test 404 " + UUID.randomUUID(),
                          org.socius.delivery.Voucher.Kind.UNITS,
                          java.math.BigDecimal.ONE,
                          1,
                          false,
                          List.of("HOT-MEALS"))));
      UUID holder = UUID.fromString(northPerson);
      fixtures.as("worker.harbour", () -> vouchers.issue(scheme.id(), holder));
    }
    northVoucher = northRow("select id from delivery.voucher where region_id = :r limit 1", null);
    northBudget =
        northRow("select id from delivery.budget_line where region_id = :r limit 1", null);
    var homeCareType = catalogue.serviceTypeByCode("HOME-CARE").orElseThrow();
    homeCare = homeCareType.id().toString();
    northTariff =
        catalogue
            .tariffOn(homeCareType.id(), fixtures.unit("NV-N").id(), LocalDate.now())
            .orElseThrow()
            .id()
            .toString();
  }

  /** The request that reaches another territory's record through each endpoint. */
  private Map<String, Function<Void, Api.Response>> requests() {
    String day = LocalDate.now().getYear() + "-12-31";
    Map<String, Function<Void, Api.Response>> requests = new LinkedHashMap<>();
    requests.put("GET /api/v1/users/{id}", v -> southAdmin.get("/api/v1/users/" + northUser));
    requests.put(
        "PUT /api/v1/users/{id}",
        v ->
            southAdmin.put(
                "/api/v1/users/" + northUser,
                "{\"displayName\":\"X\",\"roles\":[\"CASE_WORKER\"],\"scopeLevel\":\"REGION\","
                    + "\"regionId\":\""
                    + fixtures.unit("NV-S").id()
                    + "\"}",
                Map.of("If-Match", "\"0\"")));
    requests.put(
        "POST /api/v1/users/{id}/unlock",
        v -> southAdmin.post("/api/v1/users/" + northUser + "/unlock", null));
    requests.put(
        "PUT /api/v1/territories/{id}",
        v ->
            southOfficer.put(
                "/api/v1/territories/" + northMunicipality,
                "{\"code\":\"NV-N-02\",\"name\":\"Taken over\"}",
                Map.of("If-Match", "*")));
    requests.put(
        "PUT /api/v1/regions/{regionId}/calendar/weekend",
        v ->
            southOfficer.put(
                "/api/v1/regions/" + northRegion + "/calendar/weekend",
                "{\"weekendDays\":[\"SUNDAY\"]}",
                Map.of()));
    requests.put(
        "PUT /api/v1/regions/{regionId}/calendar/days/{day}",
        v ->
            southOfficer.put(
                "/api/v1/regions/" + northRegion + "/calendar/days/" + day,
                "{\"working\":true,\"description\":\"x\"}",
                Map.of()));
    requests.put(
        "DELETE /api/v1/regions/{regionId}/calendar/days/{day}",
        v -> southOfficer.delete("/api/v1/regions/" + northRegion + "/calendar/days/" + day));
    requests.put(
        "POST /api/v1/service-types/{id}/tariffs",
        v ->
            southOfficer.post(
                "/api/v1/service-types/" + homeCare + "/tariffs",
                "{\"regionId\":\"" + northRegion + "\",\"price\":1,\"validFrom\":\"2040-01-01\"}"));
    requests.put(
        "POST /api/v1/tariffs/{id}/end",
        v ->
            southOfficer.send(
                "POST",
                "/api/v1/tariffs/" + northTariff + "/end",
                "{\"validTo\":\"2040-01-01\"}",
                "application/json",
                Map.of("If-Match", "*")));
    requests.put(
        "GET /api/v1/applications/{id}",
        v -> southOfficer.get("/api/v1/applications/" + northApplication));
    requests.put(
        "POST /api/v1/applications/{id}/information-requests",
        v ->
            southOfficer.send(
                "POST",
                "/api/v1/applications/" + northApplication + "/information-requests",
                "{\"note\":\"x\"}",
                "application/json",
                Map.of("If-Match", "*")));
    requests.put(
        "POST /api/v1/applications/{id}/decisions",
        v ->
            southOfficer.send(
                "POST",
                "/api/v1/applications/" + northApplication + "/decisions",
                "{\"decisions\":[{\"serviceId\":\"" + northApplication + "\",\"admit\":true}]}",
                "application/json",
                Map.of("If-Match", "*")));
    requests.put(
        "POST /api/v1/registered-services/{id}/capacity-requests",
        v ->
            southOfficer.post(
                "/api/v1/registered-services/" + northRegistered + "/capacity-requests",
                "{\"capacity\":5}"));
    requests.put(
        "POST /api/v1/service-points/{id}/change-requests",
        v ->
            southOfficer.post(
                "/api/v1/service-points/" + northPoint + "/change-requests", "{\"name\":\"x\"}"));
    requests.put(
        "GET /api/v1/providers/{id}/change-requests",
        v -> southOfficer.get("/api/v1/providers/" + northProvider + "/change-requests"));
    requests.put(
        "GET /api/v1/change-requests/{id}",
        v -> southOfficer.get("/api/v1/change-requests/" + northChange));
    requests.put(
        "POST /api/v1/change-requests/{id}/approval",
        v -> southOfficer.post("/api/v1/change-requests/" + northChange + "/approval", "{}"));
    requests.put(
        "POST /api/v1/change-requests/{id}/refusal",
        v ->
            southOfficer.post(
                "/api/v1/change-requests/" + northChange + "/refusal", "{\"reason\":\"x\"}"));
    requests.put(
        "GET /api/v1/persons/{id}", v -> southOfficer.get("/api/v1/persons/" + northPerson));
    requests.put(
        "PUT /api/v1/persons/{id}",
        v ->
            southOfficer.put(
                "/api/v1/persons/" + northPerson,
                "{\"familyName\":\"x\"}",
                Map.of("If-Match", "\"0\"")));
    requests.put(
        "POST /api/v1/persons/{id}/incomes",
        v ->
            southOfficer.post(
                "/api/v1/persons/" + northPerson + "/incomes",
                "{\"month\":\"2026-01\",\"source\":\"WAGES\",\"amount\":1}"));
    requests.put(
        "GET /api/v1/households/{id}",
        v -> southOfficer.get("/api/v1/households/" + northHousehold));
    requests.put(
        "GET /api/v1/person-merges/{id}",
        v -> southOfficer.get("/api/v1/person-merges/" + northMerge));
    requests.put(
        "POST /api/v1/person-merges/{id}/approval",
        v ->
            southOfficer.post(
                "/api/v1/person-merges/" + northMerge + "/approval", "{\"note\":\"x\"}"));
    requests.put(
        "POST /api/v1/person-merges/{id}/rejection",
        v ->
            southOfficer.post(
                "/api/v1/person-merges/" + northMerge + "/rejection", "{\"note\":\"x\"}"));
    requests.put(
        "GET /api/v1/persons/{id}/file",
        v -> southOfficer.get("/api/v1/persons/" + northPerson + "/file"));
    requests.put(
        "POST /api/v1/persons/{id}/assets",
        v ->
            southOfficer.post(
                "/api/v1/persons/" + northPerson + "/assets",
                "{\"kind\":\"LAND\",\"description\":\"x\",\"value\":1,\"heldFrom\":\"2020-01-01\"}"));
    requests.put(
        "POST /api/v1/persons/{id}/consents",
        v ->
            southOfficer.post(
                "/api/v1/persons/" + northPerson + "/consents",
                "{\"purpose\":\"CONTACT\",\"givenOn\":\"2020-01-01\"}"));
    requests.put(
        "POST /api/v1/persons/{id}/documents",
        v ->
            southOfficer.post(
                "/api/v1/persons/" + northPerson + "/documents",
                "{\"kind\":\"OTHER\",\"number\":\"x\"}"));
    requests.put(
        "GET /api/v1/benefit-applications/{id}",
        v -> southOfficer.get("/api/v1/benefit-applications/" + northBenefitApplication));
    requests.put(
        "GET /api/v1/benefit-applications/{id}/assessment",
        v ->
            southOfficer.get(
                "/api/v1/benefit-applications/" + northBenefitApplication + "/assessment"));
    requests.put(
        "POST /api/v1/benefit-applications/{id}/steps",
        v ->
            southOfficer.post(
                "/api/v1/benefit-applications/" + northBenefitApplication + "/steps",
                "{\"version\":0,\"note\":\"x\"}"));
    requests.put(
        "POST /api/v1/benefit-applications/{id}/evidence",
        v ->
            southOfficer.post(
                "/api/v1/benefit-applications/" + northBenefitApplication + "/evidence",
                "{\"kind\":\"OTHER\",\"description\":\"x\",\"receivedOn\":\""
                    + LocalDate.now()
                    + "\"}"));
    requests.put(
        "GET /api/v1/decisions/{id}", v -> southOfficer.get("/api/v1/decisions/" + northDecision));
    requests.put(
        "POST /api/v1/decisions/{id}/appeals",
        v ->
            southOfficer.post(
                "/api/v1/decisions/" + northDecision + "/appeals", "{\"reason\":\"x\"}"));
    requests.put(
        "GET /api/v1/recertification-runs/{id}",
        v -> southOfficer.get("/api/v1/recertification-runs/" + northRun));
    String aCase = "/api/v1/cases/" + northCase;
    String anId = java.util.UUID.randomUUID().toString();
    Map<String, String> ifMatch = Map.of("If-Match", "\"0\"");
    requests.put("GET /api/v1/cases/{id}", v -> southOfficer.get(aCase));
    requests.put(
        "POST /api/v1/cases/{id}/steps",
        v ->
            southOfficer.post(
                aCase + "/steps", "{\"step\":\"INITIAL_EVALUATION\",\"record\":\"x\"}", ifMatch));
    requests.put(
        "POST /api/v1/cases/{id}/early-closure",
        v ->
            southOfficer.post(
                aCase + "/early-closure", "{\"outcome\":\"DIED\",\"record\":\"x\"}", ifMatch));
    requests.put(
        "PUT /api/v1/cases/{id}/worker",
        v ->
            southOfficer.put(
                aCase + "/worker", "{\"workerId\":\"" + southUserId() + "\"}", ifMatch));
    requests.put(
        "GET /api/v1/cases/{id}/team-candidates",
        v -> southOfficer.get(aCase + "/team-candidates"));
    requests.put(
        "POST /api/v1/cases/{id}/team",
        v ->
            southOfficer.post(
                aCase + "/team", "{\"userId\":\"" + southUserId() + "\",\"roleInCase\":\"x\"}"));
    requests.put(
        "DELETE /api/v1/cases/{id}/team/{memberId}",
        v -> southOfficer.delete(aCase + "/team/" + anId));
    requests.put(
        "POST /api/v1/cases/{id}/notes",
        v -> southOfficer.post(aCase + "/notes", "{\"text\":\"x\"}"));
    requests.put(
        "POST /api/v1/cases/{id}/conferences",
        v ->
            southOfficer.post(
                aCase + "/conferences",
                "{\"heldOn\":\""
                    + LocalDate.now()
                    + "\",\"participants\":\"x\",\"minutes\":\"x\"}"));
    requests.put(
        "POST /api/v1/cases/{id}/tasks",
        v ->
            southOfficer.post(
                aCase + "/tasks", "{\"title\":\"x\",\"dueOn\":\"" + LocalDate.now() + "\"}"));
    requests.put(
        "POST /api/v1/cases/{id}/tasks/{taskId}/done",
        v -> southOfficer.post(aCase + "/tasks/" + anId + "/done", "{}"));
    requests.put(
        "POST /api/v1/cases/{id}/referrals",
        v ->
            southOfficer.post(
                aCase + "/referrals", "{\"toKind\":\"NGO\",\"toName\":\"x\",\"reason\":\"x\"}"));
    requests.put(
        "POST /api/v1/cases/{id}/assessments",
        v ->
            southOfficer.post(
                aCase + "/assessments",
                "{\"instrumentId\":\""
                    + anId
                    + "\",\"answers\":{},\"assessedOn\":\""
                    + LocalDate.now()
                    + "\"}"));
    // Plans and agreements of that case.
    String plans = aCase + "/plans";
    requests.put("GET /api/v1/cases/{id}/plans", v -> southOfficer.get(plans));
    requests.put(
        "POST /api/v1/cases/{id}/plans", v -> southOfficer.post(plans, "{\"goals\":\"x\"}"));
    requests.put("GET /api/v1/cases/{id}/plans/draft", v -> southOfficer.get(plans + "/draft"));
    requests.put(
        "POST /api/v1/cases/{id}/plans/draft/services",
        v -> southOfficer.post(plans + "/draft/services", "{}", ifMatch));
    requests.put(
        "DELETE /api/v1/cases/{id}/plans/draft/services/{serviceId}",
        v ->
            southOfficer.send(
                "DELETE", plans + "/draft/services/" + anId, null, "application/json", ifMatch));
    requests.put(
        "GET /api/v1/cases/{id}/plans/draft/services/{serviceId}/providers",
        v -> southOfficer.get(plans + "/draft/services/" + anId + "/providers"));
    requests.put(
        "PUT /api/v1/cases/{id}/plans/draft/services/{serviceId}/choice",
        v ->
            southOfficer.put(
                plans + "/draft/services/" + anId + "/choice",
                "{\"registeredServiceId\":\"" + anId + "\"}",
                ifMatch));
    requests.put(
        "POST /api/v1/cases/{id}/plans/draft/agreement",
        v ->
            southOfficer.post(
                plans + "/draft/agreement",
                "{\"agreedAs\":\"CLIENT\",\"agreedBy\":\"x\"}",
                ifMatch));
    requests.put("GET /api/v1/cases/{id}/agreements", v -> southOfficer.get(aCase + "/agreements"));
    requests.put(
        "POST /api/v1/cases/{id}/agreements", v -> southOfficer.post(aCase + "/agreements", ""));
    // A provider's side, from the staff of a provider of the south.
    requests.put(
        "GET /api/v1/providers/{providerId}/agreements",
        v -> southStaff.get("/api/v1/providers/" + northProvider + "/agreements"));
    requests.put(
        "GET /api/v1/providers/{providerId}/notices",
        v -> southStaff.get("/api/v1/providers/" + northProvider + "/notices"));
    String anAgreement = "/api/v1/agreements/" + northAgreement;
    requests.put("GET /api/v1/agreements/{agreementId}", v -> southStaff.get(anAgreement));
    requests.put(
        "POST /api/v1/agreements/{agreementId}/acceptance",
        v -> southStaff.post(anAgreement + "/acceptance", "", ifMatch));
    requests.put(
        "POST /api/v1/agreements/{agreementId}/decline",
        v -> southStaff.post(anAgreement + "/decline", "{\"reason\":\"x\"}", ifMatch));
    // Delivery: a provider of the south reaches neither the north's provider nor its records; a
    // worker or an officer of the south reaches no case of the north.
    String northDeliveries = "/api/v1/providers/" + northProvider + "/deliveries";
    requests.put(
        "POST /api/v1/providers/{providerId}/deliveries",
        v -> southStaff.post(northDeliveries, "{\"agreement\":\"x\"}"));
    requests.put(
        "POST /api/v1/providers/{providerId}/deliveries/batches",
        v ->
            southStaff.post(
                northDeliveries + "/batches",
                "{\"records\":[{\"agreement\":\"x\"}]}",
                Map.of("Idempotency-Key", "k-" + UUID.randomUUID())));
    requests.put(
        "GET /api/v1/providers/{providerId}/deliveries/batches/{batchId}",
        v -> southStaff.get(northDeliveries + "/batches/" + northBatch));
    requests.put(
        "GET /api/v1/providers/{providerId}/deliveries",
        v -> southStaff.get(northDeliveries + "?from=2026-01-01&to=2026-12-31"));
    String northPayee = "/api/v1/providers/" + northProvider + "/payee-account";
    requests.put(
        "GET /api/v1/providers/{providerId}/payee-account", v -> southStaff.get(northPayee));
    requests.put(
        "PUT /api/v1/providers/{providerId}/payee-account",
        v ->
            southStaff.put(
                northPayee,
                "{\"holder\":\"x\",\"iban\":\"NV54NOVB0009000800070006\",\"bic\":\"NOVBNVN1\"}",
                Map.of()));
    String aDelivery = "/api/v1/deliveries/" + northDelivery;
    requests.put("GET /api/v1/deliveries/{id}", v -> southStaff.get(aDelivery));
    requests.put(
        "POST /api/v1/deliveries/{id}/withdrawal",
        v -> southStaff.post(aDelivery + "/withdrawal", "", ifMatch));
    requests.put(
        "POST /api/v1/deliveries/{id}/confirmation",
        v -> southOfficer.post(aDelivery + "/confirmation", "", ifMatch));
    requests.put(
        "POST /api/v1/deliveries/{id}/dispute",
        v -> southOfficer.post(aDelivery + "/dispute", "{\"reason\":\"x\"}", ifMatch));
    requests.put(
        "POST /api/v1/deliveries/{id}/settlement",
        v ->
            southOfficer.post(
                aDelivery + "/settlement", "{\"delivered\":true,\"note\":\"x\"}", ifMatch));
    requests.put("GET /api/v1/cases/{id}/deliveries", v -> southOfficer.get(aCase + "/deliveries"));
    // Money: the south's officer reaches none of the north's claims, runs, vouchers or budgets,
    // and no person of the north to issue a voucher to.
    String aClaim = "/api/v1/claims/" + northClaim;
    requests.put("GET /api/v1/claims/{id}", v -> southOfficer.get(aClaim));
    requests.put("GET /api/v1/claims/{id}/lines", v -> southOfficer.get(aClaim + "/lines"));
    requests.put(
        "POST /api/v1/claims/{id}/lines/{itemId}/rejection",
        v ->
            southOfficer.post(
                aClaim + "/lines/" + UUID.randomUUID() + "/rejection",
                "{\"reason\":\"x\"}",
                ifMatch));
    requests.put(
        "POST /api/v1/claims/{id}/approval",
        v -> southOfficer.post(aClaim + "/approval", "", ifMatch));
    String aRun = "/api/v1/payment-runs/" + northPaymentRun;
    requests.put("GET /api/v1/payment-runs/{id}", v -> southOfficer.get(aRun));
    requests.put("GET /api/v1/payment-runs/{id}/pain001", v -> southOfficer.get(aRun + "/pain001"));
    requests.put(
        "POST /api/v1/payment-runs/{id}/reconciliation",
        v ->
            southOfficer.send(
                "POST",
                aRun + "/reconciliation",
                "end_to_end_id,amount,booked_on\n",
                "text/csv",
                Map.of()));
    requests.put(
        "GET /api/v1/vouchers/{id}", v -> southOfficer.get("/api/v1/vouchers/" + northVoucher));
    requests.put(
        "POST /api/v1/people/{personId}/vouchers",
        v ->
            southOfficer.post(
                "/api/v1/people/" + northPerson + "/vouchers",
                "{\"schemeId\":\"" + UUID.randomUUID() + "\"}"));
    requests.put(
        "POST /api/v1/budgets/{id}/administrative-costs",
        v ->
            southOfficer.post(
                "/api/v1/budgets/" + northBudget + "/administrative-costs",
                "{\"incurredOn\":\"" + LocalDate.now() + "\",\"amount\":1,\"description\":\"x\"}"));
    return requests;
  }

  /**
   * The territorial hierarchy and the calendars are public reference data that every deadline and
   * every address needs; reading them in another region is allowed on purpose.
   */
  private static final Set<String> PUBLIC_REFERENCE =
      Set.of(
          "GET /api/v1/territories/{id}",
          "GET /api/v1/regions/{regionId}/calendar",
          "GET /api/v1/regions/{regionId}/deadline",
          "GET /api/v1/tariffs/{id}",
          "GET /api/v1/service-types/{id}/tariffs",
          "GET /api/v1/providers/{id}");

  /**
   * The service catalogue and the programmes are kept nationally: their types, standards and rules
   * belong to no territory, so no other territory's record can be reached through these endpoints.
   */
  private static final Set<String> NATIONAL_RECORDS =
      Set.of(
          "GET /api/v1/service-types/{id}",
          "PUT /api/v1/service-types/{id}",
          "GET /api/v1/service-types/{id}/standards",
          "POST /api/v1/service-types/{id}/standards",
          "GET /api/v1/service-types/{id}/standard",
          "GET /api/v1/programmes/{id}",
          "POST /api/v1/programmes/{id}/versions",
          "GET /api/v1/programme-versions/{id}",
          "POST /api/v1/programme-versions/{id}/trials",
          "POST /api/v1/programme-versions/{id}/publication",
          "GET /api/v1/programmes/{id}/workflow",
          "PUT /api/v1/programmes/{id}/workflow",
          "POST /api/v1/programmes/{id}/recertification-runs",
          "GET /api/v1/instruments/{id}");

  /**
   * The id of a row of the north the query finds (its region as {@code :r}), after writing one (the
   * provider as {@code :p}) when there is none and a statement to write it is given.
   */
  private String northRow(String select, String insert) {
    return org.socius.platform.security.CurrentScope.asSystem(
        () ->
            transaction.execute(
                s -> {
                  UUID north = fixtures.unit("NV-N").id();
                  if (insert != null
                      && jdbc.sql(select)
                          .param("r", north)
                          .query(UUID.class)
                          .optional()
                          .isEmpty()) {
                    jdbc.sql(insert).param("r", north).param("p", northProvider).update();
                  }
                  return jdbc.sql(select)
                      .param("r", north)
                      .query(UUID.class)
                      .optional()
                      .map(UUID::toString)
                      .orElse(null);
                }));
  }

  private String southUserId() {
    return fixtures.user("worker.riverside").id().toString();
  }

  @Test
  void everyEndpointAddressingARecordIsCovered() {
    Set<String> templated = new HashSet<>();
    mappings
        .getHandlerMethods()
        .keySet()
        .forEach(
            info ->
                info.getPatternValues().stream()
                    .filter(p -> p.startsWith("/api/v1/") && p.contains("{"))
                    .forEach(
                        p ->
                            info.getMethodsCondition()
                                .getMethods()
                                .forEach(m -> templated.add(m + " " + p))));
    Set<String> known = new HashSet<>(requests().keySet());
    known.addAll(PUBLIC_REFERENCE);
    known.addAll(NATIONAL_RECORDS);
    assertThat(known).containsExactlyInAnyOrderElementsOf(templated);
  }

  @Test
  void recordsOfAnotherTerritoryAnswer404() {
    requests()
        .forEach(
            (endpoint, request) -> {
              Api.Response response = request.apply(null);
              assertThat(response.status()).as(endpoint).isEqualTo(404);
              assertThat(response.json().path("code").asString())
                  .as(endpoint)
                  .isEqualTo("PLT-0404");
            });
  }

  @Test
  void theSameCallersReachRecordsOfTheirOwnTerritory() {
    String southUser = fixtures.user("worker.riverside").id().toString();
    assertThat(southAdmin.get("/api/v1/users/" + southUser).status()).isEqualTo(200);
    String southRegion = fixtures.unit("NV-S").id().toString();
    String day = LocalDate.now().getYear() + "-10-10";
    assertThat(
            southOfficer
                .put(
                    "/api/v1/regions/" + southRegion + "/calendar/days/" + day,
                    "{\"working\":false,\"description\":\"Regional day\"}",
                    Map.of())
                .status())
        .isEqualTo(204);
    assertThat(
            southOfficer
                .delete("/api/v1/regions/" + southRegion + "/calendar/days/" + day)
                .status())
        .isEqualTo(204);
  }

  @Test
  void publicReferenceDataIsReadableEverywhere() {
    assertThat(southOfficer.get("/api/v1/territories/" + northMunicipality).status())
        .isEqualTo(200);
    assertThat(
            southOfficer
                .get(
                    "/api/v1/regions/"
                        + northRegion
                        + "/calendar?year="
                        + LocalDate.now().getYear())
                .status())
        .isEqualTo(200);
  }
}
