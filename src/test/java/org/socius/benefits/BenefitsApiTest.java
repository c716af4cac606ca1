package org.socius.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socius.programmes.Programme;
import org.socius.programmes.Programmes;
import org.socius.support.Api;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.socius.support.SampleHouseholds;
import org.socius.support.SampleHouseholds.Member;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Intake through the API: optional flags may be left out, and a retried intake is one. */
@IntegrationTest
class BenefitsApiTest {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired Programmes programmes;
  @Autowired SampleHouseholds households;

  @Test
  void anIntakeWithoutTheUrgentFlagIsNotUrgentAndARetryTakesItInOnce() {
    Api worker = new Api(port, fixtures.tokenFor("worker.harbour"));
    UUID applicant =
        households
            .create(
                "worker.harbour",
                "NV-N-01",
                "Ba" + Long.toString(System.nanoTime() % 1_000_000_000L, 36),
                List.of(new Member(LocalDate.of(1980, 8, 8), "120.00")))
            .headId();
    UUID minIncome =
        fixtures.as(
            "worker.harbour",
            () ->
                programmes.all().stream()
                    .filter(p -> p.code().equals("MIN-INCOME"))
                    .map(Programme::id)
                    .findFirst()
                    .orElseThrow());
    String body =
        "{\"programmeId\":\""
            + minIncome
            + "\",\"applicantId\":\""
            + applicant
            + "\",\"channel\":\"PERSON\"}";
    Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

    Api.Response first = worker.post("/api/v1/benefit-applications", body, key);
    Api.Response retry = worker.post("/api/v1/benefit-applications", body, key);

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().path("urgent").asBoolean()).isFalse();
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.header("location")).isEqualTo(first.header("location"));
    // A second intake without the key is a second application, refused while the first is open.
    Api.Response twin = worker.post("/api/v1/benefit-applications", body);
    assertThat(twin.status()).isEqualTo(409);
    assertThat(twin.json().path("code").asString()).isEqualTo("BEN-0209");
  }
}
