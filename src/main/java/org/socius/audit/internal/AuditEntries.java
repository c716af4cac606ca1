package org.socius.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.socius.platform.api.CsvWriter;
import org.socius.platform.api.PageResponse;
import org.socius.platform.security.CurrentScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Reading the audit log: search, export and the tamper check. */
@Repository
public class AuditEntries {

  private static final String COLUMNS =
      "seq, occurred_at, actor_id, actor_name, action, entity_type, entity_id, region_id,"
          + " municipality_id, client_address, before_state::text as before_state,"
          + " after_state::text as after_state, hash";

  private final JdbcClient jdbc;
  private final TransactionTemplate readOnly;

  AuditEntries(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  @Transactional(readOnly = true)
  public PageResponse<AuditEntry> search(AuditSearch search, int page, int size) {
    Filter filter = Filter.of(search);
    long total =
        filter
            .bind(jdbc.sql("select count(*) from audit.entry where " + filter.where))
            .query(Long.class)
            .single();
    List<AuditEntry> items =
        filter
            .bind(
                jdbc.sql(
                    "select "
                        + COLUMNS
                        + " from audit.entry where "
                        + filter.where
                        + " order by seq desc limit :limit offset :offset"))
            .param("limit", size)
            .param("offset", (long) page * size)
            .query(AuditEntries::map)
            .list();
    return PageResponse.of(items, page, size, total);
  }

  /** Writes every matching entry as CSV, row by row, without holding them in memory. */
  @Transactional(readOnly = true)
  public void exportCsv(AuditSearch search, Writer out) {
    Filter filter = Filter.of(search);
    CsvWriter csv = new CsvWriter(out);
    csv.row(
        "seq",
        "occurred_at",
        "actor_id",
        "actor",
        "action",
        "entity_type",
        "entity_id",
        "region_id",
        "municipality_id",
        "client_address",
        "before",
        "after",
        "hash");
    try (var rows =
        filter
            .bind(
                jdbc.sql(
                    "select "
                        + COLUMNS
                        + " from audit.entry where "
                        + filter.where
                        + " order by seq"))
            .withFetchSize(1000)
            .query(AuditEntries::map)
            .stream()) {
      rows.forEach(
          e ->
              csv.row(
                  e.seq(),
                  e.occurredAt(),
                  e.actorId(),
                  e.actorName(),
                  e.action(),
                  e.entityType(),
                  e.entityId(),
                  e.regionId(),
                  e.municipalityId(),
                  e.clientAddress(),
                  e.before(),
                  e.after(),
                  e.hash()));
    }
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Recomputes every entry's hash and link. A chain cannot be checked in parts, so this reads the
   * whole log; only auditors of national scope may ask, because the answer counts every territory's
   * entries.
   */
  public ChainVerification verify() {
    if (!CurrentScope.get().isNationalOrWider()) {
      throw new AccessDeniedException("the whole chain is checked by national auditors");
    }
    return CurrentScope.asSystem(() -> readOnly.execute(status -> verifyWholeChain()));
  }

  private ChainVerification verifyWholeChain() {
    List<ChainVerification.Break> breaks = new ArrayList<>();
    jdbc.sql(
            """
            with checked as (
              select seq,
                hash = sha256(prev_hash || audit.entry_content(e)) as content_ok,
                prev_hash = coalesce(lag(hash) over w,
                                     sha256(convert_to('socius audit log', 'UTF8'))) as link_ok,
                seq = coalesce(lag(seq) over w, 0) + 1 as seq_ok
              from audit.entry e window w as (order by seq))
            select seq, content_ok, link_ok, seq_ok from checked
            where not (content_ok and link_ok and seq_ok) order by seq limit 20""")
        .query(
            rs -> {
              String kind =
                  !rs.getBoolean("seq_ok")
                      ? "missing-entry"
                      : !rs.getBoolean("content_ok") ? "content-changed" : "link-broken";
              breaks.add(new ChainVerification.Break(rs.getLong("seq"), kind));
            });
    var tail =
        jdbc.sql(
                """
                select h.last_seq, h.last_hash, (select count(*) from audit.entry) as entries,
                  (select hash from audit.entry order by seq desc limit 1) as last_entry_hash
                from audit.chain_head h""")
            .query(
                (rs, n) ->
                    new Object[] {rs.getLong(1), rs.getBytes(2), rs.getLong(3), rs.getBytes(4)})
            .single();
    long headSeq = (Long) tail[0];
    byte[] headHash = (byte[]) tail[1];
    long entries = (Long) tail[2];
    byte[] lastEntryHash = (byte[]) tail[3];
    if (entries != headSeq || (lastEntryHash != null && !Arrays.equals(headHash, lastEntryHash))) {
      breaks.add(new ChainVerification.Break(headSeq, "tail-removed"));
    }
    return new ChainVerification(entries, HexFormat.of().formatHex(headHash), breaks);
  }

  private static AuditEntry map(ResultSet rs, int row) throws SQLException {
    return new AuditEntry(
        rs.getLong("seq"),
        rs.getObject("occurred_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
        rs.getObject("actor_id", UUID.class),
        rs.getString("actor_name"),
        rs.getString("action"),
        rs.getString("entity_type"),
        rs.getString("entity_id"),
        rs.getObject("region_id", UUID.class),
        rs.getObject("municipality_id", UUID.class),
        rs.getString("client_address"),
        rs.getString("before_state"),
        rs.getString("after_state"),
        HexFormat.of().formatHex(rs.getBytes("hash")));
  }

  /** The search as SQL conditions with named parameters. */
  private record Filter(String where, Map<String, Object> params) {

    static Filter of(AuditSearch s) {
      List<String> conditions = new ArrayList<>();
      Map<String, Object> params = new HashMap<>();
      conditions.add("true");
      if (notBlank(s.actor())) {
        conditions.add("actor_name = :actor");
        params.put("actor", s.actor().trim());
      }
      if (notBlank(s.entityType())) {
        conditions.add("entity_type = :entityType");
        params.put("entityType", s.entityType().trim());
      }
      if (notBlank(s.entityId())) {
        conditions.add("entity_id = :entityId");
        params.put("entityId", s.entityId().trim());
      }
      if (notBlank(s.action())) {
        conditions.add("action = :action");
        params.put("action", s.action().trim());
      }
      if (s.from() != null) {
        conditions.add("occurred_at >= :from");
        params.put("from", s.from().atStartOfDay().atOffset(ZoneOffset.UTC));
      }
      if (s.to() != null) {
        conditions.add("occurred_at < :to");
        params.put("to", s.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
      }
      return new Filter(String.join(" and ", conditions), params);
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
      return spec.params(params);
    }

    private static boolean notBlank(String value) {
      return value != null && !value.isBlank();
    }
  }
}
