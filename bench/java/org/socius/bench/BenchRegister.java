package org.socius.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.socius.catalogue.Catalogue;
import org.socius.catalogue.ServiceType;
import org.socius.platform.security.CurrentScope;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A register of providers at scale for the benchmarks, and the upkeep a database in use gets. */
final class BenchRegister {

  private BenchRegister() {}

  /**
   * Providers with ten service points each, spread over the country, one registered service of a
   * catalogue type per point; answers the catalogue's service types.
   */
  static List<UUID> seed(ConfigurableApplicationContext context, int points) {
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
    Catalogue catalogue = context.getBean(Catalogue.class);
    List<UUID> types =
        catalogue.search(null, null, null, null, null, true).stream().map(ServiceType::id).toList();
    CurrentScope.asSystem(
        () ->
            transaction.executeWithoutResult(
                status -> {
                  jdbc.sql(
                          """
                          create temporary table bench_municipality as
                          select row_number() over () - 1 as n, id, region_id
                          from territory.unit where level = 'MUNICIPALITY'""")
                      .update();
                  jdbc.sql(
                          """
                          insert into providers.provider (id, region_id, legal_name, provider_type, status)
                          select gen_random_uuid(), m.region_id, 'Bench provider ' || g,
                            (array['NGO','COMPANY','STATE_INSTITUTION','RELIGIOUS_ORGANISATION'])[1 + g % 4],
                            'REGISTERED'
                          from generate_series(1, :providers) g
                          join bench_municipality m
                            on m.n = g % (select count(*) from bench_municipality)""")
                      .param("providers", points / 10)
                      .update();
                  jdbc.sql(
                          """
                          insert into providers.service_point (id, provider_id, region_id, municipality_id,
                            name, address, latitude, longitude, capacity)
                          select gen_random_uuid(), p.id, p.region_id,
                            (select id from bench_municipality where region_id = p.region_id limit 1),
                            'Point ' || s, s || ' Bench Street', 53 + random() * 2.5, 20 + random() * 3,
                            10 + (random() * 90)::int
                          from providers.provider p cross join generate_series(1, 10) s
                          where p.legal_name like 'Bench provider %'""")
                      .update();
                  jdbc.sql(
                          """
                          insert into providers.registered_service (id, provider_id, region_id,
                            municipality_id, service_type_id, service_point_id, capacity, registered_on,
                            earth, provider_type)
                          select gen_random_uuid(), sp.provider_id, sp.region_id, sp.municipality_id,
                            (:types::uuid[])[1 + (abs(hashtext(sp.id::text)) % :typeCount)], sp.id,
                            sp.capacity, current_date, ll_to_earth(sp.latitude, sp.longitude), p.provider_type
                          from providers.service_point sp join providers.provider p on p.id = sp.provider_id
                          where p.legal_name like 'Bench provider %'""")
                      .param(
                          "types",
                          "{" + String.join(",", types.stream().map(UUID::toString).toList()) + "}")
                      .param("typeCount", types.size())
                      .update();
                }));
    vacuum(context);
    return types;
  }

  /**
   * A database in steady state has been vacuumed and analysed (autovacuum does it in production):
   * the planner needs the statistics, and counting needs the visibility map. Only the owner role
   * may vacuum the tables.
   */
  static void vacuum(ConfigurableApplicationContext context) {
    String url = ((HikariDataSource) context.getBean(DataSource.class)).getJdbcUrl();
    try (Connection owner = DriverManager.getConnection(url, "socius_owner", "socius_owner");
        Statement statement = owner.createStatement()) {
      statement.execute("vacuum analyze");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot vacuum the benchmark database", e);
    }
  }
}
