package org.socius.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.socius.cases.Case;
import org.socius.cases.Plan;
import org.socius.catalogue.Classification.NormPeriod;
import org.socius.catalogue.Classification.Unit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of individual plans: their versions and the services in each, with the choices. */
@Repository
public class PlanRecords {

  private final JdbcClient jdbc;

  PlanRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every version of a case's plan, the latest first, with its services in order. */
  public List<Plan> plans(UUID caseId) {
    Map<UUID, List<Plan.Service>> services = new LinkedHashMap<>();
    jdbc.sql(
            """
            select plan_id, id, position, service_type_id, service_name, standard_id, unit, units,
              period, norm_units, frequency, starts_on, ends_on, above_norm_reason,
              registered_service_id, provider_id, provider_name, service_point_name,
              service_point_address, reservation_id, chosen_at, chosen_by
            from cases.plan_service where case_id = :c order by position""")
        .param("c", caseId)
        .query(
            rs -> {
              services
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(service(rs));
            });
    return jdbc.sql(
            """
            select id, case_id, version_number, status, goals, reason, language, created_at,
              created_by, agreed_at, agreed_by, agreed_as, agreement_recorded_by, version,
              origin_name, origin_latitude, origin_longitude
            from cases.service_plan where case_id = :c order by version_number desc""")
        .param("c", caseId)
        .query(
            (rs, n) -> {
              UUID id = rs.getObject(1, UUID.class);
              return new Plan(
                  id,
                  rs.getObject(2, UUID.class),
                  rs.getInt(3),
                  Plan.Status.valueOf(rs.getString(4)),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(15) == null
                      ? null
                      : new Plan.Origin(rs.getString(15), rs.getDouble(16), rs.getDouble(17)),
                  rs.getObject(8, OffsetDateTime.class),
                  rs.getString(9),
                  rs.getObject(10, OffsetDateTime.class),
                  rs.getString(11),
                  rs.getString(12) == null ? null : Plan.AgreedAs.valueOf(rs.getString(12)),
                  rs.getString(13),
                  rs.getInt(14),
                  List.copyOf(services.getOrDefault(id, List.of())));
            })
        .list();
  }

  private static Plan.Service service(ResultSet rs) throws SQLException {
    UUID registered = rs.getObject(15, UUID.class);
    Plan.Choice choice =
        registered == null
            ? null
            : new Plan.Choice(
                registered,
                rs.getObject(16, UUID.class),
                rs.getString(17),
                rs.getString(18),
                rs.getString(19),
                rs.getObject(20, UUID.class),
                rs.getObject(21, OffsetDateTime.class),
                rs.getString(22));
    return new Plan.Service(
        rs.getObject(2, UUID.class),
        rs.getInt(3),
        rs.getObject(4, UUID.class),
        rs.getString(5),
        rs.getObject(6, UUID.class),
        Unit.valueOf(rs.getString(7)),
        rs.getBigDecimal(8),
        NormPeriod.valueOf(rs.getString(9)),
        rs.getBigDecimal(10),
        rs.getString(11),
        rs.getObject(12, LocalDate.class),
        rs.getObject(13, LocalDate.class),
        rs.getString(14),
        choice);
  }

  public void insert(Case c, Plan p) {
    jdbc.sql(
            """
            insert into cases.service_plan (id, case_id, region_id, municipality_id,
              version_number, status, goals, reason, language, origin_name, origin_latitude,
              origin_longitude, created_at, created_by)
            values (:id, :c, :region, :municipality, :number, 'DRAFT', :goals, :reason, :language,
              :origin, :lat, :lon, :at, :by)""")
        .param("id", p.id())
        .param("c", c.id())
        .param("region", c.regionId())
        .param("municipality", c.municipalityId())
        .param("number", p.versionNumber())
        .param("goals", p.goals())
        .param("reason", p.reason())
        .param("language", p.language())
        .param("origin", p.origin() == null ? null : p.origin().name())
        .param("lat", p.origin() == null ? null : p.origin().latitude())
        .param("lon", p.origin() == null ? null : p.origin().longitude())
        .param("at", p.createdAt())
        .param("by", p.createdBy())
        .update();
  }

  public void insertService(Case c, UUID planId, Plan.Service s) {
    Plan.Choice choice = s.choice();
    jdbc.sql(
            """
            insert into cases.plan_service (id, plan_id, case_id, region_id, municipality_id,
              position, service_type_id, service_name, standard_id, unit, units, period,
              norm_units, frequency, starts_on, ends_on, above_norm_reason, registered_service_id,
              provider_id, provider_name, service_point_name, service_point_address,
              reservation_id, chosen_at, chosen_by)
            values (:id, :plan, :c, :region, :municipality, :position, :type, :name, :standard,
              :unit, :units, :period, :norm, :frequency, :starts, :ends, :reason, :registered,
              :provider, :providerName, :point, :address, :reservation, :chosenAt, :chosenBy)""")
        .param("id", s.id())
        .param("plan", planId)
        .param("c", c.id())
        .param("region", c.regionId())
        .param("municipality", c.municipalityId())
        .param("position", s.position())
        .param("type", s.serviceTypeId())
        .param("name", s.serviceName())
        .param("standard", s.standardId())
        .param("unit", s.unit().name())
        .param("units", s.units())
        .param("period", s.period().name())
        .param("norm", s.normUnits())
        .param("frequency", s.frequency())
        .param("starts", s.startsOn())
        .param("ends", s.endsOn())
        .param("reason", s.aboveNormReason())
        .param("registered", choice == null ? null : choice.registeredServiceId())
        .param("provider", choice == null ? null : choice.providerId())
        .param("providerName", choice == null ? null : choice.providerName())
        .param("point", choice == null ? null : choice.servicePointName())
        .param("address", choice == null ? null : choice.servicePointAddress())
        .param("reservation", choice == null ? null : choice.reservationId())
        .param("chosenAt", choice == null ? null : choice.chosenAt())
        .param("chosenBy", choice == null ? null : choice.chosenBy())
        .update();
  }

  public void deleteService(UUID planId, UUID serviceId) {
    jdbc.sql("delete from cases.plan_service where plan_id = :plan and id = :id")
        .param("plan", planId)
        .param("id", serviceId)
        .update();
  }

  /** Records the client's choice of provider for a service, or clears it (null). */
  public void choose(UUID serviceId, Plan.Choice choice) {
    jdbc.sql(
            """
            update cases.plan_service set registered_service_id = :registered,
              provider_id = :provider, provider_name = :providerName, service_point_name = :point,
              service_point_address = :address, reservation_id = :reservation,
              chosen_at = :chosenAt, chosen_by = :chosenBy
            where id = :id""")
        .param("id", serviceId)
        .param("registered", choice == null ? null : choice.registeredServiceId())
        .param("provider", choice == null ? null : choice.providerId())
        .param("providerName", choice == null ? null : choice.providerName())
        .param("point", choice == null ? null : choice.servicePointName())
        .param("address", choice == null ? null : choice.servicePointAddress())
        .param("reservation", choice == null ? null : choice.reservationId())
        .param("chosenAt", choice == null ? null : choice.chosenAt())
        .param("chosenBy", choice == null ? null : choice.chosenBy())
        .update();
  }

  /** Raises a draft's version, as every change to it does; false if it was changed meanwhile. */
  public boolean touch(UUID planId, int expectedVersion) {
    return jdbc.sql(
                "update cases.service_plan set version = version + 1"
                    + " where id = :id and version = :v and status = 'DRAFT'")
            .param("id", planId)
            .param("v", expectedVersion)
            .update()
        == 1;
  }

  public boolean agree(
      UUID planId,
      int expectedVersion,
      OffsetDateTime at,
      String agreedBy,
      Plan.AgreedAs agreedAs,
      String recordedBy) {
    return jdbc.sql(
                """
                update cases.service_plan set status = 'AGREED', agreed_at = :at,
                  agreed_by = :by, agreed_as = :as, agreement_recorded_by = :recorder,
                  version = version + 1
                where id = :id and version = :v and status = 'DRAFT'""")
            .param("id", planId)
            .param("v", expectedVersion)
            .param("at", at)
            .param("by", agreedBy)
            .param("as", agreedAs.name())
            .param("recorder", recordedBy)
            .update()
        == 1;
  }

  public boolean hasAgreed(UUID caseId) {
    return jdbc.sql(
            "select exists (select 1 from cases.service_plan where case_id = :c"
                + " and status = 'AGREED')")
        .param("c", caseId)
        .query(Boolean.class)
        .single();
  }

  /** Marks the earlier agreed versions of a case's plan as replaced by a newly agreed one. */
  public void supersedeBefore(UUID caseId, int versionNumber) {
    jdbc.sql(
            "update cases.service_plan set status = 'SUPERSEDED', version = version + 1"
                + " where case_id = :c and status = 'AGREED' and version_number < :n")
        .param("c", caseId)
        .param("n", versionNumber)
        .update();
  }
}
