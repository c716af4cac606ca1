package org.socius.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.socius.browser.BrowserSession.assertAccessible;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.socius.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/**
 * The whole path of assistance in the browser: an analyst defines a programme version with a
 * threshold and a formula, tries it on a sample household and publishes it; a worker registers a
 * household with its incomes and an application, and walks it through investigation and a public
 * notice (the public sees it without names); the regional officer decides, and the decision page
 * explains each criterion and the amount, with a letter in the applicant's language. A second
 * household, on the urgent path, fails the threshold, and its decision names the criterion.
 */
@IntegrationTest
class BenefitsBrowserTest {

  private static final String CRITERION = "Income per member below the line";

  private static BrowserSession browser;

  @LocalServerPort int port;
  @Autowired MessageSource messages;
  @Autowired TestClock clock;

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

  @AfterEach
  void putTheClockBack() {
    clock.reset();
  }

  private String en(String key, Object... args) {
    return messages.getMessage(key, args, Locale.ENGLISH);
  }

  private Locator field(Page page, String key) {
    return page.getByLabel(en(key), new Page.GetByLabelOptions().setExact(true));
  }

  private Locator button(Page page, String key) {
    return page.getByRole(
        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(en(key)).setExact(true));
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

  @Test
  void fromAProgrammeVersionToExplainedDecisions() {
    String suffix = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
    String programme = "Warm homes support " + suffix;

    // The analyst: a line of 300.00 per member, the gap paid for every member.
    Page analyst = signIn("analyst");
    analyst.navigate("http://localhost:" + port + "/programmes");
    field(analyst, "programmes.code").fill("WARM-" + suffix);
    field(analyst, "programmes.name").fill(programme);
    field(analyst, "programmes.kind").selectOption("CASH");
    button(analyst, "form.add").click();
    field(analyst, "programmes.effectiveFrom").fill(LocalDate.now().toString());
    field(analyst, "programmes.criteria")
        .fill(CRITERION + ": household.income_per_member < params.line");
    field(analyst, "programmes.formula").fill("params.line * household.size - household.income");
    field(analyst, "programmes.parameters").fill("line = 30000");
    button(analyst, "programmes.saveDraft").click();
    status(analyst, "programmes.drafted");
    Locator trial =
        analyst.getByRole(
            AriaRole.FORM, new Page.GetByRoleOptions().setName(en("programmes.trialOf", 1)));
    trial.getByLabel(en("programmes.households")).fill("40/200.00; 9/0");
    trial.getByRole(AriaRole.BUTTON).click();
    assertThat(
            analyst
                .locator("table:has(caption:text('" + en("programmes.results") + "')) tbody tr")
                .first())
        .containsText("400.00");
    analyst
        .getByRole(
            AriaRole.FORM, new Page.GetByRoleOptions().setName(en("programmes.publishOf", 1)))
        .getByRole(AriaRole.BUTTON)
        .click();
    status(analyst, "programmes.published");
    analyst.close();

    // The worker registers a mother earning 200.00 a month and her son.
    Page worker = signIn("worker.harbour");
    worker.navigate("http://localhost:" + port + "/people");
    register(worker, "Warmова" + suffix, "Ольга", LocalDate.of(1984, 6, 1));
    status(worker, "people.registered");
    field(worker, "people.householdAddress").fill("7 Lantern Lane, Harbour City");
    button(worker, "people.createHousehold").click();
    status(worker, "people.householdCreated");
    worker
        .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(en("people.registerMember")))
        .click();
    field(worker, "people.relation").selectOption("CHILD");
    register(worker, "Warmов" + suffix, "Иван", LocalDate.of(2016, 2, 2));
    status(worker, "people.memberAdded");
    assertThat(worker.locator("table tbody tr")).hasCount(2);
    assertAccessible(worker);
    worker
        .getByRole(
            AriaRole.LINK, new Page.GetByRoleOptions().setName("Warmова" + suffix + " Ольга"))
        .click();
    recordIncomes(worker, "200.00");

    worker
        .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(en("benefits.apply")))
        .click();
    field(worker, "benefits.programme").selectOption(new SelectOption().setLabel(programme));
    field(worker, "benefits.language").selectOption("ru");
    button(worker, "benefits.submit").click();
    status(worker, "benefits.registered");
    String applicationPage = worker.url();
    assertThat(worker.getByText(en("benefits.wouldGrant", "400.00"))).isVisible();
    assertAccessible(worker);
    String reference =
        worker.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).textContent();
    reference = reference.substring(reference.lastIndexOf(' ') + 1);

    field(worker, "benefits.note").fill("Visited the family; pay slips seen.");
    button(worker, "benefits.complete").click();
    status(worker, "benefits.stepCompleted");
    assertThat(worker.getByText(en("benefits.currentStepIs", en("workflow.step.PUBLIC_NOTICE"))))
        .isVisible();

    // The public board shows the proposal without a name.
    Page visitor = browser.newPage();
    visitor.navigate("http://localhost:" + port + "/notices");
    Locator notice =
        visitor.getByRole(AriaRole.ARTICLE, new Page.GetByRoleOptions().setName(reference));
    assertThat(notice).containsText(en("notices.proposed", "400.00"));
    assertThat(notice).not().containsText("Warmова" + suffix);
    assertThat(notice).not().containsText("Lantern");
    assertAccessible(visitor);
    visitor.close();

    // Too early, then after the notice's days.
    button(worker, "benefits.complete").click();
    assertThat(worker.locator("#error-summary")).isVisible();
    clock.advance(Duration.ofDays(14));
    worker.navigate(applicationPage);
    button(worker, "benefits.complete").click();
    status(worker, "benefits.stepCompleted");
    assertThat(worker.getByText(en("benefits.waitsFor", en("role.REGIONAL_OFFICER")))).isVisible();
    worker.close();

    // The regional officer decides; the decision explains itself.
    Page officer = signIn("officer.north");
    officer.navigate("http://localhost:" + port + "/benefit-applications");
    officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).click();
    button(officer, "benefits.decide").click();
    status(officer, "benefits.decided");
    assertThat(officer.locator("dl.facts")).containsText(en("decision.outcome.GRANTED"));
    assertThat(officer.locator("dl.facts")).containsText("400.00");
    Locator criterion =
        officer.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(CRITERION));
    assertThat(criterion).containsText("household.income_per_member = 10000");
    assertThat(criterion).containsText("params.line = 30000");
    assertThat(criterion).containsText(en("decision.met"));
    assertAccessible(officer);
    officer
        .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(en("decision.letter")))
        .click();
    assertThat(officer.locator("h1")).hasText("Решение по вашему заявлению");
    assertThat(officer.locator("html")).hasAttribute("lang", "ru");
    officer.close();
    clock.reset();

    // A second household, urgent, above the line: refused, and the explanation names why.
    Page second = signIn("worker.harbour");
    second.navigate("http://localhost:" + port + "/people");
    register(second, "Coldson" + suffix, "Petra", LocalDate.of(1979, 9, 9));
    field(second, "people.householdAddress").fill("9 Frost Street, Harbour City");
    button(second, "people.createHousehold").click();
    second
        .getByRole(
            AriaRole.LINK, new Page.GetByRoleOptions().setName("Coldson" + suffix + " Petra"))
        .click();
    recordIncomes(second, "500.00");
    second
        .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(en("benefits.apply")))
        .click();
    field(second, "benefits.programme").selectOption(new SelectOption().setLabel(programme));
    field(second, "benefits.urgentPath").check();
    button(second, "benefits.submit").click();
    assertThat(second.getByText(en("benefits.wouldRefuse"))).isVisible();
    String secondReference =
        second.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).textContent();
    secondReference = secondReference.substring(secondReference.lastIndexOf(' ') + 1);
    second.close();

    Page officerAgain = signIn("officer.north");
    officerAgain.navigate("http://localhost:" + port + "/benefit-applications");
    officerAgain
        .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(secondReference))
        .click();
    button(officerAgain, "benefits.decide").click();
    assertThat(officerAgain.locator("dl.facts")).containsText(en("decision.outcome.REFUSED"));
    Locator failed =
        officerAgain.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(CRITERION));
    assertThat(failed).containsText(en("decision.notMet"));
    assertThat(failed).containsText("household.income_per_member = 50000");
    officerAgain.close();
  }

  private void register(Page page, String family, String given, LocalDate born) {
    field(page, "people.familyName").fill(family);
    field(page, "people.givenNames").fill(given);
    field(page, "people.dateOfBirth").fill(born.toString());
    field(page, "people.sex").selectOption("FEMALE");
    button(page, "people.registerButton").click();
  }

  /** The same income for this month and the three before: the rules average three of them. */
  private void recordIncomes(Page page, String amount) {
    for (int back = 0; back <= 3; back++) {
      field(page, "people.month").fill(YearMonth.now().minusMonths(back).toString());
      field(page, "people.source").selectOption("WAGES");
      field(page, "people.amount").fill(amount);
      button(page, "people.recordIncomeButton").click();
      status(page, "people.incomeRecorded");
    }
  }
}
