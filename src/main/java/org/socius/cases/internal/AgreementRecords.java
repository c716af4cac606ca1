package org.socius.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socius.cases.Agreement;
import org.socius.cases.Case;
import org.socius.cases.Contribution;
import org.socius.cases.ProviderNotice;
import org.socius.catalogue.Classification.NormPeriod;
import org.socius.catalogue.Classification.Unit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of agreements between clients and providers. Row-level security shows an agreement to
 * those who may see its case and to the staff of its provider.
 */
@Repository
public class AgreementRecords {

  private static final String COLUMNS =
      """
      id, reference, case_id, region_id, municipality_id, plan_id, provider_id, provider_name, client_name,
      client_birth_date, client_address, language, starts_on, ends_on, currency, monthly_cost,
      monthly_copayment, contribution, status, drawn_at, drawn_by, answered_at, answered_by,
      decline_reason, ended_on, end_reason, version""";

  private static final String WITHOUT_CONTRIBUTION =
      COLUMNS.replace(", contribution,", ", null as contribution,");

  private final JdbcClient jdbc;
  private final JsonMapper json;

  AgreementRecords(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public String nextReference(int year) {
    long n = jdbc.sql("select nextval('cases.agreement_number')").query(Long.class).single();
    return "A-%d-%06d".formatted(year, n);
  }

  public void insert(Case c, Agreement a) {
    jdbc.sql(
            """
            insert into cases.agreement (id, reference, case_id, region_id, municipality_id,
              plan_id, provider_id, provider_name, client_name, client_birth_date, client_address,
              language, starts_on, ends_on, currency, monthly_cost, monthly_copayment,
              contribution, status, drawn_at, drawn_by)
            values (:id, :reference, :c, :region, :municipality, :plan, :provider, :providerName,
              :client, :birth, :address, :language, :starts, :ends, :currency, :cost, :copayment,
              cast(:contribution as jsonb), 'PROPOSED', :at, :by)""")
        .param("id", a.id())
        .param("reference", a.reference())
        .param("c", c.id())
        .param("region", c.regionId())
        .param("municipality", c.municipalityId())
        .param("plan", a.planId())
        .param("provider", a.providerId())
        .param("providerName", a.providerName())
        .param("client", a.clientName())
        .param("birth", a.clientBirthDate())
        .param("address", a.clientAddress())
        .param("language", a.language())
        .param("starts", a.startsOn())
        .param("ends", a.endsOn())
        .param("currency", a.currency())
        .param("cost", a.monthlyCost())
        .param("copayment", a.monthlyCopayment())
        .param("contribution", json.writeValueAsString(a.contribution()))
        .param("at", a.drawnAt())
        .param("by", a.drawnBy())
        .update();
    for (Agreement.Line l : a.services()) {
      jdbc.sql(
              """
              insert into cases.agreement_service (agreement_id, plan_service_id, case_id,
                region_id, municipality_id, provider_id, position, service_type_id, service_name,
                unit, units, period, frequency, service_point_name, starts_on, ends_on, tariff_id,
                unit_price, monthly_cost, monthly_copayment)
              values (:a, :line, :c, :region, :municipality, :provider, :position, :type, :name,
                :unit, :units, :period, :frequency, :point, :starts, :ends, :tariff, :price,
                :cost, :copayment)""")
          .param("a", a.id())
          .param("line", l.planServiceId())
          .param("c", c.id())
          .param("region", c.regionId())
          .param("municipality", c.municipalityId())
          .param("provider", a.providerId())
          .param("position", l.position())
          .param("type", l.serviceTypeId())
          .param("name", l.serviceName())
          .param("unit", l.unit().name())
          .param("units", l.units())
          .param("period", l.period().name())
          .param("frequency", l.frequency())
          .param("point", l.servicePointName())
          .param("starts", l.startsOn())
          .param("ends", l.endsOn())
          .param("tariff", l.tariffId())
          .param("price", l.unitPrice())
          .param("cost", l.monthlyCost())
          .param("copayment", l.monthlyCopayment())
          .update();
    }
  }

  public Optional<Agreement> find(UUID id) {
    return list("id = :id", "", Map.of("id", id)).stream().findFirst();
  }

  /**
   * The agreements with these references, without how their contributions were found (null):
   * checking delivery against thousands of agreements at once has no use for it.
   */
  public List<Agreement> byReferences(Collection<String> references) {
    if (references.isEmpty()) {
      return List.of();
    }
    return list(
        WITHOUT_CONTRIBUTION,
        // One array, not a parameter per reference: a set names thousands.
        "reference = any(cast(:refs as text[]))",
        "",
        Map.of("refs", references.toArray(new String[0])));
  }

  public List<Agreement> acceptedIn(UUID regionId) {
    return list(
        WITHOUT_CONTRIBUTION, "region_id = :r and status = 'ACCEPTED'", "", Map.of("r", regionId));
  }

  public List<Agreement> ofCase(UUID caseId) {
    return list("case_id = :c", "order by drawn_at desc, provider_name", Map.of("c", caseId));
  }

  public List<Agreement> ofProvider(UUID providerId) {
    return list(
        "provider_id = :p",
        "order by status = 'PROPOSED' desc, drawn_at desc",
        Map.of("p", providerId));
  }

  public boolean anyOfPlan(UUID planId) {
    return jdbc.sql("select exists (select 1 from cases.agreement where plan_id = :p)")
        .param("p", planId)
        .query(Boolean.class)
        .single();
  }

  /** Records the provider's answer to a proposed agreement; false if it was answered meanwhile. */
  public boolean answer(
      UUID id,
      int expectedVersion,
      Agreement.Status status,
      OffsetDateTime at,
      String by,
      String declineReason) {
    return jdbc.sql(
                """
                update cases.agreement set status = :status, answered_at = :at, answered_by = :by,
                  decline_reason = :reason, version = version + 1
                where id = :id and version = :v and status = 'PROPOSED'""")
            .param("id", id)
            .param("v", expectedVersion)
            .param("status", status.name())
            .param("at", at)
            .param("by", by)
            .param("reason", declineReason)
            .update()
        == 1;
  }

  /**
   * Ends a case's agreements still in force from other plan versions than the one given, and
   * answers those it ended.
   */
  public List<UUID> endOthers(UUID caseId, UUID planId, LocalDate on, Agreement.EndReason reason) {
    return jdbc.sql(
            """
            update cases.agreement set status = 'ENDED', ended_on = :on, end_reason = :reason,
              version = version + 1
            where case_id = :c and plan_id <> :p and status in ('PROPOSED', 'ACCEPTED')
            returning id""")
        .param("c", caseId)
        .param("p", planId)
        .param("on", on)
        .param("reason", reason.name())
        .query(UUID.class)
        .list();
  }

  /** Ends every agreement of a case still in force, and answers them as they were before. */
  public List<Agreement> endAll(UUID caseId, LocalDate on, Agreement.EndReason reason) {
    List<Agreement> inForce =
        list("case_id = :c and status in ('PROPOSED', 'ACCEPTED')", "", Map.of("c", caseId));
    jdbc.sql(
            """
            update cases.agreement set status = 'ENDED', ended_on = :on, end_reason = :reason,
              version = version + 1
            where case_id = :c and status in ('PROPOSED', 'ACCEPTED')""")
        .param("c", caseId)
        .param("on", on)
        .param("reason", reason.name())
        .update();
    return inForce;
  }

  /**
   * Carries an agreement over to a new version of its plan whose services for this provider are the
   * same: it stays in force, answered or not, and names the new version's services.
   */
  public void carryOver(UUID agreementId, UUID planId, Map<UUID, UUID> newLineByOld) {
    jdbc.sql("update cases.agreement set plan_id = :p where id = :id")
        .param("p", planId)
        .param("id", agreementId)
        .update();
    for (Map.Entry<UUID, UUID> e : newLineByOld.entrySet()) {
      jdbc.sql(
              """
              update cases.agreement_service set plan_service_id = :new
              where agreement_id = :a and plan_service_id = :old""")
          .param("a", agreementId)
          .param("old", e.getKey())
          .param("new", e.getValue())
          .update();
    }
  }

  public void insertNotice(Case c, ProviderNotice n) {
    jdbc.sql(
            """
            insert into cases.provider_notice (id, provider_id, case_id, region_id,
              municipality_id, agreement_id, kind, service_name, client_name, created_at)
            values (:id, :provider, :c, :region, :municipality, :agreement, :kind, :service,
              :client, :at)""")
        .param("id", n.id())
        .param("provider", n.providerId())
        .param("c", c.id())
        .param("region", c.regionId())
        .param("municipality", c.municipalityId())
        .param("agreement", n.agreementId())
        .param("kind", n.kind().name())
        .param("service", n.serviceName())
        .param("client", n.clientName())
        .param("at", n.createdAt())
        .update();
  }

  /** A provider's notices of the last days, the latest first. */
  public List<ProviderNotice> notices(UUID providerId, OffsetDateTime since) {
    return jdbc.sql(
            """
            select id, provider_id, case_id, agreement_id, kind, service_name, client_name,
              created_at, seen_at
            from cases.provider_notice
            where provider_id = :p and created_at >= :since
            order by created_at desc, id""")
        .param("p", providerId)
        .param("since", since)
        .query(
            (rs, n) ->
                new ProviderNotice(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getObject(3, UUID.class),
                    rs.getObject(4, UUID.class),
                    ProviderNotice.Kind.valueOf(rs.getString(5)),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getObject(8, OffsetDateTime.class),
                    rs.getObject(9, OffsetDateTime.class)))
        .list();
  }

  /** Marks a provider's unseen notices seen; answers how many. */
  public int markNoticesSeen(UUID providerId, OffsetDateTime at, String by) {
    return jdbc.sql(
            """
            update cases.provider_notice set seen_at = :at, seen_by = :by
            where provider_id = :p and seen_at is null""")
        .param("p", providerId)
        .param("at", at)
        .param("by", by)
        .update();
  }

  /**
   * Agreements matching a condition with their services: the services first, by the same condition,
   * so that each agreement is built once, whole.
   */
  private List<Agreement> list(String where, String order, Map<String, Object> params) {
    return list(COLUMNS, where, order, params);
  }

  private List<Agreement> list(
      String columns, String where, String order, Map<String, Object> params) {
    Map<UUID, List<Agreement.Line>> lines = new HashMap<>();
    jdbc.sql(
            """
            select agreement_id, plan_service_id, position, service_type_id, service_name, unit,
              units, period, frequency, service_point_name, starts_on, ends_on, tariff_id,
              unit_price, monthly_cost, monthly_copayment
            from cases.agreement_service
            where agreement_id in (select id from cases.agreement where %s)
            order by position"""
                .formatted(where))
        .params(params)
        .query(
            rs -> {
              lines
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(
                      new Agreement.Line(
                          rs.getObject(2, UUID.class),
                          rs.getInt(3),
                          rs.getObject(4, UUID.class),
                          rs.getString(5),
                          Unit.valueOf(rs.getString(6)),
                          rs.getBigDecimal(7),
                          NormPeriod.valueOf(rs.getString(8)),
                          rs.getString(9),
                          rs.getString(10),
                          rs.getObject(11, LocalDate.class),
                          rs.getObject(12, LocalDate.class),
                          rs.getObject(13, UUID.class),
                          rs.getBigDecimal(14),
                          rs.getBigDecimal(15),
                          rs.getBigDecimal(16)));
            });
    return jdbc.sql("select " + columns + " from cases.agreement where " + where + " " + order)
        .params(params)
        .query((rs, n) -> agreement(rs, lines))
        .list();
  }

  private Agreement agreement(ResultSet rs, Map<UUID, List<Agreement.Line>> lines)
      throws SQLException {
    UUID id = rs.getObject(1, UUID.class);
    return new Agreement(
        id,
        rs.getString(2),
        rs.getObject(3, UUID.class),
        rs.getObject(4, UUID.class),
        rs.getObject(5, UUID.class),
        rs.getObject(6, UUID.class),
        rs.getObject(7, UUID.class),
        rs.getString(8),
        rs.getString(9),
        rs.getObject(10, LocalDate.class),
        rs.getString(11),
        rs.getString(12),
        rs.getObject(13, LocalDate.class),
        rs.getObject(14, LocalDate.class),
        rs.getString(15),
        rs.getBigDecimal(16),
        rs.getBigDecimal(17),
        rs.getString(18) == null ? null : json.readValue(rs.getString(18), Contribution.class),
        Agreement.Status.valueOf(rs.getString(19)),
        rs.getObject(20, OffsetDateTime.class),
        rs.getString(21),
        rs.getObject(22, OffsetDateTime.class),
        rs.getString(23),
        rs.getString(24),
        rs.getObject(25, LocalDate.class),
        rs.getString(26) == null ? null : Agreement.EndReason.valueOf(rs.getString(26)),
        rs.getInt(27),
        List.copyOf(lines.getOrDefault(id, List.of())));
  }
}
