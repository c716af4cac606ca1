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
 * A worker registers a person written in Cyrillic, then the same person written in Latin letters:
 * the form names the first as a possible duplicate, and registers the second only once the worker
 * confirms that this is someone else.
 */
@IntegrationTest
class PeopleBrowserTest {

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

  private String en(String key) {
    return messages.getMessage(key, null, Locale.ENGLISH);
  }

  private Locator field(Page page, String key) {
    return page.getByLabel(en(key), new Page.GetByLabelOptions().setExact(true));
  }

  private void fill(Page page, String family, String given, LocalDate born) {
    field(page, "people.familyName").fill(family);
    field(page, "people.givenNames").fill(given);
    field(page, "people.dateOfBirth").fill(born.toString());
    field(page, "people.sex").selectOption("FEMALE");
    page.getByRole(
            AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName(en("people.registerButton")).setExact(true))
        .click();
  }

  @Test
  void theSamePersonInAnotherScriptIsShownBeforeASecondRegistration() {
    LocalDate born = LocalDate.of(1938, 1, 1).plusDays(System.nanoTime() % 5000);
    Page page = browser.newPage();
    page.navigate("http://localhost:" + port + "/login");
    field(page, "login.username").fill("worker.harbour");
    field(page, "login.password").fill(Fixtures.DEMO_PASSWORD);
    page.getByRole(
            AriaRole.BUTTON, new Page.GetByRoleOptions().setName(en("login.submit")).setExact(true))
        .click();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(en("nav.people"))).click();
    assertAccessible(page);

    fill(page, "Петрова", "Анна", born);
    assertThat(page.getByRole(AriaRole.STATUS).first()).hasText(en("people.registered"));
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("Петрова Анна");

    page.navigate("http://localhost:" + port + "/people");
    fill(page, "Petrova", "Anna", born);
    assertThat(
            page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName(en("people.duplicates"))))
        .isVisible();
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Петрова Анна")))
        .isVisible();
    assertAccessible(page);

    page.getByLabel(en("people.confirm")).check();
    page.getByRole(
            AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName(en("people.registerButton")).setExact(true))
        .click();
    assertThat(page.getByRole(AriaRole.STATUS).first()).hasText(en("people.registered"));
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("Petrova Anna");
  }
}
