package org.socius.providers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.socius.providers.ProviderKinds.ProviderType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register in figures, for a region or the whole country: providers by type, the share of
 * non-state providers (and of nominal NGOs founded by the state), applications and their outcomes,
 * and how long decisions take.
 */
@Service
public class RegisterFigures {

  private final JdbcClient jdbc;

  RegisterFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Figures of one region, or of every region together when {@code regionId} is null. */
  public record Figures(
      Map<ProviderType, Long> providersByType,
      long providers,
      long services,
      BigDecimal nonStateSharePercent,
      long stateFoundedNgos,
      long applicationsReceived,
      long servicesAdmitted,
      long servicesRefused,
      BigDecimal medianDaysToDecision,
      long openApplications,
      long overdueApplications) {}

  /** A licence that runs out soon, for reminders. */
  public record ExpiringLicence(
      UUID providerId, String providerName, String kind, String number, LocalDate validTo) {}

  @Transactional(readOnly = true)
  public Figures of(UUID regionId) {
    Map<ProviderType, Long> byType = new LinkedHashMap<>();
    for (ProviderType type : ProviderType.values()) {
      byType.put(type, 0L);
    }
    jdbc.sql(
            "select provider_type, count(*) from providers.provider where status = 'REGISTERED'"
                + " and (cast(:region as uuid) is null or region_id = :region) group by provider_type")
        .param("region", regionId)
        .query(
            rs -> {
              byType.put(ProviderType.valueOf(rs.getString(1)), rs.getLong(2));
            });
    long providers = byType.values().stream().mapToLong(Long::longValue).sum();
    long nonState =
        byType.entrySet().stream()
            .filter(e -> !e.getKey().isState())
            .mapToLong(Map.Entry::getValue)
            .sum();
    long services =
        jdbc.sql(
                "select count(*) from providers.registered_service where status = 'ACTIVE'"
                    + " and (cast(:region as uuid) is null or region_id = :region)")
            .param("region", regionId)
            .query(Long.class)
            .single();
    long stateFoundedNgos =
        jdbc.sql(
                """
                select count(*) from providers.provider p
                where p.status = 'REGISTERED' and p.provider_type not in ('STATE_INSTITUTION', 'MUNICIPAL_BODY')
                  and (cast(:region as uuid) is null or p.region_id = :region)
                  and exists (select 1 from providers.founder f where f.provider_id = p.id)
                  and not exists (select 1 from providers.founder f where f.provider_id = p.id
                                  and f.founder_type not in ('MINISTRY', 'REGION', 'MUNICIPALITY'))""")
            .param("region", regionId)
            .query(Long.class)
            .single();
    Map<String, Object> applications =
        jdbc.sql(
                """
                select count(*) filter (where submitted_at is not null) as received,
                  count(*) filter (where status in ('SUBMITTED', 'INFORMATION_REQUESTED', 'APPEALED')) as open,
                  count(*) filter (where status in ('SUBMITTED', 'INFORMATION_REQUESTED', 'APPEALED')
                                   and due_on < current_date) as overdue,
                  percentile_cont(0.5) within group (order by
                    extract(epoch from decided_at - submitted_at) / 86400.0)
                    filter (where decided_at is not null) as median_days
                from providers.application
                where (cast(:region as uuid) is null or region_id = :region)""")
            .param("region", regionId)
            .query()
            .singleRow();
    Map<String, Object> decisions =
        jdbc.sql(
                """
                select count(*) filter (where decision = 'ADMITTED') as admitted,
                  count(*) filter (where decision = 'REFUSED') as refused
                from providers.application_service
                where (cast(:region as uuid) is null or region_id = :region)""")
            .param("region", regionId)
            .query()
            .singleRow();
    Object median = applications.get("median_days");
    return new Figures(
        byType,
        providers,
        services,
        providers == 0
            ? BigDecimal.ZERO
            : BigDecimal.valueOf(nonState * 100)
                .divide(BigDecimal.valueOf(providers), 1, RoundingMode.HALF_UP),
        stateFoundedNgos,
        ((Number) applications.get("received")).longValue(),
        ((Number) decisions.get("admitted")).longValue(),
        ((Number) decisions.get("refused")).longValue(),
        median == null
            ? null
            : BigDecimal.valueOf(((Number) median).doubleValue()).setScale(1, RoundingMode.HALF_UP),
        ((Number) applications.get("open")).longValue(),
        ((Number) applications.get("overdue")).longValue());
  }

  /** Licences of registered providers that expire within the given number of days. */
  @Transactional(readOnly = true)
  public List<ExpiringLicence> expiringLicences(UUID regionId, UUID providerId, int days) {
    return jdbc.sql(
            """
            select p.id, p.legal_name, l.kind, l.number, l.valid_to
            from providers.licence l join providers.provider p on p.id = l.provider_id
            where l.valid_to between current_date and current_date + :days
              and (cast(:region as uuid) is null or l.region_id = :region)
              and (cast(:provider as uuid) is null or l.provider_id = :provider)
            order by l.valid_to""")
        .param("days", days)
        .param("region", regionId)
        .param("provider", providerId)
        .query(
            (rs, n) ->
                new ExpiringLicence(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getObject(5, LocalDate.class)))
        .list();
  }
}
