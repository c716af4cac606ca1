package org.socius.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socius.accounts.AccountAdministration;
import org.socius.accounts.UserAccount;
import org.socius.accounts.UserDetailsForm;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.Role;
import org.socius.platform.security.ScopeLevel;
import org.socius.support.Api;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.socius.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The UI shell, sessions and operations endpoints, over plain HTTP. */
@IntegrationTest
class WebShellTest {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired MessageSource messages;
  @Autowired AccountAdministration accounts;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;

  private String en(String key) {
    return messages.getMessage(key, null, Locale.ENGLISH);
  }

  @Test
  void healthAndReadinessAreUpWithoutSigningIn() {
    Api anonymous = new Api(port, null);
    assertThat(anonymous.get("/actuator/health").json().path("status").asString()).isEqualTo("UP");
    assertThat(anonymous.get("/actuator/health/readiness").json().path("status").asString())
        .isEqualTo("UP");
    assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
  }

  @Test
  void metricsAreForAdministratorsOnly() {
    Api.Response metrics =
        new Api(port, fixtures.tokenFor("admin"))
            .send(
                "GET", "/actuator/prometheus", null, "text/plain", Map.of("Accept", "text/plain"));
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("http_server_requests");
    assertThat(
            new Api(port, fixtures.tokenFor("worker.harbour")).get("/actuator/prometheus").status())
        .isEqualTo(403);
    assertThat(new Api(port, null).get("/actuator/prometheus").status()).isEqualTo(401);
  }

  @Test
  void pagesCarrySecureHeaders() {
    HttpResponse<String> login = new WebSession(port).get("/login");
    assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'self'")
        .contains("frame-ancestors 'none'");
    assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
  }

  @Test
  void aFormWithoutTheCsrfTokenIsRefused() {
    WebSession session = new WebSession(port);
    assertThat(session.signIn("admin", Fixtures.DEMO_PASSWORD)).isTrue();
    assertThat(session.get("/admin/users").statusCode()).isEqualTo(200);
    // A post made by another site carries the session cookie but not the token.
    HttpResponse<String> forged =
        session.postWithoutToken("/admin/users", Map.of("username", "forged"));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(CurrentScope.asSystem(() -> accounts.findByUsername("forged"))).isEmpty();
  }

  @Test
  void unknownPagesAndForbiddenPagesShowTheShellsErrorPages() {
    WebSession worker = new WebSession(port);
    assertThat(worker.signIn("worker.harbour", Fixtures.DEMO_PASSWORD)).isTrue();
    HttpResponse<String> missing = worker.get("/territories/" + UUID.randomUUID());
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains(en("error.page.404")).contains(en("nav.home"));
    HttpResponse<String> forbidden = worker.get("/admin/users");
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.body()).contains(en("error.page.403"));
  }

  @Test
  void anHtmxRequestGetsOnlyTheListFragment() {
    WebSession admin = new WebSession(port);
    assertThat(admin.signIn("admin", Fixtures.DEMO_PASSWORD)).isTrue();
    HttpResponse<String> fragment = admin.get("/admin/users?q=officer", "HX-Request", "true");
    assertThat(fragment.body())
        .contains("id=\"user-list\"")
        .contains("officer.north")
        .doesNotContain("<html")
        .doesNotContain("worker.harbour");
    HttpResponse<String> page = admin.get("/admin/users?q=officer");
    assertThat(page.body()).contains("<html").contains("id=\"user-list\"");
  }

  @Test
  void sessionsLiveInTheDatabaseAndEndWhenRolesChange() {
    String username = "session." + UUID.randomUUID().toString().substring(0, 8);
    UserAccount user =
        CurrentScope.asSystem(() -> fixtures.createUser(username, "Session-secret-91"));
    WebSession session = new WebSession(port);
    assertThat(session.signIn(username, "Session-secret-91")).isTrue();
    assertThat(session.get("/").statusCode()).isEqualTo(200);
    long stored =
        jdbc.sql("select count(*) from spring_session where principal_name = :u")
            .param("u", username)
            .query(Long.class)
            .single();
    assertThat(stored).isEqualTo(1);

    CurrentScope.asSystem(
        () ->
            accounts.update(
                user.id(),
                user.version(),
                new UserDetailsForm(
                    username,
                    user.displayName(),
                    null,
                    EnumSet.of(Role.AUDITOR),
                    null,
                    ScopeLevel.NATIONAL,
                    null,
                    null,
                    "en",
                    true)));
    HttpResponse<String> after = session.get("/");
    assertThat(after.statusCode()).isEqualTo(302);
    assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
  }

  @Test
  void aUserChangesTheirPasswordAndSignsInWithTheNewOne() {
    String username = "pw." + UUID.randomUUID().toString().substring(0, 8);
    CurrentScope.asSystem(() -> fixtures.createUser(username, "First-secret-123"));
    WebSession session = new WebSession(port);
    assertThat(session.signIn(username, "First-secret-123")).isTrue();

    HttpResponse<String> wrong =
        session.post(
            "/account",
            "/account/password",
            Map.of(
                "currentPassword",
                "Not-the-secret",
                "newPassword",
                "Second-secret-456",
                "confirmation",
                "Second-secret-456"));
    assertThat(wrong.statusCode()).isEqualTo(200);
    assertThat(wrong.body()).contains(en("error.ACC-0205"));

    HttpResponse<String> right =
        session.post(
            "/account",
            "/account/password",
            Map.of(
                "currentPassword",
                "First-secret-123",
                "newPassword",
                "Second-secret-456",
                "confirmation",
                "Second-secret-456"));
    assertThat(right.statusCode()).isEqualTo(302);
    assertThat(new WebSession(port).signIn(username, "First-secret-123")).isFalse();
    assertThat(new WebSession(port).signIn(username, "Second-secret-456")).isTrue();
  }

  @Test
  void readingAPersonalRecordIsAudited() {
    Api admin = new Api(port, fixtures.tokenFor("admin"));
    UUID worker = fixtures.user("worker.riverside").id();
    assertThat(admin.get("/api/v1/users/" + worker).status()).isEqualTo(200);
    Map<String, Object> entry =
        CurrentScope.asSystem(
            () ->
                transaction.execute(
                    s ->
                        jdbc.sql(
                                "select actor_name, client_address, region_id from audit.entry"
                                    + " where entity_type = 'user' and entity_id = :id and action = 'read'"
                                    + " order by seq desc limit 1")
                            .param("id", worker.toString())
                            .query()
                            .singleRow()));
    assertThat(entry.get("actor_name")).isEqualTo("admin");
    assertThat(entry.get("client_address")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    assertThat(entry.get("region_id")).isEqualTo(fixtures.unit("NV-S").id());
  }

  @Test
  void afterSignInThePagesSpeakTheUsersPreferredLanguage() {
    String username = "ru." + UUID.randomUUID().toString().substring(0, 8);
    CurrentScope.asSystem(
        () ->
            accounts.create(
                new UserDetailsForm(
                    username,
                    "Ivan Petrov",
                    null,
                    EnumSet.of(Role.CASE_WORKER),
                    null,
                    ScopeLevel.NATIONAL,
                    null,
                    null,
                    "ru",
                    true),
                "Russian-secret-55"));
    WebSession session = new WebSession(port);
    assertThat(session.signIn(username, "Russian-secret-55")).isTrue();
    String welcome =
        messages.getMessage("home.welcome", new Object[] {"Ivan Petrov"}, Locale.of("ru"));
    assertThat(session.get("/").body()).contains(welcome).contains("lang=\"ru\"");
    assertThat(session.get("/?lang=en").body()).contains("Welcome, Ivan Petrov");
  }
}
