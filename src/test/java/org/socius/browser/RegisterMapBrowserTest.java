package org.socius.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.socius.browser.BrowserSession.assertAccessible;

import com.microsoft.playwright.Page;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socius.catalogue.Catalogue;
import org.socius.catalogue.ServiceType;
import org.socius.platform.security.CurrentScope;
import org.socius.providers.PublicRegister;
import org.socius.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/** The map shows one marker per service point of the matching services, each with its provider. */
@IntegrationTest
class RegisterMapBrowserTest {

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

  @Test
  void theMapShowsTheServicePointsOfTheChosenServiceWithoutSigningIn() {
    UUID homeCare =
        CurrentScope.asSystem(
            () ->
                catalogue.search(null, null, null, null, null, true).stream()
                    .filter(t -> t.code().equals("HOME-CARE"))
                    .map(ServiceType::id)
                    .findFirst()
                    .orElseThrow());
    var entries = register.search(homeCare, null, null, null, 0, 200).items();
    long points = entries.stream().map(PublicRegister.Entry::servicePointId).distinct().count();
    assertThat(points).isGreaterThan(1);

    Page page = browser.newPage();
    page.navigate("http://localhost:" + port + "/register");
    page.getByText(messages.getMessage("register.map.show", null, Locale.ENGLISH)).click();
    page.getByLabel(messages.getMessage("register.serviceType", null, Locale.ENGLISH))
        .selectOption(homeCare.toString());
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions()
                .setName(messages.getMessage("users.filter", null, Locale.ENGLISH))
                .setExact(true))
        .click();
    assertThat(page.locator("#register-map[data-loaded]")).hasCount(1);
    assertThat(page.locator(".leaflet-marker-icon")).hasCount((int) points);
    assertThat(page.locator("#register-map-status"))
        .hasText(
            messages
                .getMessage("register.map.shown", null, Locale.ENGLISH)
                .replace("{0}", String.valueOf(points))
                .replace("{1}", String.valueOf(entries.size())));

    PublicRegister.Entry first = entries.getFirst();
    page.locator(".leaflet-marker-icon[alt^='" + first.servicePointName() + ", ']").first().click();
    assertThat(page.locator(".leaflet-popup-content")).containsText(first.providerName());
    assertAccessible(page);
  }
}
