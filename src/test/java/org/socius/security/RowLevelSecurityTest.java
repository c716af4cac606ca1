package org.socius.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.TerritorialScope;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PostgreSQL itself hides other territories' rows, even from code that skips the application's
 * checks and queries the tables directly.
 */
@IntegrationTest
class RowLevelSecurityTest {

  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired Fixtures fixtures;

  private List<UUID> usersVisibleWith(TerritorialScope scope, UUID userId) {
    return CurrentScope.within(
        scope,
        () ->
            transaction.execute(
                status ->
                    jdbc.sql("select id from accounts.user_account where id = :id")
                        .param("id", userId)
                        .query(UUID.class)
                        .list()));
  }

  @Test
  void aRegionalScopeDoesNotSeeAnotherRegionsUsersInTheDatabase() {
    UUID northWorker = fixtures.user("worker.harbour").id();
    UUID south = fixtures.unit("NV-S").id();
    UUID north = fixtures.unit("NV-N").id();

    assertThat(usersVisibleWith(TerritorialScope.region(south), northWorker)).isEmpty();
    assertThat(usersVisibleWith(TerritorialScope.region(north), northWorker))
        .containsExactly(northWorker);
    assertThat(usersVisibleWith(TerritorialScope.national(), northWorker))
        .containsExactly(northWorker);
  }

  @Test
  void aMunicipalScopeSeesOnlyItsMunicipality() {
    UUID harbourWorker = fixtures.user("worker.harbour").id();
    var pinewood = fixtures.unit("NV-N-02");
    var harbour = fixtures.unit("NV-N-01");
    assertThat(
            usersVisibleWith(
                TerritorialScope.municipality(pinewood.regionId(), pinewood.id()), harbourWorker))
        .isEmpty();
    assertThat(
            usersVisibleWith(
                TerritorialScope.municipality(harbour.regionId(), harbour.id()), harbourWorker))
        .containsExactly(harbourWorker);
  }

  @Test
  void withoutAnyScopeNothingTerritorialIsVisible() {
    UUID northWorker = fixtures.user("worker.harbour").id();
    assertThat(usersVisibleWith(TerritorialScope.none(), northWorker)).isEmpty();
    // Outside a transaction the scope is not set at all: the policies fail closed.
    assertThat(jdbc.sql("select count(*) from accounts.user_account").query(Long.class).single())
        .isZero();
  }

  @Test
  void aRegionalScopeCannotWriteIntoAnotherRegion() {
    UUID south = fixtures.unit("NV-S").id();
    UUID northWorker = fixtures.user("worker.harbour").id();
    int updated =
        CurrentScope.within(
            TerritorialScope.region(south),
            () ->
                transaction.execute(
                    status ->
                        jdbc.sql(
                                "update accounts.user_account set display_name = 'Hijacked' where id = :id")
                            .param("id", northWorker)
                            .update()));
    assertThat(updated).isZero();
    assertThat(fixtures.user("worker.harbour").displayName()).isNotEqualTo("Hijacked");

    UUID north = fixtures.unit("NV-N").id();
    assertThatThrownBy(
            () ->
                CurrentScope.within(
                    TerritorialScope.region(south),
                    () ->
                        transaction.execute(
                            status ->
                                jdbc.sql(
                                        "insert into territory.calendar_day (region_id, day, working)"
                                            + " values (:region, date '2030-01-05', true)")
                                    .param("region", north)
                                    .update())))
        .rootCause()
        .hasMessageContaining("row-level security");
  }
}
