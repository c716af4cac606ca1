package org.socius.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.socius.browser.BrowserSession.assertAccessible;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socius.catalogue.Catalogue;
import org.socius.providers.PublicRegister;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/**
 * A registered provider asks for more places; the officer refuses without a reason, then approves.
 */
@IntegrationTest
class ChangeRequestBrowserTest {

  private static BrowserSession browser;

  @LocalServerPort int port;
  @Autowired MessageSource messages;
  @Autowired PublicRegister register;
  @Autowired Catalogue catalogue;

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

  private Page signIn(String username) {
    Page page = browser.newPage();
    page.navigate("http://localhost:" + port + "/login");
    page.getByLabel(en("login.username"), new Page.GetByLabelOptions().setExact(true))
        .fill(username);
    page.getByLabel(en("login.password"), new Page.GetByLabelOptions().setExact(true))
        .fill(Fixtures.DEMO_PASSWORD);
    page.getByRole(
            AriaRole.BUTTON, new Page.GetByRoleOptions().setName(en("login.submit")).setExact(true))
        .click();
    return page;
  }

  private PublicRegister.Entry respite() {
    UUID type = catalogue.serviceTypeByCode("RESPITE").orElseThrow().id();
    return register.search(type, null, null, null, 0, 50).items().stream()
        .filter(e -> e.providerName().equals("Northern Regional Care Home"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aNewCapacityReachesThePublicRegisterOnceTheOfficerApprovesIt() {
    int before = respite().capacity();
    Page provider = signIn("staff.carehome");
    provider.navigate("http://localhost:" + port + "/my-provider");
    var form =
        provider.getByRole(
            AriaRole.FORM,
            new Page.GetByRoleOptions().setName(en("changes.capacityFor", "Respite care")));
    form.getByLabel(en("changes.newCapacity")).fill(String.valueOf(before + 4));
    form.getByLabel(en("changes.explanation")).fill("Two more rooms");
    form.getByRole(AriaRole.BUTTON).click();
    assertThat(provider.getByRole(AriaRole.STATUS).first()).hasText(en("changes.submitted"));
    assertThat(provider.getByText(en("changes.status.SUBMITTED"))).isVisible();
    assertAccessible(provider);

    Page officer = signIn("officer.north");
    officer.navigate("http://localhost:" + port + "/applications");
    var decision =
        officer.getByRole(
            AriaRole.FORM,
            new Page.GetByRoleOptions()
                .setName(en("changes.decideFor", "Northern Regional Care Home")));
    assertAccessible(officer);
    decision
        .getByRole(
            AriaRole.BUTTON,
            new com.microsoft.playwright.Locator.GetByRoleOptions().setName(en("changes.refuse")))
        .click();
    assertThat(officer.locator("#error-summary")).containsText(en("error.PRV-1506"));
    assertThat(respite().capacity()).isEqualTo(before);

    decision =
        officer.getByRole(
            AriaRole.FORM,
            new Page.GetByRoleOptions()
                .setName(en("changes.decideFor", "Northern Regional Care Home")));
    decision.getByLabel(en("changes.note")).fill("Rooms inspected");
    decision
        .getByRole(
            AriaRole.BUTTON,
            new com.microsoft.playwright.Locator.GetByRoleOptions().setName(en("changes.approve")))
        .click();
    assertThat(officer.getByRole(AriaRole.STATUS).first()).hasText(en("changes.decided"));
    assertThat(respite().capacity()).isEqualTo(before + 4);

    provider.reload();
    assertThat(provider.getByText(en("changes.status.APPROVED"))).isVisible();
    assertThat(provider.getByText("Rooms inspected")).isVisible();
  }
}
