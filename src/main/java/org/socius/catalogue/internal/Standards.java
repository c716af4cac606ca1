package org.socius.catalogue.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socius.catalogue.Classification.NormPeriod;
import org.socius.catalogue.Classification.Unit;
import org.socius.catalogue.Standard;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The versions of the standards. */
@Repository
public class Standards {

  private static final String COLUMNS =
      "id, service_type_id, version_number, effective_from, content, unit, max_units, norm_period,"
          + " frequency, duration_minutes, staff_qualifications, quality_criteria,"
          + " reference_unit_cost, currency";

  private final JdbcClient jdbc;

  Standards(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Standard> versions(UUID serviceTypeId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from catalogue.standard where service_type_id = :type"
                + " order by version_number desc")
        .param("type", serviceTypeId)
        .query(Standards::map)
        .list();
  }

  public Optional<Standard> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from catalogue.standard where id = :id")
        .param("id", id)
        .query(Standards::map)
        .optional();
  }

  /** The version in force on a day: the latest that took effect on or before it. */
  public Optional<Standard> inForceOn(UUID serviceTypeId, LocalDate day) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from catalogue.standard where service_type_id = :type"
                + " and effective_from <= :day order by effective_from desc limit 1")
        .param("type", serviceTypeId)
        .param("day", day)
        .query(Standards::map)
        .optional();
  }

  public void insert(Standard s) {
    jdbc.sql(
            """
            insert into catalogue.standard (id, service_type_id, version_number, effective_from,
              content, unit, max_units, norm_period, frequency, duration_minutes,
              staff_qualifications, quality_criteria, reference_unit_cost, currency)
            values (:id, :type, :number, :from, :content, :unit, :maxUnits, :period, :frequency,
              :duration, :staff, :quality, :cost, :currency)""")
        .param("id", s.id())
        .param("type", s.serviceTypeId())
        .param("number", s.versionNumber())
        .param("from", s.effectiveFrom())
        .param("content", s.content())
        .param("unit", s.unit().name())
        .param("maxUnits", s.maxUnits())
        .param("period", s.normPeriod().name())
        .param("frequency", s.frequency())
        .param("duration", s.durationMinutes())
        .param("staff", s.staffQualifications())
        .param("quality", s.qualityCriteria())
        .param("cost", s.referenceUnitCost())
        .param("currency", s.currency())
        .update();
  }

  private static Standard map(ResultSet rs, int row) throws SQLException {
    return new Standard(
        rs.getObject("id", UUID.class),
        rs.getObject("service_type_id", UUID.class),
        rs.getInt("version_number"),
        rs.getObject("effective_from", LocalDate.class),
        rs.getString("content"),
        Unit.valueOf(rs.getString("unit")),
        rs.getBigDecimal("max_units"),
        NormPeriod.valueOf(rs.getString("norm_period")),
        rs.getString("frequency"),
        rs.getObject("duration_minutes", Integer.class),
        rs.getString("staff_qualifications"),
        rs.getString("quality_criteria"),
        rs.getBigDecimal("reference_unit_cost"),
        rs.getString("currency"));
  }
}
