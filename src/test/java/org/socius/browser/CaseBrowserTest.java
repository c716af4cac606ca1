package org.socius.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.socius.browser.BrowserSession.assertAccessible;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.socius.support.SampleHouseholds;
import org.socius.support.SampleHouseholds.Member;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/**
 * A case in the browser: a community report opens it from the person's page, the worker evaluates
 * and plans, calls a health specialist to the team, scores the daily-living dependency scale and
 * completes the complex evaluation; the specialist finds the case in their caseload without the
 * worker's restricted note. The worker then writes the individual plan with two services, the
 * client chooses a different provider for each and agrees, and each provider finds its agreement,
 * with the client's co-payment, in its own view.
 */
@IntegrationTest
class CaseBrowserTest {

  private static final List<String> NEEDING_HELP =
      List.of("Mobility", "Eating", "Body hygiene", "Toileting", "Care of one", "Household care");

  /**
   * The client's monthly income, alone in the household: (1,840.00 − 540.00, one and a half of the
   * north's line) × 50% = 650.00 a month at most from the client under the demo's contribution
   * rules.
   */
  private static final String INCOME = "1840.00";

  private static BrowserSession browser;

  @LocalServerPort int port;
  @Autowired MessageSource messages;
  @Autowired SampleHouseholds households;

  @BeforeAll
  static void startBrowser() {
    browser = new BrowserSession();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private String en(String key, Object... args) {
    return messages.getMessage(key, args, Locale.ENGLISH);
  }

  private Locator field(Page page, String key) {
    return page.getByLabel(en(key), new Page.GetByLabelOptions().setExact(true));
  }

  private Locator button(Page page, String key, Object... args) {
    return page.getByRole(
        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(en(key, args)).setExact(true));
  }

  private Page signIn(String username) {
    Page page = browser.newPage();
    page.navigate("http://localhost:" + port + "/login");
    field(page, "login.username").fill(username);
    field(page, "login.password").fill(Fixtures.DEMO_PASSWORD);
    button(page, "login.submit").click();
    return page;
  }

  private void status(Page page, String key) {
    assertThat(page.getByRole(AriaRole.STATUS).first()).hasText(en(key));
  }

  private void completeStep(Page page, String record) {
    field(page, "cases.record").first().fill(record);
    button(page, "cases.complete").click();
    status(page, "cases.stepCompleted");
  }

  @Test
  void aCommunityReportBecomesACaseWithATeamAndAScoredDependency() {
    String family = "Cb" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    UUID person =
        households
            .create(
                "worker.harbour",
                "NV-N-01",
                family,
                List.of(new Member(LocalDate.of(1938, 2, 2), INCOME)))
            .headId();

    Page worker = signIn("worker.harbour");
    worker.navigate("http://localhost:" + port + "/people/" + person);
    worker
        .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(en("cases.openFromPerson")))
        .click();
    assertAccessible(worker);
    field(worker, "cases.source").selectOption("COMMUNITY");
    field(worker, "cases.requester").fill("Neighbour at number 7");
    field(worker, "cases.request")
        .fill("Has not been seen outside for two weeks; no food delivered.");
    button(worker, "cases.openCase").click();
    status(worker, "cases.caseOpened");
    assertThat(worker.locator("h1")).containsText("C-");
    String reference = worker.locator("h1").textContent().replace("Case ", "").trim();
    assertThat(worker.getByText("Hanna Worker").first()).isVisible();
    assertAccessible(worker);

    // A later step cannot be reached by skipping: the form always completes the current one.
    completeStep(worker, "Visited at home: frail, lives alone, daughter abroad.");
    worker.getByLabel(en("cases.complexYes")).check();
    completeStep(worker, "Home care and meals; disability allowance to claim; a team to assess.");
    assertThat(worker.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(2)).nth(1))
        .containsText(en("cases.step.COMPLEX_EVALUATION"));

    // Completing the complex evaluation without a team is refused, with the reason beside it.
    field(worker, "cases.record").first().fill("Too early");
    button(worker, "cases.complete").click();
    assertThat(worker.getByText(en("error.CAS-0403"))).isVisible();

    field(worker, "cases.colleague")
        .selectOption(
            new SelectOption().setLabel("Helen Specialist (" + en("sector.HEALTH") + ")"));
    field(worker, "cases.roleInCase").fill("Family doctor");
    button(worker, "cases.callToTeam").click();
    status(worker, "cases.memberAdded");
    field(worker, "cases.note").fill("Daughter reports earlier neglect by a neighbour.");
    worker.getByLabel(en("cases.restricted")).check();
    button(worker, "cases.addNote").click();
    status(worker, "cases.noteAdded");

    // The dependency scale: six of ten areas need help.
    field(worker, "cases.instrument")
        .selectOption(new SelectOption().setLabel("Daily-living dependency scale"));
    button(worker, "cases.assess").click();
    assertAccessible(worker);
    Locator questions = worker.locator("fieldset.question");
    for (int i = 0; i < questions.count(); i++) {
      Locator question = questions.nth(i);
      String legend = question.locator("legend").textContent();
      boolean needs = NEEDING_HELP.stream().anyMatch(legend::startsWith);
      question.getByLabel(needs ? "Needs another person's help" : "Manages alone").check();
    }
    button(worker, "cases.score").click();
    status(worker, "cases.assessed");
    assertThat(worker.getByText("Degree II (medium dependency)")).isVisible();

    completeStep(worker, "Team agrees: medium dependency, home care five days a week.");
    assertThat(worker.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(2)).nth(1))
        .containsText(en("cases.step.INDIVIDUAL_PLAN"));

    // The specialist finds the case in their caseload, without the restricted note.
    Page specialist = signIn("specialist.health");
    specialist.navigate("http://localhost:" + port + "/cases?view=ALL");
    assertAccessible(specialist);
    specialist.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).click();
    assertThat(specialist.getByText("Degree II (medium dependency)")).isVisible();
    assertThat(specialist.getByText("Daughter reports earlier neglect")).hasCount(0);
    assertThat(worker.getByText("Daughter reports earlier neglect")).isVisible();
    assertAccessible(specialist);

    // The plan step cannot be completed before the client agrees to a plan.
    field(worker, "cases.record").first().fill("Plan written");
    button(worker, "cases.complete").click();
    assertThat(worker.getByText(en("error.CAS-0405"))).isVisible();

    planTwoServicesWithTwoProviders(worker, family);

    worker
        .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(en("cases.case", reference)))
        .click();
    completeStep(worker, "The client agreed to home care and hot meals.");
    assertThat(worker.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(2)).nth(1))
        .containsText(en("cases.step.IMPLEMENTATION"));
  }

  private void planTwoServicesWithTwoProviders(Page worker, String family) {
    worker
        .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(en("cases.planLink")))
        .click();
    assertAccessible(worker);
    field(worker, "plans.goals").fill("Stay at home safely, with a hot meal every day.");
    button(worker, "plans.begin").click();
    status(worker, "plans.begun");
    addService(worker, "Home care", "2");
    addService(worker, "Hot meals", "30");
    assertAccessible(worker);

    // Nothing chosen yet: the client's agreement is refused and the plan stays a draft.
    button(worker, "plans.agree").click();
    assertThat(worker.getByText(en("error.CAS-0814", "Home care"))).isVisible();

    choose(worker, "Home care", "Harbour Care Association");
    choose(worker, "Hot meals", "St Nicholas Parish Charity");
    button(worker, "plans.agree").click();
    status(worker, "plans.agreed");
    button(worker, "agreements.drawUp").click();
    status(worker, "agreements.drawn");
    assertAccessible(worker);

    // Home care, 2 hours a day at 9.80 for 365/12 days, costs 596.17 a month and takes that much of
    // the client's 650.00; hot meals, 30 a month at 4.40, cost 132.00, of which 53.83 is left.
    assertThat(agreementRow(worker, "")).hasCount(2);
    assertThat(agreementRow(worker, "Harbour Care Association").locator(".copayment"))
        .hasText("596.17 EUR");
    assertThat(agreementRow(worker, "St Nicholas Parish Charity").locator(".copayment"))
        .hasText("53.83 EUR");

    assertProviderSees("provider.staff", family, "596.17 EUR", "132.00 EUR");
    assertProviderSees("staff.parish", family, "53.83 EUR", "596.17 EUR");
  }

  private void addService(Page worker, String service, String units) {
    field(worker, "plans.service").selectOption(new SelectOption().setLabel(service));
    field(worker, "plans.units").fill(units);
    button(worker, "plans.addService").click();
    status(worker, "plans.serviceAdded");
  }

  /**
   * Opens the choice list of one service of the plan and chooses the provider there; the choice
   * holds one of the provider's places, which the list shows when opened again.
   */
  private void choose(Page worker, String service, String provider) {
    openChoiceList(worker, service, "plans.chooseProvider");
    assertAccessible(worker);
    int free = freePlaces(worker, provider);
    worker
        .getByRole(
            AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName(en("choose.choose") + ": " + provider))
        .click();
    status(worker, "plans.chosen");
    assertThat(planRow(worker, service)).containsText(provider);

    openChoiceList(worker, service, "plans.changeProvider");
    org.assertj.core.api.Assertions.assertThat(freePlaces(worker, provider)).isEqualTo(free - 1);
    assertThat(
            worker.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(provider)))
        .containsText(en("choose.chosen"));
    worker.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(en("choose.back"))).click();
  }

  private void openChoiceList(Page worker, String service, String linkKey) {
    planRow(worker, service)
        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(en(linkKey)))
        .click();
    assertThat(worker.locator("h1")).hasText(en("choose.title", service));
  }

  private Locator planRow(Page worker, String service) {
    return worker.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(service));
  }

  private static int freePlaces(Page worker, String provider) {
    Locator option =
        worker.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(provider));
    return Integer.parseInt(option.locator("td").nth(2).locator("span").first().textContent());
  }

  private Locator agreementRow(Page page, String provider) {
    return page.locator("table[aria-labelledby='agreements-heading'] tbody tr")
        .filter(new Locator.FilterOptions().setHasText(provider));
  }

  /**
   * The provider's staff find the client's agreement in their navigation, with the co-payment that
   * falls on their service, and not the other provider's.
   */
  private void assertProviderSees(
      String staff, String family, String copayment, String otherProvidersCost) {
    Page page = signIn(staff);
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(en("nav.providerAgreements")))
        .click();
    assertAccessible(page);
    Locator agreement =
        page.locator("article.agreement").filter(new Locator.FilterOptions().setHasText(family));
    assertThat(agreement).hasCount(1);
    assertThat(agreement.locator("dd.copayment")).hasText(copayment);
    assertThat(agreement).not().containsText(otherProvidersCost);
    assertThat(agreement.locator("h2")).containsText(en("agreements.status.PROPOSED"));
  }
}
