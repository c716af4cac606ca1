package org.socius.delivery.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socius.delivery.Claim;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of claims, their lines and the advances they offset. A month's claims are built in the
 * database from the confirmed delivery and the voucher redemptions not yet claimed, a statement per
 * provider and kind whatever the number of records. Months are counted in UTC.
 */
@Repository
public class ClaimRecords {

  private static final String COLUMNS =
      """
      id, reference, provider_id, provider_name, region_id, month, sequence, currency, status,
      line_count, gross, copayment, rejected, advance_offset, payable, built_at, built_by,
      approved_at, approved_by, paid_on, version""";

  /** An advance with what is left to offset. */
  public record OpenAdvance(UUID id, BigDecimal left) {}

  private final JdbcClient jdbc;

  ClaimRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Gathers what the month's claims of the region will hold (of one provider when one is named):
   * every confirmed delivery and voucher redemption not yet claimed, priced, into a table of this
   * transaction; answers how many items each provider has. One pass over the month, however many
   * providers and records.
   */
  public Map<UUID, Integer> gather(UUID regionId, YearMonth month, UUID providerId) {
    jdbc.sql(
            """
            create temporary table claim_item on commit drop as
            select d.provider_id, d.id as item_id, 'DELIVERY' as kind, d.region_id,
              d.municipality_id, d.agreement_ref, d.case_id as client_key, d.client_name,
              d.service_type_id, d.service_name, d.delivered_on,
              d.units, d.unit_price, round(d.units * d.unit_price, 2) as amount,
              round(round(d.units * d.unit_price, 2) * d.copayment_share, 2) as copayment
            from delivery.delivery_record d
            where d.region_id = :r and d.status = 'CONFIRMED'
              and d.delivered_on between :from and :to
              and (cast(:p as uuid) is null or d.provider_id = :p)
              and not exists (select 1 from delivery.claim_line l where l.item_id = d.id)
            union all
            -- A voucher is the contribution: the holder pays nothing more for what it covers.
            select x.provider_id, x.id, 'VOUCHER', x.region_id, x.municipality_id, v.code,
              v.person_id, v.holder_name, x.service_type_id, x.service_name,
              cast(x.redeemed_at as date), x.used, x.unit_price,
              round(x.used * x.unit_price, 2), 0
            from delivery.redemption x join delivery.voucher v on v.id = x.voucher_id
            where x.region_id = :r and x.redeemed_at >= :start and x.redeemed_at < :end
              and (cast(:p as uuid) is null or x.provider_id = :p)
              and not exists (select 1 from delivery.claim_line l where l.item_id = x.id)""")
        .param("r", regionId)
        .param("from", month.atDay(1))
        .param("to", month.atEndOfMonth())
        .param("start", month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC))
        .param("end", month.plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC))
        .param("p", providerId)
        .update();
    Map<UUID, Integer> counts = new LinkedHashMap<>();
    jdbc.sql("select provider_id, count(*) from claim_item group by provider_id order by 1")
        .query(
            rs -> {
              counts.put(rs.getObject(1, UUID.class), rs.getInt(2));
            });
    return counts;
  }

  public String nextReference(YearMonth month) {
    long n = jdbc.sql("select nextval('delivery.claim_number')").query(Long.class).single();
    return "CL-%d%02d-%06d".formatted(month.getYear(), month.getMonthValue(), n);
  }

  public int nextSequence(UUID providerId, UUID regionId, YearMonth month) {
    return jdbc.sql(
            """
            select coalesce(max(sequence), 0) + 1 from delivery.claim
            where provider_id = :p and region_id = :r and month = :m""")
        .param("p", providerId)
        .param("r", regionId)
        .param("m", month.atDay(1))
        .query(Integer.class)
        .single();
  }

  /** A new claim, empty until {@link #fill} gives it its lines. */
  public void insert(
      UUID id,
      String reference,
      UUID providerId,
      String providerName,
      UUID regionId,
      YearMonth month,
      int sequence,
      String currency,
      OffsetDateTime at,
      String by) {
    jdbc.sql(
            """
            insert into delivery.claim (id, reference, provider_id, provider_name, region_id,
              month, sequence, currency, status, built_at, built_by)
            values (:id, :ref, :p, :name, :r, :m, :seq, :cur, 'SUBMITTED', :at, :by)""")
        .param("id", id)
        .param("ref", reference)
        .param("p", providerId)
        .param("name", providerName)
        .param("r", regionId)
        .param("m", month.atDay(1))
        .param("seq", sequence)
        .param("cur", currency)
        .param("at", at)
        .param("by", by)
        .update();
  }

  /**
   * Moves the gathered items into the new claims, each provider's into its own, and totals them:
   * two statements for all the claims.
   */
  public void fill(Map<UUID, UUID> claimByProvider) {
    String providers =
        "{"
            + String.join(",", claimByProvider.keySet().stream().map(UUID::toString).toList())
            + "}";
    String claims =
        "{"
            + String.join(",", claimByProvider.values().stream().map(UUID::toString).toList())
            + "}";
    jdbc.sql(
            """
            insert into delivery.claim_line (claim_id, item_id, kind, region_id, municipality_id,
              agreement_ref, client_key, client_name, service_type_id, service_name, delivered_on,
              units, unit_price, amount, copayment)
            select m.claim_id, i.item_id, i.kind, i.region_id, i.municipality_id, i.agreement_ref,
              i.client_key, i.client_name, i.service_type_id, i.service_name, i.delivered_on,
              i.units, i.unit_price, i.amount, i.copayment
            from claim_item i
            join unnest(cast(:providers as uuid[]), cast(:claims as uuid[])) m(provider_id, claim_id)
              on m.provider_id = i.provider_id""")
        .param("providers", providers)
        .param("claims", claims)
        .update();
    jdbc.sql(
            """
            update delivery.claim c set
              line_count = t.lines, gross = t.gross, copayment = t.copayment, rejected = 0,
              payable = t.gross - t.copayment - c.advance_offset
            from (select m.claim_id, count(*) as lines, sum(i.amount) as gross,
                         sum(i.copayment) as copayment
                  from claim_item i
                  join unnest(cast(:providers as uuid[]), cast(:claims as uuid[]))
                    m(provider_id, claim_id) on m.provider_id = i.provider_id
                  group by m.claim_id) t
            where c.id = t.claim_id""")
        .param("providers", providers)
        .param("claims", claims)
        .update();
  }

  /** The claim's totals from its lines; what is payable after rejections and offsets. */
  public void retotal(UUID claimId) {
    jdbc.sql(
            """
            update delivery.claim c set
              line_count = t.lines, gross = t.gross, copayment = t.copayment,
              rejected = t.rejected, payable = t.gross - t.copayment - t.rejected - c.advance_offset
            from (select count(*) as lines, coalesce(sum(amount), 0) as gross,
                         coalesce(sum(copayment), 0) as copayment,
                         coalesce(sum(amount - copayment)
                                  filter (where rejected_reason is not null), 0) as rejected
                  from delivery.claim_line where claim_id = :id) t
            where c.id = :id""")
        .param("id", claimId)
        .update();
  }

  public Optional<Claim> find(UUID id) {
    return list("id = :id", "", Map.of("id", id)).stream().findFirst();
  }

  public List<Claim> ofRegion(UUID regionId, YearMonth month) {
    return list(
        "region_id = :r and month = :m",
        "order by provider_name, sequence",
        Map.of("r", regionId, "m", month.atDay(1)));
  }

  public List<Claim> ofProvider(UUID providerId) {
    return list("provider_id = :p", "order by month desc, sequence desc", Map.of("p", providerId));
  }

  public List<Claim> approvedUnpaid(UUID regionId) {
    return list(
        """
        region_id = :r and status = 'APPROVED' and payable > 0
          and not exists (select 1 from delivery.payment_order o where o.claim_id = claim.id)""",
        "order by provider_name, month",
        Map.of("r", regionId));
  }

  public List<Claim.Line> lines(UUID claimId) {
    return jdbc.sql(
            """
            select item_id, kind, agreement_ref, client_name, service_type_id, service_name,
              delivered_on, units, unit_price, amount, copayment, rejected_reason, rejected_by
            from delivery.claim_line where claim_id = :id
            order by client_name, agreement_ref, delivered_on""")
        .param("id", claimId)
        .query(
            (rs, n) ->
                new Claim.Line(
                    rs.getObject(1, UUID.class),
                    Claim.Line.Kind.valueOf(rs.getString(2)),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getObject(5, UUID.class),
                    rs.getString(6),
                    rs.getObject(7, LocalDate.class),
                    rs.getBigDecimal(8),
                    rs.getBigDecimal(9),
                    rs.getBigDecimal(10),
                    rs.getBigDecimal(11),
                    rs.getString(12),
                    rs.getString(13)))
        .list();
  }

  /** Rejects a line of a claim still under review; false if there is no such line. */
  public boolean rejectLine(UUID claimId, UUID itemId, String reason, String by) {
    return jdbc.sql(
                """
                update delivery.claim_line set rejected_reason = :reason, rejected_by = :by
                where claim_id = :c and item_id = :d""")
            .param("reason", reason)
            .param("by", by)
            .param("c", claimId)
            .param("d", itemId)
            .update()
        == 1;
  }

  /** Moves a claim on, if it is still at the version and status the caller saw. */
  public boolean touch(UUID id, int expectedVersion, Claim.Status from) {
    return jdbc.sql(
                """
                update delivery.claim set version = version + 1
                where id = :id and version = :v and status = :from""")
            .param("id", id)
            .param("v", expectedVersion)
            .param("from", from.name())
            .update()
        == 1;
  }

  public List<OpenAdvance> openAdvances(UUID providerId, UUID regionId) {
    return jdbc.sql(
            """
            select id, amount - offset_amount from delivery.advance
            where provider_id = :p and region_id = :r and offset_amount < amount
            order by paid_on, recorded_at for update""")
        .param("p", providerId)
        .param("r", regionId)
        .query((rs, n) -> new OpenAdvance(rs.getObject(1, UUID.class), rs.getBigDecimal(2)))
        .list();
  }

  public void offset(UUID claimId, UUID regionId, UUID advanceId, BigDecimal amount) {
    jdbc.sql(
            """
            insert into delivery.claim_offset (claim_id, advance_id, region_id, amount)
            values (:c, :a, :r, :amount)""")
        .param("c", claimId)
        .param("a", advanceId)
        .param("r", regionId)
        .param("amount", amount)
        .update();
    jdbc.sql("update delivery.advance set offset_amount = offset_amount + :amount where id = :a")
        .param("amount", amount)
        .param("a", advanceId)
        .update();
  }

  public void approve(UUID id, BigDecimal offset, OffsetDateTime at, String by, boolean paid) {
    jdbc.sql(
            """
            update delivery.claim set advance_offset = :offset,
              payable = gross - copayment - rejected - :offset,
              status = :status, approved_at = :at, approved_by = :by,
              paid_on = case when :paid then cast(:at as date) end
            where id = :id""")
        .param("offset", offset)
        .param("status", paid ? "PAID" : "APPROVED")
        .param("at", at)
        .param("by", by)
        .param("paid", paid)
        .param("id", id)
        .update();
  }

  public void recordAdvance(
      UUID id,
      UUID providerId,
      UUID regionId,
      String contract,
      LocalDate paidOn,
      BigDecimal amount,
      OffsetDateTime at,
      String by) {
    jdbc.sql(
            """
            insert into delivery.advance (id, provider_id, region_id, contract_ref, paid_on,
              amount, recorded_at, recorded_by)
            values (:id, :p, :r, :contract, :paid, :amount, :at, :by)""")
        .param("id", id)
        .param("p", providerId)
        .param("r", regionId)
        .param("contract", contract)
        .param("paid", paidOn)
        .param("amount", amount)
        .param("at", at)
        .param("by", by)
        .update();
  }

  public void markPaid(UUID claimId, LocalDate on) {
    jdbc.sql("update delivery.claim set status = 'PAID', paid_on = :on where id = :id")
        .param("on", on)
        .param("id", claimId)
        .update();
  }

  private List<Claim> list(String where, String order, Map<String, Object> params) {
    return jdbc.sql("select " + COLUMNS + " from delivery.claim where " + where + " " + order)
        .params(params)
        .query((rs, n) -> claim(rs))
        .list();
  }

  private static Claim claim(ResultSet rs) throws SQLException {
    return new Claim(
        rs.getObject("id", UUID.class),
        rs.getString("reference"),
        rs.getObject("provider_id", UUID.class),
        rs.getString("provider_name"),
        rs.getObject("region_id", UUID.class),
        YearMonth.from(rs.getObject("month", LocalDate.class)),
        rs.getInt("sequence"),
        rs.getString("currency"),
        Claim.Status.valueOf(rs.getString("status")),
        rs.getInt("line_count"),
        rs.getBigDecimal("gross"),
        rs.getBigDecimal("copayment"),
        rs.getBigDecimal("rejected"),
        rs.getBigDecimal("advance_offset"),
        rs.getBigDecimal("payable"),
        rs.getObject("built_at", OffsetDateTime.class),
        rs.getString("built_by"),
        rs.getObject("approved_at", OffsetDateTime.class),
        rs.getString("approved_by"),
        rs.getObject("paid_on", LocalDate.class),
        rs.getInt("version"));
  }
}
