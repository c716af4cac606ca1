package org.socius.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.socius.browser.BrowserSession.assertAccessible;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/**
 * An analyst defines a programme version with a threshold and a formula, finds a misspelt field
 * refused, tries the version on two sample households (one fails the threshold, and the explanation
 * names it), and publishes it.
 */
@IntegrationTest
class ProgrammeBrowserTest {

  private static BrowserSession browser;

  @LocalServerPort int port;
  @Autowired MessageSource messages;

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

  private Locator button(Page page, String key) {
    return page.getByRole(
        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(en(key)).setExact(true));
  }

  @Test
  void anAnalystDefinesTriesAndPublishesAVersion() {
    Page page = browser.newPage();
    page.navigate("http://localhost:" + port + "/login");
    field(page, "login.username").fill("analyst");
    field(page, "login.password").fill(Fixtures.DEMO_PASSWORD);
    button(page, "login.submit").click();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(en("nav.programmes")))
        .click();
    assertThat(page.getByText("Minimum income (Dibao)")).isVisible();
    assertAccessible(page);

    String code = "HEAT-" + (System.nanoTime() % 100_000);
    field(page, "programmes.code").fill(code);
    field(page, "programmes.name").fill("Winter heating support " + code);
    field(page, "programmes.kind").selectOption("CASH");
    button(page, "form.add").click();
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("Winter heating support " + code);

    // A misspelt field is saved as a draft but cannot be published.
    field(page, "programmes.effectiveFrom").fill(LocalDate.now().plusDays(1).toString());
    field(page, "programmes.criteria")
        .fill("Income per member below the line: household.income_per_membr < params.line");
    field(page, "programmes.formula").fill("params.line * household.size - household.income");
    field(page, "programmes.parameters").fill("line = 30000");
    field(page, "programmes.regional").fill("NV-N: line = 36000");
    button(page, "programmes.saveDraft").click();
    assertThat(page.getByRole(AriaRole.STATUS).first()).hasText(en("programmes.drafted"));
    page.getByRole(
            AriaRole.FORM, new Page.GetByRoleOptions().setName(en("programmes.publishOf", 1)))
        .getByRole(AriaRole.BUTTON)
        .click();
    assertThat(page.locator("#error-summary")).containsText("undefined field 'income_per_membr'");

    // Corrected, tried on two households in the north, then published.
    field(page, "programmes.criteria")
        .fill("Income per member below the line: household.income_per_member < params.line");
    button(page, "programmes.saveDraft").click();
    Locator trial =
        page.getByRole(
            AriaRole.FORM, new Page.GetByRoleOptions().setName(en("programmes.trialOf", 2)));
    trial
        .getByLabel(en("users.region"))
        .selectOption(
            new com.microsoft.playwright.options.SelectOption().setLabel("Northern Region"));
    trial.getByLabel(en("programmes.households")).fill("40/500.00; 10/0\n40/900.00");
    trial.getByRole(AriaRole.BUTTON).click();
    Locator rows =
        page.locator("table:has(caption:text('" + en("programmes.results") + "')) tbody tr");
    assertThat(rows).hasCount(2);
    assertThat(rows.nth(0)).containsText("220.00");
    assertThat(rows.nth(0))
        .containsText(en("programmes.passed", "Income per member below the line"));
    assertThat(rows.nth(1))
        .containsText(en("programmes.failed", "Income per member below the line"));
    assertThat(rows.nth(1)).containsText("params.line=36000");
    assertAccessible(page);

    page.getByRole(
            AriaRole.FORM, new Page.GetByRoleOptions().setName(en("programmes.publishOf", 2)))
        .getByRole(AriaRole.BUTTON)
        .click();
    assertThat(page.getByRole(AriaRole.STATUS).first()).hasText(en("programmes.published"));
    assertThat(
            page.getByText(
                en("programmes.status.PUBLISHED"), new Page.GetByTextOptions().setExact(true)))
        .hasCount(1);
  }
}
