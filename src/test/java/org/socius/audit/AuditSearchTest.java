package org.socius.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.Role;
import org.socius.support.Api;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.socius.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class AuditSearchTest {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;

  @Test
  void anAuditorFiltersTheLogByRecordTypeAndAction() {
    Api auditor = new Api(port, fixtures.tokenFor("auditor"));
    JsonNode page =
        auditor.get("/api/v1/audit/entries?entityType=territory&action=create&size=100").json();
    assertThat(page.path("totalItems").asInt()).isGreaterThanOrEqualTo(12);
    for (JsonNode entry : page.path("items")) {
      assertThat(entry.path("entityType").asString()).isEqualTo("territory");
      assertThat(entry.path("action").asString()).isEqualTo("create");
      assertThat(entry.path("hash").asString()).hasSize(64);
    }
  }

  @Test
  void aRegionalScopeSeesOnlyItsRegionsEntries() {
    String south = fixtures.unit("NV-S").id().toString();
    String username = "auditor.s" + System.nanoTime() % 100000;
    CurrentScope.asSystem(
        () -> fixtures.createScopedUser(username, Role.AUDITOR, fixtures.unit("NV-S")));
    Api southAuditor = new Api(port, fixtures.tokenFor(username));
    JsonNode page = southAuditor.get("/api/v1/audit/entries?entityType=territory&size=200").json();
    assertThat(page.path("totalItems").asInt()).isPositive();
    for (JsonNode entry : page.path("items")) {
      assertThat(entry.path("regionId").asString()).isEqualTo(south);
    }
  }

  @Test
  void aBadDateIsRefused() {
    Api auditor = new Api(port, fixtures.tokenFor("auditor"));
    assertThat(auditor.get("/api/v1/audit/entries?from=yesterday").status()).isEqualTo(400);
  }

  @Test
  void theExportIsCsvWithOneLinePerEntry() {
    WebSession session = new WebSession(port);
    assertThat(session.signIn("auditor", Fixtures.DEMO_PASSWORD)).isTrue();
    HttpResponse<String> csv = session.get("/audit/export.csv?entityType=calendar");
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines[0]).startsWith("seq,occurred_at,actor_id,actor,action,entity_type");
    assertThat(lines).hasSizeGreaterThan(10);
    assertThat(java.util.Arrays.stream(lines).skip(1)).allMatch(l -> l.contains(",calendar,"));
  }
}
