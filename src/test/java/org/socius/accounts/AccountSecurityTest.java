package org.socius.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.Role;
import org.socius.support.Api;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.socius.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** What administrators may not do, and what protects an account once its password changes. */
@IntegrationTest
class AccountSecurityTest {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;

  private String userBody(String username, String role, String scope, UUID region) {
    return "{\"username\":\""
        + username
        + "\",\"displayName\":\"Someone\",\"roles\":[\""
        + role
        + "\"],\"scopeLevel\":\""
        + scope
        + "\""
        + (region == null ? "" : ",\"regionId\":\"" + region + "\"")
        + ",\"password\":\"Long-enough-secret-1\"}";
  }

  @Test
  void aRegionalAdministratorCannotGrantTheAuditorOrAdministratorRole() {
    Api southAdmin = new Api(port, fixtures.tokenFor("admin.south"));
    UUID south = fixtures.unit("NV-S").id();
    Api.Response auditor =
        southAdmin.post("/api/v1/users", userBody("south.aud", "AUDITOR", "REGION", south));
    assertThat(auditor.status()).isEqualTo(400);
    assertThat(auditor.json().path("errors").findValuesAsString("code")).contains("ACC-0113");
    Api.Response worker =
        southAdmin.post("/api/v1/users", userBody("south.wrk", "CASE_WORKER", "REGION", south));
    assertThat(worker.status()).isEqualTo(201);
  }

  @Test
  void anAdministratorCannotChangeTheirOwnRolesOrScope() {
    Api southAdmin = new Api(port, fixtures.tokenFor("admin.south"));
    UserAccount self = fixtures.user("admin.south");
    Api.Response current = southAdmin.get("/api/v1/users/" + self.id());
    Api.Response widened =
        southAdmin.put(
            "/api/v1/users/" + self.id(),
            "{\"displayName\":\"Sofia\",\"roles\":[\"ADMINISTRATOR\",\"MINISTRY_ANALYST\"],"
                + "\"scopeLevel\":\"REGION\",\"regionId\":\""
                + fixtures.unit("NV-S").id()
                + "\"}",
            Map.of("If-Match", current.header("etag")));
    assertThat(widened.status()).isEqualTo(400);
    assertThat(widened.json().path("errors").findValuesAsString("code")).contains("ACC-0110");
    assertThat(fixtures.user("admin.south").roles()).containsExactly(Role.ADMINISTRATOR);
  }

  @Test
  void aRegionalAdministratorCannotResetAnAuditorsPassword() {
    String username = "aud.s" + (System.nanoTime() % 100000);
    UserAccount auditor =
        CurrentScope.asSystem(
            () -> fixtures.createScopedUser(username, Role.AUDITOR, fixtures.unit("NV-S")));
    WebSession southAdmin = new WebSession(port);
    assertThat(southAdmin.signIn("admin.south", Fixtures.DEMO_PASSWORD)).isTrue();
    HttpResponse<String> reset =
        southAdmin.post(
            "/admin/users/" + auditor.id(),
            "/admin/users/" + auditor.id() + "/password",
            Map.of("password", "Taken-over-secret-9"));
    assertThat(reset.statusCode()).isEqualTo(403);
    assertThat(new WebSession(port).signIn(username, "Taken-over-secret-9")).isFalse();
  }

  @Test
  void aPasswordResetRevokesTheUsersTokensAndEndsTheirSessions() {
    String username = "reset." + (System.nanoTime() % 100000);
    UserAccount user =
        CurrentScope.asSystem(() -> fixtures.createUser(username, "Original-secret-7"));
    String token = fixtures.tokenFor(username);
    assertThat(new Api(port, token).get("/api/v1/me").status()).isEqualTo(200);
    WebSession session = new WebSession(port);
    assertThat(session.signIn(username, "Original-secret-7")).isTrue();

    WebSession admin = new WebSession(port);
    assertThat(admin.signIn("admin", Fixtures.DEMO_PASSWORD)).isTrue();
    HttpResponse<String> reset =
        admin.post(
            "/admin/users/" + user.id(),
            "/admin/users/" + user.id() + "/password",
            Map.of("password", "Fresh-secret-88"));
    assertThat(reset.statusCode()).isEqualTo(302);

    assertThat(new Api(port, token).get("/api/v1/me").status()).isEqualTo(401);
    assertThat(session.get("/").statusCode()).isEqualTo(302);
  }

  @Test
  void changingOnesPasswordEndsOneOtherSessionsButNotThisOne() {
    String username = "two." + (System.nanoTime() % 100000);
    CurrentScope.asSystem(() -> fixtures.createUser(username, "Laptop-secret-11"));
    WebSession laptop = new WebSession(port);
    WebSession phone = new WebSession(port);
    assertThat(laptop.signIn(username, "Laptop-secret-11")).isTrue();
    assertThat(phone.signIn(username, "Laptop-secret-11")).isTrue();

    HttpResponse<String> changed =
        laptop.post(
            "/account",
            "/account/password",
            Map.of(
                "currentPassword",
                "Laptop-secret-11",
                "newPassword",
                "Phone-lost-secret-12",
                "confirmation",
                "Phone-lost-secret-12"));
    assertThat(changed.statusCode()).isEqualTo(302);
    assertThat(laptop.get("/account").statusCode()).isEqualTo(200);
    assertThat(phone.get("/account").statusCode()).isEqualTo(302);
  }

  @Test
  void anExpiredLockIsForgottenAtTheNextFailure() {
    String username = "lock.exp" + (System.nanoTime() % 100000);
    CurrentScope.asSystem(() -> fixtures.createUser(username, "Expiring-secret-3"));
    for (int i = 0; i < 5; i++) {
      assertThat(new WebSession(port).signIn(username, "wrong-" + i)).isFalse();
    }
    assertThat(new WebSession(port).signIn(username, "Expiring-secret-3")).isFalse();
    // Fifteen minutes pass.
    CurrentScope.asSystem(
        () ->
            transaction.execute(
                s ->
                    jdbc.sql(
                            "update accounts.user_account set locked_until = now() - interval '1 minute' where username = :u")
                        .param("u", username)
                        .update()));
    assertThat(new WebSession(port).signIn(username, "wrong-again")).isFalse();
    assertThat(new WebSession(port).signIn(username, "Expiring-secret-3")).isTrue();
  }

  @Test
  void onlyNationalAuditorsCheckTheWholeChain() {
    String username = "aud.r" + (System.nanoTime() % 100000);
    CurrentScope.asSystem(
        () -> fixtures.createScopedUser(username, Role.AUDITOR, fixtures.unit("NV-N")));
    assertThat(
            new Api(port, fixtures.tokenFor(username)).get("/api/v1/audit/verification").status())
        .isEqualTo(403);
    assertThat(
            new Api(port, fixtures.tokenFor("auditor"))
                .get("/api/v1/audit/verification")
                .json()
                .path("breaks")
                .isEmpty())
        .isTrue();
  }

  @Test
  void anAbsurdDeadlineIsRefusedNotComputed() {
    Api officer = new Api(port, fixtures.tokenFor("officer.north"));
    String north = fixtures.unit("NV-N").id().toString();
    Api.Response response =
        officer.get(
            "/api/v1/regions/" + north + "/deadline?from=2026-01-05&workingDays=2147483647");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("errors").get(0).path("code").asString()).isEqualTo("TER-0307");
  }
}
