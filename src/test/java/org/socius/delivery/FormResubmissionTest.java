package org.socius.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.socius.programmes.Programmes;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.socius.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A form that records money, sent twice (a double click, a reload of the answer, two clicks at
 * once), records once; the same form's key with other contents is refused; a form shown again with
 * its problems did nothing and may be corrected and sent with its key.
 */
@IntegrationTest
class FormResubmissionTest {

  private static final Pattern SUBMISSION =
      Pattern.compile("name=\"_submission\" value=\"([^\"]+)\"");

  @Autowired Fixtures fixtures;
  @Autowired Budgets budgets;
  @Autowired Programmes programmes;
  @LocalServerPort int port;

  private final int year = LocalDate.now(ZoneOffset.UTC).getYear();

  private BudgetLine demoLine() {
    UUID north = fixtures.unit("NV-N").id();
    UUID contribution =
        programmes.all().stream()
            .filter(p -> p.code().equals("SERVICE-CONTRIBUTION"))
            .findFirst()
            .orElseThrow()
            .id();
    return fixtures.as("officer.north", () -> budgets.lines(north, year)).stream()
        .filter(l -> l.programmeId().equals(contribution))
        .findFirst()
        .orElseThrow();
  }

  private BigDecimal administrativeCost() {
    return demoLine().administrativeCost();
  }

  @Test
  void anAdministrativeCostSentTwiceIsRecordedOnce() throws Exception {
    WebSession officer = new WebSession(port);
    assertThat(officer.signIn("officer.north", Fixtures.DEMO_PASSWORD)).isTrue();
    String page = "/budgets?year=" + year;
    Matcher key = SUBMISSION.matcher(officer.get(page).body());
    assertThat(key.find()).as("the budgets page gives its forms a key").isTrue();
    BigDecimal before = administrativeCost();

    Map<String, String> form = new HashMap<>();
    form.put("_submission", key.group(1));
    form.put("lineId", demoLine().id().toString());
    form.put("year", String.valueOf(year));
    form.put("costIncurredOn", "not a date");
    form.put("costAmount", "12.34");
    form.put("costDescription", "Printing of application forms");

    // Shown again with its problem: nothing recorded, and the key is free for the correction.
    HttpResponse<String> refused = officer.post(page, "/budgets/administrative-costs", form);
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("href=\"#costIncurredOn\"");
    assertThat(administrativeCost()).isEqualByComparingTo(before);
    // An amount that is not a number is refused beside its field, as is the key freed again.
    form.put("costIncurredOn", LocalDate.of(year, 1, 2).toString());
    form.put("costAmount", "12,34 EUR");
    HttpResponse<String> unreadable = officer.post(page, "/budgets/administrative-costs", form);
    assertThat(unreadable.statusCode()).isEqualTo(200);
    assertThat(unreadable.body()).contains("href=\"#costAmount\"");
    assertThat(administrativeCost()).isEqualByComparingTo(before);
    form.put("costAmount", "12.34");

    form.put("costIncurredOn", LocalDate.of(year, 1, 2).toString());
    HttpResponse<String> recorded = officer.post(page, "/budgets/administrative-costs", form);
    assertThat(recorded.statusCode()).isEqualTo(302);
    String where = recorded.headers().firstValue("Location").orElseThrow();

    // Sent again: sent where the first went, nothing more recorded.
    HttpResponse<String> again = officer.post(page, "/budgets/administrative-costs", form);
    assertThat(again.statusCode()).isEqualTo(302);
    assertThat(again.headers().firstValue("Location")).contains(where);
    assertThat(administrativeCost()).isEqualByComparingTo(before.add(new BigDecimal("12.34")));

    // The same page's key with another amount is refused, and records nothing.
    Map<String, String> changed = new HashMap<>(form);
    changed.put("costAmount", "99.00");
    HttpResponse<String> conflict = officer.post(page, "/budgets/administrative-costs", changed);
    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(conflict.body()).contains("This form was sent already");
    assertThat(administrativeCost()).isEqualByComparingTo(before.add(new BigDecimal("12.34")));
  }

  @Test
  void twoClicksAtOnceRecordOnceAndBothAreSentToTheAnswer() {
    WebSession officer = new WebSession(port);
    assertThat(officer.signIn("officer.north", Fixtures.DEMO_PASSWORD)).isTrue();
    String page = "/budgets?year=" + year;
    // The page seen once, as the browser has before any click: its session has its CSRF token.
    assertThat(officer.get(page).statusCode()).isEqualTo(200);
    BigDecimal before = administrativeCost();
    Map<String, String> form =
        Map.of(
            "_submission",
            UUID.randomUUID().toString(),
            "lineId",
            demoLine().id().toString(),
            "year",
            String.valueOf(year),
            "costIncurredOn",
            LocalDate.of(year, 1, 3).toString(),
            "costAmount",
            "5.00",
            "costDescription",
            "Postage");
    List<CompletableFuture<HttpResponse<String>>> clicks =
        List.of(
            CompletableFuture.supplyAsync(
                () -> officer.post(page, "/budgets/administrative-costs", form)),
            CompletableFuture.supplyAsync(
                () -> officer.post(page, "/budgets/administrative-costs", form)));
    for (CompletableFuture<HttpResponse<String>> click : clicks) {
      assertThat(click.join().statusCode()).isEqualTo(302);
    }
    assertThat(administrativeCost()).isEqualByComparingTo(before.add(new BigDecimal("5.00")));
  }
}
