package org.socius.catalogue.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socius.catalogue.Tariff;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The regions' tariffs; validity is stored as a daterange with an inclusive upper day. */
@Repository
public class Tariffs {

  private static final String COLUMNS =
      "id, service_type_id, region_id, price, currency, lower(valid) as valid_from,"
          + " upper(valid) - 1 as valid_to, version";

  private final JdbcClient jdbc;

  Tariffs(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Tariff> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from catalogue.tariff where id = :id")
        .param("id", id)
        .query(Tariffs::map)
        .optional();
  }

  public List<Tariff> of(UUID serviceTypeId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from catalogue.tariff where service_type_id = :type"
                + " order by region_id, lower(valid) desc")
        .param("type", serviceTypeId)
        .query(Tariffs::map)
        .list();
  }

  public Optional<Tariff> validOn(UUID serviceTypeId, UUID regionId, LocalDate day) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from catalogue.tariff where service_type_id = :type"
                + " and region_id = :region and valid @> :day")
        .param("type", serviceTypeId)
        .param("region", regionId)
        .param("day", day)
        .query(Tariffs::map)
        .optional();
  }

  /** Tariffs of the same type and region whose validity meets the given span. */
  public List<Tariff> overlapping(
      UUID serviceTypeId, UUID regionId, LocalDate from, LocalDate to, UUID except) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from catalogue.tariff where service_type_id = :type"
                + " and region_id = :region and valid && daterange(:from, :to, '[]')"
                + " and (cast(:except as uuid) is null or id <> :except)")
        .param("type", serviceTypeId)
        .param("region", regionId)
        .param("from", from)
        .param("to", to)
        .param("except", except)
        .query(Tariffs::map)
        .list();
  }

  public void insert(Tariff t) {
    jdbc.sql(
            """
            insert into catalogue.tariff (id, service_type_id, region_id, price, currency, valid)
            values (:id, :type, :region, :price, :currency, daterange(:from, :to, '[]'))""")
        .param("id", t.id())
        .param("type", t.serviceTypeId())
        .param("region", t.regionId())
        .param("price", t.price())
        .param("currency", t.currency())
        .param("from", t.validFrom())
        .param("to", t.validTo())
        .update();
  }

  /** Sets the last valid day of a tariff if it still has the given version. */
  public boolean end(UUID id, int version, LocalDate lastDay) {
    return jdbc.sql(
                """
                update catalogue.tariff set valid = daterange(lower(valid), :to, '[]'),
                  version = version + 1
                where id = :id and version = :version""")
            .param("to", lastDay)
            .param("id", id)
            .param("version", version)
            .update()
        == 1;
  }

  private static Tariff map(ResultSet rs, int row) throws SQLException {
    return new Tariff(
        rs.getObject("id", UUID.class),
        rs.getObject("service_type_id", UUID.class),
        rs.getObject("region_id", UUID.class),
        rs.getBigDecimal("price"),
        rs.getString("currency"),
        rs.getObject("valid_from", LocalDate.class),
        rs.getObject("valid_to", LocalDate.class),
        rs.getInt("version"));
  }
}
