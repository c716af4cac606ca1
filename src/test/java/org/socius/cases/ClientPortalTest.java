package org.socius.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.providers.Places;
import org.socius.providers.PublicRegister;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.socius.support.PdfText;
import org.socius.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The client's own view: a worker gives the beneficiary's account access to a case as the client's
 * representative; the account sees the plan in force and the agreements with what the client pays,
 * and nothing of the case's notes; it changes the provider of one service, which makes a new plan
 * version, ends the agreement with the provider left, proposes one to the provider chosen, carries
 * over the agreement with the provider untouched, and tells both providers and the worker; the
 * client and the worker write to each other; access ended closes the view.
 */
@IntegrationTest
class ClientPortalTest {

  private static final String MEALS_FIRST = "Harbour Care Association";
  private static final String MEALS_THEN = "St Nicholas Parish Charity";
  private static final String RESPITE = "Northern Regional Care Home";

  @Autowired Fixtures fixtures;
  @Autowired CasesAtPlanStep planStep;
  @Autowired Plans plans;
  @Autowired Agreements agreements;
  @Autowired ClientAccess access;
  @Autowired ClientPortal portal;
  @Autowired CaseWork work;
  @Autowired Places places;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @LocalServerPort int port;

  private <T> T asWorker(Supplier<T> work) {
    return planStep.asWorker(work);
  }

  private <T> T asClient(Supplier<T> work) {
    return fixtures.as("beneficiary", work);
  }

  private PublicRegister.Entry option(Case c, Plan.Service s, String providerName) {
    return asWorker(
        () ->
            plans.options(c.id(), s.id(), 0, 20).providers().items().stream()
                .filter(e -> e.providerName().equals(providerName))
                .findFirst()
                .orElseThrow());
  }

  private static Plan.Service line(Plan p, String name) {
    return p.services().stream()
        .filter(s -> s.serviceName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private int free(PublicRegister.Entry e) {
    return asWorker(() -> places.freePlaces(List.of(e.registeredServiceId())))
        .get(e.registeredServiceId());
  }

  /** Hot meals at the Harbour Care Association and respite care at the care home, agreed. */
  private Case agreedPlanWithTwoProviders() {
    Case c = planStep.open("1000.00");
    Plan begun = asWorker(() -> plans.begin(c.id(), new Plans.NewVersion("Eat well.", null)));
    Plan one =
        asWorker(
            () ->
                plans.addService(c.id(), begun.version(), planStep.service("HOT-MEALS", "30", "")));
    Plan two =
        asWorker(
            () -> plans.addService(c.id(), one.version(), planStep.service("RESPITE", "2", "")));
    UUID harbour = option(c, line(two, "Hot meals"), MEALS_FIRST).registeredServiceId();
    UUID careHome = option(c, line(two, "Respite care"), RESPITE).registeredServiceId();
    Plan meals =
        asWorker(() -> plans.choose(c.id(), two.version(), line(two, "Hot meals").id(), harbour));
    Plan chosen =
        asWorker(
            () ->
                plans.choose(c.id(), meals.version(), line(meals, "Respite care").id(), careHome));
    asWorker(
        () ->
            plans.agree(
                c.id(), chosen.version(), new Plans.Agreement(Plan.AgreedAs.CLIENT, "The client")));
    asWorker(() -> agreements.drawUp(c.id()));
    return c;
  }

  private long rows(String username, String sql, UUID caseId) {
    return fixtures.as(
        username,
        () ->
            new TransactionTemplate(transactions)
                .execute(s -> jdbc.sql(sql).param("c", caseId).query(Long.class).single()));
  }

  @Test
  void theClientSeesTheirPlanChangesAProviderAndWritesToTheWorker() {
    Case c = agreedPlanWithTwoProviders();
    Case other = agreedPlanWithTwoProviders();
    asWorker(() -> work.addNote(c.id(), "Spoke with the neighbour about the keys.", false));

    // Only a beneficiary's account of the worker's territory gets access, once.
    assertThatThrownBy(
            () -> asWorker(() -> access.give(c.id(), "nobody.here", CaseAccess.Capacity.CLIENT)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("CAS-1101");
    assertThatThrownBy(
            () ->
                asWorker(
                    () -> access.give(c.id(), "specialist.health", CaseAccess.Capacity.CLIENT)))
        .hasMessageContaining("CAS-1101");
    assertThatThrownBy(() -> asWorker(() -> access.give(c.id(), "beneficiary", null)))
        .hasMessageContaining("CAS-1102");
    CaseAccess given =
        asWorker(() -> access.give(c.id(), "beneficiary", CaseAccess.Capacity.REPRESENTATIVE));
    assertThatThrownBy(
            () ->
                asWorker(
                    () -> access.give(c.id(), "beneficiary", CaseAccess.Capacity.REPRESENTATIVE)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("CAS-1103");
    assertThat(asWorker(() -> access.accessTo(c.id())))
        .extracting(CaseAccess::displayName)
        .containsExactly("Bella Beneficiary");

    // The client sees this case, not the other; its plan and what they pay; never its notes.
    assertThat(asClient(() -> portal.myCases())).extracting(Case::id).contains(c.id());
    assertThat(asClient(() -> portal.myCases())).extracting(Case::id).doesNotContain(other.id());
    assertThatThrownBy(() -> asClient(() -> portal.view(other.id())))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> asClient(() -> plans.versions(c.id())))
        .isInstanceOf(AccessDeniedException.class);
    ClientPortal.ClientCase view = asClient(() -> portal.view(c.id()));
    Plan inForce = view.plan().orElseThrow();
    assertThat(inForce.versionNumber()).isEqualTo(1);
    // 230.00 a month at most (see PlansAndAgreementsTest): all of the meals' 132.00, and all of
    // respite care's cost, which is far less (a few days a year).
    assertThat(view.copaymentFor(line(inForce, "Hot meals")).orElseThrow())
        .isEqualByComparingTo("132.00");
    Agreement respite = agreementWith(view, RESPITE);
    assertThat(respite.monthlyCost()).isLessThan(new java.math.BigDecimal("98.00"));
    assertThat(view.copaymentFor(line(inForce, "Respite care")).orElseThrow())
        .isEqualByComparingTo(respite.monthlyCost());
    assertThat(
            rows("beneficiary", "select count(*) from cases.case_note where case_id = :c", c.id()))
        .isZero();
    assertThat(
            rows(
                "worker.harbour",
                "select count(*) from cases.case_note where case_id = :c",
                c.id()))
        .isEqualTo(1);
    assertThat(
            rows("beneficiary", "select count(*) from cases.client_case where id = :c", other.id()))
        .isZero();

    Agreement mealsBefore = agreementWith(view, MEALS_FIRST);
    Agreement respiteBefore = agreementWith(view, RESPITE);
    fixtures.as(
        "staff.carehome", () -> agreements.accept(respiteBefore.id(), respiteBefore.version()));

    // The client changes the meals' provider: the list offers the providers of hot meals.
    Plan.Service meals = line(inForce, "Hot meals");
    Plans.Options options = asClient(() -> portal.options(c.id(), meals.id(), 0, 20));
    PublicRegister.Entry parish =
        options.providers().items().stream()
            .filter(e -> e.providerName().equals(MEALS_THEN))
            .findFirst()
            .orElseThrow();
    PublicRegister.Entry harbour =
        options.providers().items().stream()
            .filter(e -> e.providerName().equals(MEALS_FIRST))
            .findFirst()
            .orElseThrow();
    int parishFree = free(parish);
    int harbourFree = free(harbour);
    // Neither another case's plan nor a provider of another service can be changed to; nothing
    // changes.
    assertThatThrownBy(
            () ->
                asClient(
                    () -> {
                      portal.changeProvider(
                          other.id(), inForce.id(), meals.id(), parish.registeredServiceId());
                      return null;
                    }))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> asClient(() -> portal.options(other.id(), meals.id(), 0, 20)))
        .isInstanceOf(NotFoundException.class);
    UUID respiteAtCareHome = line(inForce, "Respite care").choice().registeredServiceId();
    assertThatThrownBy(
            () ->
                asClient(
                    () -> {
                      portal.changeProvider(c.id(), inForce.id(), meals.id(), respiteAtCareHome);
                      return null;
                    }))
        .hasMessageContaining("CAS-0902");
    assertThat(asClient(() -> portal.view(c.id())).plan().orElseThrow().id())
        .isEqualTo(inForce.id());

    changeTo(c, inForce, meals, parish);
    // The same change sent again (a double click, a retried request) finds it made.
    changeTo(c, inForce, meals, parish);
    ClientPortal.ClientCase changed = asClient(() -> portal.view(c.id()));

    Plan second = changed.plan().orElseThrow();
    assertThat(second.versionNumber()).isEqualTo(2);
    assertThat(second.agreedBy()).isEqualTo("Bella Beneficiary");
    assertThat(second.agreedAs()).isEqualTo(Plan.AgreedAs.REPRESENTATIVE);
    assertThat(second.reason()).contains(MEALS_THEN).contains(MEALS_FIRST);
    assertThat(line(second, "Hot meals").choice().providerName()).isEqualTo(MEALS_THEN);
    assertThat(free(parish)).isEqualTo(parishFree - 1);
    assertThat(free(harbour)).isEqualTo(harbourFree + 1);

    Agreement left = find(changed, mealsBefore.id());
    assertThat(left.status()).isEqualTo(Agreement.Status.ENDED);
    assertThat(left.endReason()).isEqualTo(Agreement.EndReason.CLIENT_CHOSE_ANOTHER);
    Agreement chosen = agreementWith(changed, MEALS_THEN);
    assertThat(chosen.status()).isEqualTo(Agreement.Status.PROPOSED);
    assertThat(chosen.monthlyCopayment()).isEqualByComparingTo("132.00");
    // The care home's agreement is unchanged: carried over to the new version, still accepted.
    Agreement carried = find(changed, respiteBefore.id());
    assertThat(carried.status()).isEqualTo(Agreement.Status.ACCEPTED);
    assertThat(carried.planId()).isEqualTo(second.id());
    assertThat(changed.agreements()).hasSize(3);

    // Both providers are told; the care home is not.
    List<ProviderNotice> harbourNotices =
        fixtures.as("provider.staff", () -> agreements.notices(mealsBefore.providerId()));
    assertThat(harbourNotices)
        .filteredOn(n -> n.caseId().equals(c.id()))
        .extracting(ProviderNotice::kind)
        .containsExactly(ProviderNotice.Kind.CLIENT_LEFT);
    List<ProviderNotice> parishNotices =
        fixtures.as("staff.parish", () -> agreements.notices(chosen.providerId()));
    assertThat(parishNotices)
        .filteredOn(n -> n.caseId().equals(c.id()))
        .extracting(ProviderNotice::kind, ProviderNotice::serviceName)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ProviderNotice.Kind.CLIENT_CHOSE, "Hot meals"));
    assertThat(
            fixtures.as(
                "staff.carehome",
                () ->
                    agreements.notices(respiteBefore.providerId()).stream()
                        .filter(n -> n.caseId().equals(c.id()))
                        .count()))
        .isZero();
    WebSession parishStaff = new WebSession(port);
    assertThat(parishStaff.signIn("staff.parish", Fixtures.DEMO_PASSWORD)).isTrue();
    HttpResponse<String> parishPage =
        parishStaff.get("/provider-agreements?provider=" + chosen.providerId());
    assertThat(parishPage.statusCode()).isEqualTo(200);
    assertThat(parishPage.body()).contains("chose you for Hot meals").contains("Mark the notices");
    fixtures.as("staff.parish", () -> agreements.markNoticesSeen(chosen.providerId()));
    assertThat(fixtures.as("staff.parish", () -> agreements.notices(chosen.providerId())))
        .allMatch(n -> n.seenAt() != null);
    assertThatThrownBy(
            () -> fixtures.as("staff.parish", () -> agreements.notices(mealsBefore.providerId())))
        .isInstanceOf(NotFoundException.class);

    // A page shown before the change no longer changes anything.
    assertThatThrownBy(
            () ->
                asClient(
                    () -> {
                      portal.changeProvider(
                          c.id(), inForce.id(), meals.id(), harbour.registeredServiceId());
                      return null;
                    }))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("CAS-1106");

    // The worker hears of the change; the client and the worker write to each other.
    assertThat(asWorker(() -> access.messages(c.id())))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.fromClient()).isTrue();
              assertThat(m.body()).contains(MEALS_THEN);
            });
    assertThatThrownBy(() -> asClient(() -> portal.send(c.id(), "  ")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("CAS-1104");
    asClient(() -> portal.send(c.id(), "Could the meals come before noon?"));
    asWorker(() -> access.reply(c.id(), "I have asked the parish: they will."));
    List<ClientMessage> conversation = asClient(() -> portal.view(c.id())).messages();
    assertThat(conversation)
        .extracting(ClientMessage::fromClient)
        .containsExactly(true, true, false);
    assertThat(conversation.subList(0, 2)).allMatch(m -> !m.unread());
    assertThat(conversation.get(2).unread()).isTrue();
    assertThatThrownBy(() -> asClient(() -> portal.send(other.id(), "Hello")))
        .isInstanceOf(NotFoundException.class);

    // While the worker writes a new version with the client, the client cannot change alone.
    Plan draft = asWorker(() -> plans.begin(c.id(), new Plans.NewVersion("Eat well.", "Review")));
    assertThatThrownBy(() -> changeTo(c, second, line(second, "Hot meals"), harbour))
        .hasMessageContaining("CAS-1105");
    assertThat(draft.versionNumber()).isEqualTo(3);

    // The client's pages, and access ended closing them.
    WebSession client = new WebSession(port);
    assertThat(client.signIn("beneficiary", Fixtures.DEMO_PASSWORD)).isTrue();
    HttpResponse<String> page = client.get("/my-cases/" + c.id());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(c.reference()).contains(MEALS_THEN).contains("132.00");
    assertThat(client.get("/my-cases/" + other.id()).statusCode()).isEqualTo(404);
    assertThat(client.get("/cases/" + c.id()).statusCode()).isEqualTo(403);
    assertThat(
            client
                .getBytes("/my-cases/" + c.id() + "/agreements/" + chosen.id() + "/pdf")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<byte[]> planPdf =
        client.getBytes("/my-cases/" + c.id() + "/plan/" + second.id() + "/pdf");
    assertThat(planPdf.statusCode()).isEqualTo(200);
    assertThat(PdfText.of(planPdf.body())).contains("Hot meals", MEALS_THEN);
    assertThat(client.getBytes("/my-cases/" + other.id() + "/plan/" + second.id() + "/pdf"))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(404);
    // The change sent again from the old page, as a double click would: it is made, and the
    // client is taken to their case, not told of a missing service.
    HttpResponse<String> again =
        client.post(
            "/my-cases/" + c.id(),
            "/my-cases/" + c.id() + "/services/" + meals.id() + "/choice",
            Map.of(
                "planId", inForce.id().toString(),
                "registeredServiceId", parish.registeredServiceId().toString()));
    assertThat(again.statusCode()).isEqualTo(302);
    assertThat(again.headers().firstValue("Location").orElse("")).endsWith("/my-cases/" + c.id());

    // The worker's forms: a refused account or an empty reply says why, beside the form, and
    // keeps what was typed; a worker of another territory does not reach the case.
    WebSession worker = new WebSession(port);
    assertThat(worker.signIn("worker.harbour", Fixtures.DEMO_PASSWORD)).isTrue();
    HttpResponse<String> refused =
        worker.post(
            "/cases/" + c.id(),
            "/cases/" + c.id() + "/client-access",
            Map.of("username", "no.such.person", "capacity", "CLIENT"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("href=\"#access-username\"")
        .contains("value=\"no.such.person\"");
    HttpResponse<String> empty =
        worker.post(
            "/cases/" + c.id(), "/cases/" + c.id() + "/client-messages", Map.of("body", " "));
    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(empty.body()).contains("href=\"#reply-body\"");
    assertThat(asWorker(() -> access.messages(c.id()))).hasSize(3);
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "worker.riverside",
                    () -> access.give(c.id(), "beneficiary", CaseAccess.Capacity.CLIENT)))
        .isInstanceOf(NotFoundException.class);

    asWorker(
        () -> {
          access.end(c.id(), given.id());
          return null;
        });
    assertThat(client.get("/my-cases/" + c.id()).statusCode()).isEqualTo(404);
    assertThat(rows("beneficiary", "select count(*) from cases.client_case where id = :c", c.id()))
        .isZero();
    assertThat(
            client
                .post("/my-cases", "/my-cases/" + c.id() + "/messages", Map.of("body", "Hello?"))
                .statusCode())
        .isEqualTo(404);
    assertThat(asWorker(() -> access.messages(c.id()))).hasSize(3);
  }

  private void changeTo(Case c, Plan shown, Plan.Service service, PublicRegister.Entry to) {
    asClient(
        () -> {
          portal.changeProvider(c.id(), shown.id(), service.id(), to.registeredServiceId());
          return null;
        });
  }

  private static Agreement agreementWith(ClientPortal.ClientCase view, String provider) {
    return view.agreements().stream()
        .filter(a -> a.providerName().equals(provider))
        .filter(a -> a.status() != Agreement.Status.ENDED)
        .findFirst()
        .orElseThrow();
  }

  private static Agreement find(ClientPortal.ClientCase view, UUID id) {
    return view.agreements().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
  }
}
