package org.socius.delivery.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.socius.catalogue.Classification.Unit;
import org.socius.delivery.DeliveryRecord;
import org.socius.delivery.DeliveryRecord.AnsweredAs;
import org.socius.delivery.DeliveryRecord.Status;
import org.socius.delivery.internal.DeliveryChecks.Visit;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of delivery records and their batches. Row-level security shows a record to its
 * provider's staff, to those who may see its case, and to the client of the case.
 */
@Repository
public class DeliveryRecords {

  private static final String COLUMNS =
      """
      id, batch_id, provider_id, agreement_id, agreement_ref, plan_service_id, case_id, region_id,
      municipality_id, client_name, service_type_id, service_name, unit, delivered_on, starts_at,
      ends_at, units, unit_price, copayment_share, staff_member, place, above_plan_reason, status,
      recorded_at, recorded_by, answered_at, answered_by, answered_as, dispute_reason, settled_at,
      settled_by, settlement_note, version""";

  /** A batch already taken under a key. */
  public record Batch(UUID id, byte[] contentHash, int recordCount) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  DeliveryRecords(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** The batch a provider sent under a key, if any. */
  public Optional<Batch> batch(UUID providerId, String key) {
    return jdbc.sql(
            """
            select id, content_hash, record_count from delivery.delivery_batch
            where provider_id = :p and idempotency_key = :k""")
        .param("p", providerId)
        .param("k", key)
        .query((rs, n) -> new Batch(rs.getObject(1, UUID.class), rs.getBytes(2), rs.getInt(3)))
        .optional();
  }

  /**
   * Takes the key for a batch; false when it is taken. Were another transaction holding it, the
   * insert waits for that one to end, so a retry arriving during the first attempt sees its
   * outcome.
   */
  public boolean insertBatch(
      UUID id,
      UUID providerId,
      String key,
      String source,
      int count,
      byte[] hash,
      OffsetDateTime at,
      String by) {
    return jdbc.sql(
                """
                insert into delivery.delivery_batch (id, provider_id, idempotency_key, source,
                  record_count, content_hash, received_at, received_by)
                values (:id, :p, :k, :source, :count, :hash, :at, :by)
                on conflict (provider_id, idempotency_key) do nothing""")
            .param("id", id)
            .param("p", providerId)
            .param("k", key)
            .param("source", source)
            .param("count", count)
            .param("hash", hash)
            .param("at", at)
            .param("by", by)
            .update()
        == 1;
  }

  /** Gives back the key of a set refused before any of its records was written. */
  public void deleteBatch(UUID batchId) {
    jdbc.sql("delete from delivery.delivery_batch where id = :id").param("id", batchId).update();
  }

  /** A column written by {@link #insert}: its SQL type and where its value comes from. */
  private record Column(String name, String type, Function<DeliveryRecord, Object> value) {}

  private static final List<Column> INSERTED =
      List.of(
          new Column("id", "uuid", DeliveryRecord::id),
          new Column("batch_id", "uuid", DeliveryRecord::batchId),
          new Column("provider_id", "uuid", DeliveryRecord::providerId),
          new Column("agreement_id", "uuid", DeliveryRecord::agreementId),
          new Column("agreement_ref", "text", DeliveryRecord::agreementReference),
          new Column("plan_service_id", "uuid", DeliveryRecord::planServiceId),
          new Column("case_id", "uuid", DeliveryRecord::caseId),
          new Column("region_id", "uuid", DeliveryRecord::regionId),
          new Column("municipality_id", "uuid", DeliveryRecord::municipalityId),
          new Column("client_name", "text", DeliveryRecord::clientName),
          new Column("service_type_id", "uuid", DeliveryRecord::serviceTypeId),
          new Column("service_name", "text", DeliveryRecord::serviceName),
          new Column("unit", "text", r -> r.unit().name()),
          new Column("delivered_on", "date", DeliveryRecord::deliveredOn),
          new Column("starts_at", "time", DeliveryRecord::startsAt),
          new Column("ends_at", "time", DeliveryRecord::endsAt),
          new Column("units", "numeric", DeliveryRecord::units),
          new Column("unit_price", "numeric", DeliveryRecord::unitPrice),
          new Column("copayment_share", "numeric", DeliveryRecord::copaymentShare),
          new Column("staff_member", "text", DeliveryRecord::staffMember),
          new Column("place", "text", DeliveryRecord::place),
          new Column("above_plan_reason", "text", DeliveryRecord::abovePlanReason),
          new Column("recorded_at", "timestamptz", DeliveryRecord::recordedAt),
          new Column("recorded_by", "text", DeliveryRecord::recordedBy));

  /**
   * Inserts the records in one statement however many there are: each column travels as one text
   * array, unnested and cast back in the database (COPY is refused under row-level security).
   */
  private static final String INSERT =
      "insert into delivery.delivery_record ("
          + String.join(", ", INSERTED.stream().map(Column::name).toList())
          + ", batch_position, status) select "
          + String.join(
              ", ",
              INSERTED.stream().map(c -> "cast(t." + c.name() + " as " + c.type() + ")").toList())
          + ", (t.position - 1)::int, 'RECORDED' from unnest("
          + String.join(", ", INSERTED.stream().map(c -> "?::text[]").toList())
          + ") with ordinality as t("
          + String.join(", ", INSERTED.stream().map(Column::name).toList())
          + ", position)";

  public void insert(List<DeliveryRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    template.execute(
        (ConnectionCallback<Void>)
            connection -> {
              try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                for (int c = 0; c < INSERTED.size(); c++) {
                  Function<DeliveryRecord, Object> value = INSERTED.get(c).value();
                  String[] values = new String[records.size()];
                  for (int r = 0; r < values.length; r++) {
                    Object v = value.apply(records.get(r));
                    values[r] = v == null ? null : text(v);
                  }
                  statement.setArray(c + 1, array(connection, values));
                }
                statement.executeUpdate();
              }
              return null;
            });
  }

  private static String text(Object v) {
    return v instanceof BigDecimal b ? b.toPlainString() : v.toString();
  }

  private static Array array(Connection connection, String[] values) throws SQLException {
    return connection.createArrayOf("text", values);
  }

  /**
   * The volume already recorded, per planned service and day, over the days given, of the records
   * that count (not rejected, not withdrawn).
   */
  public Map<UUID, NavigableMap<LocalDate, BigDecimal>> volume(
      Collection<UUID> planServiceIds, LocalDate from, LocalDate to) {
    Map<UUID, NavigableMap<LocalDate, BigDecimal>> volume = new HashMap<>();
    if (planServiceIds.isEmpty()) {
      return volume;
    }
    jdbc.sql(
            """
            select plan_service_id, delivered_on, sum(units) from delivery.delivery_record
            where plan_service_id = any(cast(:ids as uuid[])) and delivered_on between :from and :to
              and status in ('RECORDED', 'CONFIRMED', 'DISPUTED')
            group by plan_service_id, delivered_on""")
        // One array, not a parameter per service: a set names thousands.
        .param("ids", planServiceIds.toArray(new UUID[0]))
        .param("from", from)
        .param("to", to)
        .query(
            rs -> {
              volume
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new TreeMap<>())
                  .put(rs.getObject(2, LocalDate.class), rs.getBigDecimal(3));
            });
    return volume;
  }

  /**
   * Takes, until the transaction ends, a lock on each staff member named, in one order, so that two
   * requests recording visits of one staff member check them against each other's one after the
   * other, and two of different staff do not wait.
   */
  public void lockStaff(UUID providerId, Collection<String> staff) {
    if (staff.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            select count(pg_advisory_xact_lock(k)) from (
              select distinct hashtextextended(cast(:p as text) || '|' || s, 0) as k
              from unnest(cast(:staff as text[])) s order by 1) t""")
        .param("p", providerId)
        .param("staff", staff.toArray(new String[0]))
        .query(Long.class)
        .single();
  }

  /** The timed visits of the provider's staff named, over the days given. */
  public List<Visit> visits(
      UUID providerId, Collection<String> staff, LocalDate from, LocalDate to) {
    if (staff.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select staff_member, delivered_on, starts_at, ends_at from delivery.delivery_record
            where provider_id = :p and staff_member = any(cast(:staff as text[]))
              and delivered_on between :from and :to and starts_at is not null
              and status in ('RECORDED', 'CONFIRMED', 'DISPUTED')""")
        .param("p", providerId)
        .param("staff", staff.toArray(new String[0]))
        .param("from", from)
        .param("to", to)
        .query(
            (rs, n) ->
                new Visit(
                    rs.getString(1),
                    rs.getObject(2, LocalDate.class),
                    rs.getObject(3, LocalTime.class),
                    rs.getObject(4, LocalTime.class)))
        .list();
  }

  public Optional<DeliveryRecord> find(UUID id) {
    return list("id = :id", "", Map.of("id", id)).stream().findFirst();
  }

  public List<DeliveryRecord> ofBatch(UUID batchId) {
    return list("batch_id = :b", "order by batch_position", Map.of("b", batchId));
  }

  public List<DeliveryRecord> ofCase(UUID caseId) {
    return list(
        "case_id = :c",
        "order by delivered_on desc, starts_at desc nulls last, recorded_at desc",
        Map.of("c", caseId));
  }

  /** Disputed records in the caller's reach, the oldest first. */
  public List<DeliveryRecord> disputed(int limit) {
    return list("status = 'DISPUTED'", "order by answered_at limit " + limit, Map.of());
  }

  /** A page of a provider's records over a span of days, with the total. */
  public List<DeliveryRecord> ofProvider(
      UUID providerId, LocalDate from, LocalDate to, Status status, int offset, int limit) {
    Map<String, Object> params = new HashMap<>();
    params.put("p", providerId);
    params.put("from", from);
    params.put("to", to);
    String where = "provider_id = :p and delivered_on between :from and :to";
    if (status != null) {
      where += " and status = :status";
      params.put("status", status.name());
    }
    return list(
        where,
        "order by delivered_on desc, starts_at desc nulls last, id limit "
            + limit
            + " offset "
            + offset,
        params);
  }

  public long countOfProvider(UUID providerId, LocalDate from, LocalDate to, Status status) {
    return jdbc.sql(
            """
            select count(*) from delivery.delivery_record
            where provider_id = :p and delivered_on between :from and :to
              and (cast(:status as text) is null or status = :status)""")
        .param("p", providerId)
        .param("from", from)
        .param("to", to)
        .param("status", status == null ? null : status.name())
        .query(Long.class)
        .single();
  }

  /** The client's (or a worker's) answer to a record still waiting for one. */
  public boolean answer(
      UUID id,
      int expectedVersion,
      Status status,
      OffsetDateTime at,
      String by,
      AnsweredAs as,
      String disputeReason) {
    return jdbc.sql(
                """
                update delivery.delivery_record set status = :status, answered_at = :at,
                  answered_by = :by, answered_as = :as, dispute_reason = :reason,
                  version = version + 1
                where id = :id and version = :v and status = 'RECORDED'""")
            .param("status", status.name())
            .param("at", at)
            .param("by", by)
            .param("as", as.name())
            .param("reason", disputeReason)
            .param("id", id)
            .param("v", expectedVersion)
            .update()
        == 1;
  }

  /** The worker's settlement of a dispute. */
  public boolean settle(
      UUID id, int expectedVersion, Status status, OffsetDateTime at, String by, String note) {
    return jdbc.sql(
                """
                update delivery.delivery_record set status = :status, settled_at = :at,
                  settled_by = :by, settlement_note = :note, version = version + 1
                where id = :id and version = :v and status = 'DISPUTED'""")
            .param("status", status.name())
            .param("at", at)
            .param("by", by)
            .param("note", note)
            .param("id", id)
            .param("v", expectedVersion)
            .update()
        == 1;
  }

  /** The provider takes back a record not yet confirmed (only confirmed records are claimed). */
  public boolean withdraw(UUID id, int expectedVersion) {
    return jdbc.sql(
                """
                update delivery.delivery_record set status = 'WITHDRAWN', version = version + 1
                where id = :id and version = :v and status in ('RECORDED', 'DISPUTED')""")
            .param("id", id)
            .param("v", expectedVersion)
            .update()
        == 1;
  }

  private List<DeliveryRecord> list(String where, String order, Map<String, Object> params) {
    return jdbc.sql(
            "select " + COLUMNS + " from delivery.delivery_record where " + where + " " + order)
        .params(params)
        .query((rs, n) -> record(rs))
        .list();
  }

  private static DeliveryRecord record(ResultSet rs) throws SQLException {
    String as = rs.getString("answered_as");
    Time starts = rs.getTime("starts_at");
    return new DeliveryRecord(
        rs.getObject("id", UUID.class),
        rs.getObject("batch_id", UUID.class),
        rs.getObject("provider_id", UUID.class),
        rs.getObject("agreement_id", UUID.class),
        rs.getString("agreement_ref"),
        rs.getObject("plan_service_id", UUID.class),
        rs.getObject("case_id", UUID.class),
        rs.getObject("region_id", UUID.class),
        rs.getObject("municipality_id", UUID.class),
        rs.getString("client_name"),
        rs.getObject("service_type_id", UUID.class),
        rs.getString("service_name"),
        Unit.valueOf(rs.getString("unit")),
        rs.getObject("delivered_on", LocalDate.class),
        starts == null ? null : rs.getObject("starts_at", LocalTime.class),
        starts == null ? null : rs.getObject("ends_at", LocalTime.class),
        rs.getBigDecimal("units"),
        rs.getBigDecimal("unit_price"),
        rs.getBigDecimal("copayment_share"),
        rs.getString("staff_member"),
        rs.getString("place"),
        rs.getString("above_plan_reason"),
        Status.valueOf(rs.getString("status")),
        rs.getObject("recorded_at", OffsetDateTime.class),
        rs.getString("recorded_by"),
        rs.getObject("answered_at", OffsetDateTime.class),
        rs.getString("answered_by"),
        as == null ? null : AnsweredAs.valueOf(as),
        rs.getString("dispute_reason"),
        rs.getObject("settled_at", OffsetDateTime.class),
        rs.getString("settled_by"),
        rs.getString("settlement_note"),
        rs.getInt("version"));
  }
}
