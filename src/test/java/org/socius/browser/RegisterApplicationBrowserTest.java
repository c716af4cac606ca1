package org.socius.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.socius.browser.BrowserSession.assertAccessible;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import java.nio.charset.StandardCharsets;
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
 * The whole path into the register: an organisation signs up and applies for two services, the
 * officer asks for a document, the provider adds it, the officer admits one service and refuses the
 * other, and the public register shows exactly the admitted one.
 */
@IntegrationTest
class RegisterApplicationBrowserTest {

  private static BrowserSession browser;
  private static final byte[] PDF =
      "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
          .getBytes(StandardCharsets.US_ASCII);

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

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private String en(String key, Object... args) {
    return messages.getMessage(key, args, Locale.ENGLISH);
  }

  private Locator button(Page page, String key) {
    return page.getByRole(
        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(en(key)).setExact(true));
  }

  private Locator field(Page page, String key) {
    return page.getByLabel(en(key), new Page.GetByLabelOptions().setExact(true));
  }

  private Page signIn(String username, String password) {
    Page page = browser.newPage();
    page.navigate(url("/login"));
    field(page, "login.username").fill(username);
    field(page, "login.password").fill(password);
    button(page, "login.submit").click();
    return page;
  }

  private static FilePayload pdf(String name) {
    return new FilePayload(name, "application/pdf", PDF);
  }

  @Test
  void aProviderIsAdmittedForOneServiceAndRefusedTheOther() {
    String suffix = Long.toString(System.nanoTime() % 1_000_000);
    String name = "Pinewood Elderly Friends " + suffix;
    String username = "pef" + suffix;

    // An organisation signs up without an account.
    Page signUp = browser.newPage();
    signUp.navigate(url("/providers/sign-up"));
    assertAccessible(signUp);
    field(signUp, "providers.legalName").fill(name);
    field(signUp, "register.providerType").selectOption("NGO");
    field(signUp, "users.region").selectOption(new SelectOption().setLabel("Northern Region"));
    field(signUp, "providers.contactName").fill("Petra Lind");
    field(signUp, "users.username").fill(username);
    field(signUp, "users.email").fill(username + "@example.org");
    field(signUp, "login.password").fill("Pinewood-friends-2026");
    button(signUp, "providers.signUp.submit").click();
    assertThat(signUp.getByRole(AriaRole.STATUS).first()).hasText(en("providers.signedUp"));
    signUp.context().close();

    // It describes itself and applies for two services.
    Page provider = signIn(username, "Pinewood-friends-2026");
    provider
        .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(en("nav.myProvider")))
        .click();
    assertAccessible(provider);
    field(provider, "providers.founder.name").fill("Petra Lind");
    field(provider, "providers.founder.type").selectOption("PRIVATE_PERSON");
    provider.locator("form[action$='/founders'] button").click();
    field(provider, "providers.point.name").fill("Pinewood Friends House");
    field(provider, "users.municipality")
        .selectOption(new SelectOption().setLabel("Pinewood District"));
    field(provider, "providers.point.address").fill("5 Pine Street, Pinewood");
    field(provider, "providers.point.latitude").fill("54.6510");
    field(provider, "providers.point.longitude").fill("21.0150");
    field(provider, "providers.point.capacity").fill("20");
    provider.locator("form[action$='/points'] button").click();
    assertThat(provider.getByText("Pinewood Friends House")).isVisible();
    button(provider, "providers.newApplication").click();

    field(provider, "register.serviceType").selectOption(new SelectOption().setLabel("Home care"));
    field(provider, "register.capacity").fill("10");
    provider.locator("form[action$='/services'] button").click();
    field(provider, "register.serviceType")
        .selectOption(new SelectOption().setLabel("Social taxi"));
    field(provider, "register.capacity").fill("5");
    provider.locator("form[action$='/services'] button").click();
    assertThat(provider.locator("tbody tr")).hasCount(2);

    // Submitting without the required documents is refused and changes nothing.
    button(provider, "applications.submit").click();
    assertThat(provider.locator("#error-summary")).containsText(en("error.PRV-0802", "STATUTE"));
    assertThat(provider.locator("#application-status")).hasText(en("applications.status.DRAFT"));
    assertAccessible(provider);

    field(provider, "applications.documentKind").selectOption("STATUTE");
    field(provider, "applications.file").setInputFiles(pdf("statute.pdf"));
    button(provider, "applications.upload").click();
    field(provider, "applications.documentKind").selectOption("REGISTRATION_CERTIFICATE");
    field(provider, "applications.file").setInputFiles(pdf("registration.pdf"));
    button(provider, "applications.upload").click();
    button(provider, "applications.submit").click();
    assertThat(provider.locator("#application-status"))
        .hasText(en("applications.status.SUBMITTED"));
    String applicationUrl = provider.url();

    // The officer asks for the licence of the home care service.
    Page officer = signIn("officer.north", Fixtures.DEMO_PASSWORD);
    officer
        .getByRole(
            AriaRole.LINK,
            new Page.GetByRoleOptions().setName(en("nav.applications")).setExact(true))
        .click();
    assertAccessible(officer);
    officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
    field(officer, "applications.requestNote").fill("Please add the licence for home care.");
    officer.locator("form[action$='/request-information'] button").click();
    assertThat(officer.locator("#application-status"))
        .hasText(en("applications.status.INFORMATION_REQUESTED"));

    // The provider adds it and answers.
    provider.navigate(applicationUrl);
    assertThat(provider.getByText("Please add the licence for home care.")).isVisible();
    field(provider, "applications.documentKind").selectOption("LICENCE");
    field(provider, "applications.file").setInputFiles(pdf("home-care-licence.pdf"));
    button(provider, "applications.upload").click();
    field(provider, "applications.answerNote").fill("The licence is attached.");
    button(provider, "applications.answer").click();
    assertThat(provider.locator("#application-status"))
        .hasText(en("applications.status.SUBMITTED"));

    // The officer admits home care and refuses the social taxi with a reason.
    officer.navigate(applicationUrl);
    assertThat(
            officer.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName("home-care-licence.pdf")))
        .isVisible();
    Locator homeCare =
        officer.getByRole(
            AriaRole.GROUP,
            new Page.GetByRoleOptions().setName("Home care — Pinewood Friends House"));
    homeCare.getByLabel(en("applications.admit")).check();
    Locator taxi =
        officer.getByRole(
            AriaRole.GROUP,
            new Page.GetByRoleOptions().setName("Social taxi — Pinewood Friends House"));
    taxi.getByLabel(en("applications.refuse")).check();
    taxi.getByLabel(en("applications.reason")).selectOption("STAFF_NOT_QUALIFIED");
    taxi.getByLabel(en("applications.reasonText"))
        .fill("No driver trained to assist wheelchair users.");
    assertAccessible(officer);
    button(officer, "applications.record").click();
    assertThat(officer.locator("#application-status")).hasText(en("applications.status.DECIDED"));
    officer.context().close();

    // The provider sees the reason.
    provider.navigate(applicationUrl);
    assertThat(provider.locator("tbody"))
        .containsText(en("applications.reason.STAFF_NOT_QUALIFIED"));
    assertThat(provider.locator("tbody"))
        .containsText("No driver trained to assist wheelchair users.");
    provider.context().close();

    // The public register, without signing in, shows exactly the admitted service.
    Page visitor = browser.newPage();
    visitor.navigate(url("/register"));
    field(visitor, "users.municipality")
        .selectOption(new SelectOption().setLabel("Pinewood District"));
    button(visitor, "users.filter").click();
    Locator rows =
        visitor
            .locator("#register-results tbody tr")
            .filter(new Locator.FilterOptions().setHasText(name));
    assertThat(rows).hasCount(1);
    assertThat(rows).containsText("Home care");
    assertAccessible(visitor);
    visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).first().click();
    assertThat(visitor.locator("tbody tr")).hasCount(1);
    assertThat(visitor.locator("tbody")).containsText("Home care");
    assertThat(visitor.locator("tbody")).not().containsText("Social taxi");
    assertAccessible(visitor);
    visitor.context().close();
  }
}
