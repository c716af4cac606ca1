package org.socius.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.socius.browser.BrowserSession.assertAccessible;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socius.cases.Agreement;
import org.socius.cases.CaseAccess;
import org.socius.cases.ClientAccess;
import org.socius.delivery.BankAccount;
import org.socius.delivery.Payments;
import org.socius.support.AgreedCases;
import org.socius.support.AgreedCases.Agreed;
import org.socius.support.AgreedCases.Planned;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.socius.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/**
 * Money following the client, in the browser: a provider records three visits for a client, the
 * client confirms two and disputes one, the month's claim holds exactly the two confirmed at the
 * agreed price less the client's contribution, the regional officer approves it and makes the
 * payment run, and the file for the bank validates against the ISO 20022 pain.001 schema.
 */
@IntegrationTest
class DeliveryBrowserTest {

  private static final String HARBOUR = "Harbour Care Association";
  private static BrowserSession browser;

  @LocalServerPort int port;
  @Autowired MessageSource messages;
  @Autowired AgreedCases agreedCases;
  @Autowired ClientAccess clientAccess;
  @Autowired Payments payments;
  @Autowired Fixtures fixtures;
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
  void giveBack() {
    clock.reset();
    agreedCases.closeAll();
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

  private void status(Page page, String key, Object... args) {
    assertThat(page.getByRole(AriaRole.STATUS).first()).hasText(en(key, args));
  }

  @Test
  void visitsConfirmedByTheClientAreClaimedApprovedAndPaidThroughAPain001File() throws Exception {
    LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
    Agreed agreed =
        agreedCases.agreed(
            "1400.00", today, List.of(new Planned("HOME-CARE", "4", HARBOUR, "provider.staff")));
    Agreement care = agreed.with(HARBOUR);
    UUID caseId = agreed.details().id();
    String carer = "Carer " + UUID.randomUUID().toString().substring(0, 6);
    CaseAccess access =
        fixtures.as(
            "worker.harbour",
            () -> clientAccess.give(caseId, "beneficiary", CaseAccess.Capacity.CLIENT));
    try {
      // The provider records three visits of today.
      Page provider = signIn("provider.staff");
      provider.navigate("http://localhost:" + port + "/provider-deliveries");
      assertAccessible(provider);
      for (int hour : List.of(8, 11, 15)) {
        field(provider, "deliveries.agreementService")
            .selectOption(care.reference() + "|HOME-CARE");
        field(provider, "deliveries.day").fill(today.toString());
        field(provider, "deliveries.start").fill("%02d:00".formatted(hour));
        field(provider, "deliveries.end").fill("%02d:00".formatted(hour + 1));
        field(provider, "deliveries.staff").fill(carer);
        button(provider, "deliveries.record").click();
        status(provider, "deliveries.recorded");
      }

      // The client confirms two and disputes one.
      Page client = signIn("beneficiary");
      client.navigate("http://localhost:" + port + "/my-cases/" + caseId + "/deliveries");
      assertAccessible(client);
      for (int i = 0; i < 2; i++) {
        client
            .getByRole(
                AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName(en("deliveries.confirm") + ":"))
            .first()
            .click();
        status(client, "deliveries.confirmed");
      }
      client.getByLabel(en("deliveries.disputeReason")).first().fill("Nobody came at three.");
      client
          .getByRole(
              AriaRole.BUTTON, new Page.GetByRoleOptions().setName(en("deliveries.dispute") + ":"))
          .first()
          .click();
      status(client, "deliveries.disputed");
      assertThat(client.getByText(en("deliveries.disputedBecause", "Nobody came at three.")))
          .isVisible();
    } finally {
      fixtures.as(
          "worker.harbour",
          () -> {
            clientAccess.end(caseId, access.id());
            return null;
          });
    }

    // The month is over: the officer builds its claims and reviews Harbour's.
    clock.advance(Duration.ofDays(40));
    YearMonth month = YearMonth.from(today);
    Page officer = signIn("officer.north");
    officer.navigate("http://localhost:" + port + "/claims?month=" + month);
    button(officer, "claims.build", month).click();
    status(officer, "claims.built");
    assertAccessible(officer);
    officer
        .getByRole(AriaRole.ROW)
        .filter(new Locator.FilterOptions().setHasText(HARBOUR))
        .last()
        .getByRole(AriaRole.LINK)
        .click();
    assertAccessible(officer);
    Locator ours =
        officer
            .getByRole(AriaRole.ROW)
            .filter(new Locator.FilterOptions().setHasText(care.reference()));
    assertThat(ours).hasCount(2);
    Agreement.Line line = care.services().getFirst();
    BigDecimal price = line.unitPrice();
    BigDecimal contribution =
        price
            .multiply(line.monthlyCopayment())
            .divide(line.monthlyCost(), 8, RoundingMode.HALF_UP)
            .setScale(2, RoundingMode.HALF_UP);
    for (int i = 0; i < 2; i++) {
      assertThat(ours.nth(i).getByRole(AriaRole.CELL).nth(5)).hasText(price.toPlainString());
      assertThat(ours.nth(i).getByRole(AriaRole.CELL).nth(6)).hasText(contribution.toPlainString());
    }
    button(officer, "claims.approve").click();
    status(officer, "claims.approved");

    // The payment run, and its file for the bank.
    UUID north = agreed.details().regionId();
    fixtures.as(
        "officer.north",
        () ->
            payments.setRegionAccount(
                north,
                BankAccount.typed(
                    "Northern Region Treasury", "NV73NOVB0001000200030004", "NOVBNVN1")));
    fixtures.as(
        "provider.staff",
        () ->
            payments.setPayeeAccount(
                care.providerId(),
                BankAccount.typed(HARBOUR, "NV54NOVB0009000800070006", "NOVBNVN1")));
    officer.navigate("http://localhost:" + port + "/payments");
    assertAccessible(officer);
    field(officer, "payments.requestedOn").fill(LocalDate.now(clock).toString());
    button(officer, "payments.create").click();
    status(officer, "payments.created");
    assertAccessible(officer);
    Download file =
        officer.waitForDownload(
            () ->
                officer
                    .getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName(en("payments.downloadXml")))
                    .click());
    byte[] xml = Files.readAllBytes(file.path());
    SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(getClass().getResource("/pain.001.001.09.xsd"))
        .newValidator()
        .validate(new StreamSource(new java.io.ByteArrayInputStream(xml)));
    org.assertj.core.api.Assertions.assertThat(
            new String(xml, java.nio.charset.StandardCharsets.UTF_8))
        .contains("<IBAN>NV54NOVB0009000800070006</IBAN>");
    clock.reset();
    agreedCases.close(agreed);
  }
}
