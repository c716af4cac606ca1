package org.socius.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.socius.browser.BrowserSession.assertAccessible;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/** Real people's paths through the UI, in a real browser, checked for accessibility on the way. */
@IntegrationTest
class AdministrationBrowserTest {

  private static BrowserSession browser;

  @LocalServerPort int port;
  @Autowired MessageSource messages;
  @Autowired Fixtures fixtures;

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

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  private Page signIn(String username, String password) {
    Page page = browser.newPage();
    page.navigate(url("/login"));
    page.getByLabel(text("login.username", Locale.ENGLISH)).fill(username);
    page.getByLabel(text("login.password", Locale.ENGLISH)).fill(password);
    page.getByRole(
            AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName(text("login.submit", Locale.ENGLISH)))
        .click();
    return page;
  }

  @Test
  void anAdministratorSwitchesLanguageAndAdministersAUser() {
    Page login = browser.newPage();
    login.navigate(url("/login"));
    assertAccessible(login);
    login.context().close();

    Page page = signIn("admin", Fixtures.DEMO_PASSWORD);
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText(text("home.welcome", Locale.ENGLISH, "Alex Administrator"));
    assertAccessible(page);

    Locale russian = Locale.of("ru");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Русский")).click();
    assertThat(page.locator("html")).hasAttribute("lang", "ru");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText(text("home.welcome", russian, "Alex Administrator"));
    assertAccessible(page);

    page.getByRole(
            AriaRole.LINK,
            new Page.GetByRoleOptions().setName(text("nav.users", russian)).setExact(true))
        .click();
    assertAccessible(page);
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(text("users.new", russian)))
        .click();

    // First an incomplete form: every problem is listed and nothing is created.
    page.getByLabel(text("users.username", russian), new Page.GetByLabelOptions().setExact(true))
        .fill("Bad Name");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(text("form.save", russian)))
        .click();
    assertThat(page.locator("#error-summary")).isVisible();
    assertThat(page.locator("#error-summary")).containsText(text("error.ACC-0101", russian));
    assertThat(page.locator("#error-summary")).containsText(text("error.ACC-0106", russian));
    assertThat(page.locator("#error-summary")).isFocused();
    assertAccessible(page);

    page.getByLabel(text("users.username", russian), new Page.GetByLabelOptions().setExact(true))
        .fill("hanna.new");
    page.getByLabel(text("users.displayName", russian)).fill("Hanna Newcomer");
    page.getByLabel(text("role.CASE_WORKER", russian)).check();
    page.getByLabel(text("users.scope", russian)).selectOption("MUNICIPALITY");
    page.getByLabel(text("users.municipality", russian))
        .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Harbour City"));
    page.getByLabel(text("users.initialPassword", russian)).fill("Harbour-lights-42");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(text("form.save", russian)))
        .click();
    assertThat(page.getByRole(AriaRole.STATUS)).hasText(text("users.created", russian));
    assertAccessible(page);

    page.getByLabel(text("users.displayName", russian)).fill("Hanna Newcomer-Smith");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(text("form.save", russian)))
        .click();
    assertThat(page.getByRole(AriaRole.STATUS)).hasText(text("users.saved", russian));

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
    page.navigate(url("/admin/users?q=hanna.new"));
    assertThat(
            page.getByRole(AriaRole.ROW)
                .filter(
                    new com.microsoft.playwright.Locator.FilterOptions().setHasText("hanna.new")))
        .containsText("Hanna Newcomer-Smith");
    page.context().close();

    Page newcomer = signIn("hanna.new", "Harbour-lights-42");
    assertThat(newcomer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .containsText("Hanna Newcomer-Smith");
    newcomer.context().close();
  }

  /** What each demo user finds in the navigation: their own work and nothing else. */
  private static final Map<String, List<String>> NAVIGATION =
      Map.of(
          "admin",
          List.of(
              "nav.home",
              "nav.people",
              "nav.catalogue",
              "nav.programmes",
              "nav.register",
              "nav.users",
              "nav.territories"),
          "analyst",
          List.of(
              "nav.home",
              "nav.catalogue",
              "nav.programmes",
              "nav.register",
              "nav.benefitApplications",
              "nav.territories"),
          "auditor",
          List.of("nav.home", "nav.register", "nav.audit"),
          "officer.north",
          List.of(
              "nav.home",
              "nav.people",
              "nav.catalogue",
              "nav.programmes",
              "nav.register",
              "nav.cases",
              "nav.benefitApplications",
              "nav.deliveryDisputes",
              "nav.claims",
              "nav.payments",
              "nav.voucherSchemes",
              "nav.budgets",
              "nav.applications",
              "nav.territories"),
          "worker.harbour",
          List.of(
              "nav.home",
              "nav.people",
              "nav.catalogue",
              "nav.programmes",
              "nav.register",
              "nav.cases",
              "nav.benefitApplications",
              "nav.deliveryDisputes"),
          "specialist.health",
          List.of("nav.home", "nav.catalogue", "nav.register", "nav.cases"),
          "provider.staff",
          List.of(
              "nav.home",
              "nav.myProvider",
              "nav.catalogue",
              "nav.register",
              "nav.providerAgreements",
              "nav.providerDeliveries",
              "nav.providerClaims",
              "nav.providerVouchers"),
          "inspector",
          List.of("nav.home", "nav.catalogue", "nav.register"),
          "beneficiary",
          List.of("nav.home", "nav.register", "nav.myCases"));

  @Test
  void everyDemoUserSignsInAndSeesTheirOwnNavigation() {
    NAVIGATION.forEach(
        (username, keys) -> {
          Page page = signIn(username, Fixtures.DEMO_PASSWORD);
          List<String> expected = keys.stream().map(k -> text(k, Locale.ENGLISH)).toList();
          assertThat(page.locator("nav.main-nav a").allTextContents())
              .as(username)
              .containsExactlyElementsOf(expected);
          page.context().close();
        });
  }

  @Test
  void anAuditorChecksTheChainAndExportsTheLog() {
    Page page = signIn("auditor", Fixtures.DEMO_PASSWORD);
    page.getByRole(
            AriaRole.LINK,
            new Page.GetByRoleOptions().setName(text("nav.audit", Locale.ENGLISH)).setExact(true))
        .click();
    assertAccessible(page);
    page.getByRole(
            AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName(text("audit.verify", Locale.ENGLISH)))
        .click();
    assertThat(page.locator("#verification"))
        .containsText(text("audit.verify.intact", Locale.ENGLISH, "").split(":")[0]);
    var download =
        page.waitForDownload(
            () ->
                page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName(text("audit.export", Locale.ENGLISH)))
                    .click());
    assertThat(download.suggestedFilename()).isEqualTo("audit-log.csv");
    page.context().close();
  }

  @Test
  void repeatedWrongPasswordsLockTheAccount() {
    String username = "lock.me";
    org.socius.platform.security.CurrentScope.asSystem(
        () -> fixtures.createUser(username, "Right-secret-77"));
    for (int i = 0; i < 5; i++) {
      Page page = signIn(username, "Wrong-password-" + i);
      assertThat(page.getByRole(AriaRole.ALERT)).hasText(text("login.failed", Locale.ENGLISH));
      page.context().close();
    }
    Page page = signIn(username, "Right-secret-77");
    assertThat(page.getByRole(AriaRole.ALERT)).hasText(text("login.locked", Locale.ENGLISH));
    page.context().close();
  }

  @Test
  void aRegionalOfficerKeepsTheCalendarAndCountsADeadline() {
    Page page = signIn("officer.north", Fixtures.DEMO_PASSWORD);
    page.getByRole(
            AriaRole.LINK,
            new Page.GetByRoleOptions()
                .setName(text("nav.territories", Locale.ENGLISH))
                .setExact(true))
        .click();
    page.getByRole(
            AriaRole.LINK, new Page.GetByRoleOptions().setName("Northern Region").setExact(true))
        .click();
    assertAccessible(page);
    page.getByRole(
            AriaRole.LINK,
            new Page.GetByRoleOptions().setName(text("territory.calendar", Locale.ENGLISH)))
        .click();
    assertAccessible(page);

    page.navigate(page.url() + "?year=2036");
    page.getByLabel(
            text("calendar.day", Locale.ENGLISH), new Page.GetByLabelOptions().setExact(true))
        .fill("2036-03-04");
    page.getByLabel(
            text("calendar.description", Locale.ENGLISH),
            new Page.GetByLabelOptions().setExact(true))
        .fill("Regional Founders Day");
    page.getByRole(
            AriaRole.BUTTON, new Page.GetByRoleOptions().setName(text("form.add", Locale.ENGLISH)))
        .click();
    assertThat(page.getByRole(AriaRole.STATUS).first())
        .hasText(text("calendar.saved", Locale.ENGLISH));
    assertThat(
            page.getByRole(AriaRole.ROW)
                .filter(
                    new com.microsoft.playwright.Locator.FilterOptions()
                        .setHasText("Regional Founders Day")))
        .containsText("2036-03-04");

    // Monday 3 March 2036 plus two working days skips the new holiday on Tuesday.
    page.getByLabel(
            text("calendar.from", Locale.ENGLISH), new Page.GetByLabelOptions().setExact(true))
        .fill("2036-03-03");
    page.getByLabel(
            text("calendar.days", Locale.ENGLISH), new Page.GetByLabelOptions().setExact(true))
        .fill("2");
    page.getByRole(
            AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName(text("calendar.compute", Locale.ENGLISH)))
        .click();
    assertThat(page.locator("#deadline-result")).containsText("2036-03-06");
    assertAccessible(page);
    page.context().close();
  }
}
