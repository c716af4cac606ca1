package org.socius.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socius.platform.security.CurrentScope;
import org.socius.providers.internal.RegisterSearchIndex;
import org.socius.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The in-memory search agrees with PostgreSQL, and follows changes made behind its back. */
@IntegrationTest
class RegisterSearchIndexTest {

  @Autowired PublicRegister register;
  @Autowired RegisterSearchIndex index;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;

  private record Row(UUID id, double km) {}

  /** The same question asked of the database: every active service by distance from a point. */
  private List<Row> nearestInDatabase(double lat, double lon) {
    return CurrentScope.asSystem(
        () ->
            transaction.execute(
                s ->
                    jdbc.sql(
                            """
                            select r.id, earth_distance(ll_to_earth(:lat, :lon), r.earth) / 1000
                            from providers.registered_service r where r.status = 'ACTIVE'
                            order by 2, r.id""")
                        .param("lat", lat)
                        .param("lon", lon)
                        .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getDouble(2)))
                        .list()));
  }

  @Test
  void distancesAndOrderMatchThoseOfPostgresql() {
    Random random = new Random(7);
    for (int round = 0; round < 20; round++) {
      double lat = 53 + random.nextDouble() * 3;
      double lon = 19 + random.nextDouble() * 4;
      List<Row> expected = nearestInDatabase(lat, lon);
      var found =
          register.search(null, null, null, null, new PublicRegister.Near(lat, lon, null), 0, 200);
      assertThat(found.totalItems()).isEqualTo(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        assertThat(found.items().get(i).distanceKm()).isCloseTo(expected.get(i).km(), within(1e-6));
      }
      // Equal distances (services at one point) may come in any order; the sets per distance agree.
      assertThat(found.items().stream().map(PublicRegister.Entry::registeredServiceId))
          .containsExactlyInAnyOrderElementsOf(expected.stream().map(Row::id).toList());
      double radius = expected.get(expected.size() / 2).km() + 0.001;
      var bounded =
          register.search(
              null, null, null, null, new PublicRegister.Near(lat, lon, radius), 0, 200);
      assertThat(bounded.totalItems())
          .isEqualTo(expected.stream().filter(r -> r.km() <= radius).count());
    }
  }

  @Test
  void pagesFollowOneAnotherWithoutGapsOrRepeats() {
    var near = new PublicRegister.Near(54.7, 20.5, null);
    var all = register.search(null, null, null, null, near, 0, 200).items();
    var pages = new java.util.ArrayList<PublicRegister.Entry>();
    for (int page = 0; page * 3 < all.size(); page++) {
      pages.addAll(register.search(null, null, null, null, near, page, 3).items());
    }
    assertThat(pages).containsExactlyElementsOf(all);
  }

  @Test
  void aChangeMadeStraightInTheDatabaseShowsAfterTheNextCheck() {
    UUID someService =
        register.search(null, null, null, null, 0, 1).items().getFirst().registeredServiceId();
    long before = register.search(null, null, null, null, 0, 1).totalItems();
    try {
      // As another node would: no call into this node's code.
      setStatus(someService, "SUSPENDED");
      index.checkForChanges();
      assertThat(register.search(null, null, null, null, 0, 200).items())
          .extracting(PublicRegister.Entry::registeredServiceId)
          .doesNotContain(someService)
          .hasSize((int) before - 1);
    } finally {
      setStatus(someService, "ACTIVE");
      index.checkForChanges();
    }
    assertThat(register.search(null, null, null, null, 0, 1).totalItems()).isEqualTo(before);
  }

  private void setStatus(UUID id, String status) {
    CurrentScope.asSystem(
        () ->
            transaction.executeWithoutResult(
                s ->
                    jdbc.sql(
                            "update providers.registered_service set status = :s,"
                                + " version = version + 1 where id = :id")
                        .param("s", status)
                        .param("id", id)
                        .update()));
  }
}
