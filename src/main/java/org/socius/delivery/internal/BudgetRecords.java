package org.socius.delivery.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of budget lines, administrative cost, and what was paid from a line. */
@Repository
public class BudgetRecords {

  /** A line as kept, before its figures are added. */
  public record Line(
      UUID id,
      UUID regionId,
      int year,
      UUID programmeId,
      String programmeName,
      List<UUID> serviceTypeIds,
      BigDecimal amount,
      BigDecimal warnShare) {}

  /** What was paid from a line's services in its year, and to how many clients. */
  public record Paid(BigDecimal net, long clients) {}

  private static final String LINE =
      """
      select id, region_id, year, programme_id, programme_name, service_type_ids, amount,
        warn_share
      from delivery.budget_line""";

  private final JdbcClient jdbc;

  BudgetRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Line l, OffsetDateTime at, String by) {
    jdbc.sql(
            """
            insert into delivery.budget_line (id, region_id, year, programme_id, programme_name,
              service_type_ids, amount, warn_share, created_at, created_by)
            values (:id, :r, :year, :programme, :name, cast(:types as uuid[]), :amount, :warn,
              :at, :by)""")
        .param("id", l.id())
        .param("r", l.regionId())
        .param("year", l.year())
        .param("programme", l.programmeId())
        .param("name", l.programmeName())
        .param("types", l.serviceTypeIds().toArray(new UUID[0]))
        .param("amount", l.amount())
        .param("warn", l.warnShare())
        .param("at", at)
        .param("by", by)
        .update();
  }

  public boolean exists(UUID regionId, int year, UUID programmeId) {
    return jdbc.sql(
            """
            select exists (select 1 from delivery.budget_line
                           where region_id = :r and year = :y and programme_id = :p)""")
        .param("r", regionId)
        .param("y", year)
        .param("p", programmeId)
        .query(Boolean.class)
        .single();
  }

  public List<Line> lines(UUID regionId, int year) {
    return jdbc.sql(LINE + " where region_id = :r and year = :y order by programme_name")
        .param("r", regionId)
        .param("y", year)
        .query((rs, n) -> line(rs))
        .list();
  }

  public Optional<Line> line(UUID id) {
    return jdbc.sql(LINE + " where id = :id").param("id", id).query((rs, n) -> line(rs)).optional();
  }

  private static Line line(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Line(
        rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class),
        rs.getInt(3),
        rs.getObject(4, UUID.class),
        rs.getString(5),
        Arrays.asList((UUID[]) rs.getArray(6).getArray()),
        rs.getBigDecimal(7),
        rs.getBigDecimal(8));
  }

  /**
   * What claims paid in the year for the line's services in its region, net of the clients'
   * contributions and of rejected lines, and the clients they served.
   */
  public Paid paid(Line l) {
    return jdbc.sql(
            """
            select coalesce(sum(cl.amount - cl.copayment), 0), count(distinct cl.client_key)
            from delivery.claim_line cl join delivery.claim c on c.id = cl.claim_id
            where cl.region_id = :r and cl.service_type_id = any(cast(:types as uuid[]))
              and cl.rejected_reason is null and c.status = 'PAID'
              and c.paid_on between :from and :to""")
        .param("r", l.regionId())
        .param("types", l.serviceTypeIds().toArray(new UUID[0]))
        .param("from", LocalDate.of(l.year(), 1, 1))
        .param("to", LocalDate.of(l.year(), 12, 31))
        .query((rs, n) -> new Paid(rs.getBigDecimal(1), rs.getLong(2)))
        .single();
  }

  /**
   * What approved claims not yet paid hold for the line's services (net of contributions), apart
   * from one claim: money already decided that the line will pay.
   */
  public BigDecimal approvedUnpaid(Line l, UUID apartFrom) {
    return jdbc.sql(
            """
            select coalesce(sum(cl.amount - cl.copayment), 0)
            from delivery.claim_line cl join delivery.claim c on c.id = cl.claim_id
            where cl.region_id = :r and cl.service_type_id = any(cast(:types as uuid[]))
              and cl.rejected_reason is null and c.status = 'APPROVED' and c.id <> :apart""")
        .param("r", l.regionId())
        .param("types", l.serviceTypeIds().toArray(new UUID[0]))
        .param("apart", apartFrom)
        .query(BigDecimal.class)
        .single();
  }

  public Map<UUID, BigDecimal> administrativeCosts(List<UUID> lineIds) {
    Map<UUID, BigDecimal> costs = new HashMap<>();
    if (lineIds.isEmpty()) {
      return costs;
    }
    jdbc.sql(
            """
            select budget_line_id, sum(amount) from delivery.admin_cost
            where budget_line_id = any(cast(:ids as uuid[])) group by budget_line_id""")
        .param("ids", lineIds.toArray(new UUID[0]))
        .query(
            rs -> {
              costs.put(rs.getObject(1, UUID.class), rs.getBigDecimal(2));
            });
    return costs;
  }

  public void insertAdministrativeCost(
      UUID id,
      Line l,
      LocalDate on,
      BigDecimal amount,
      String description,
      OffsetDateTime at,
      String by) {
    jdbc.sql(
            """
            insert into delivery.admin_cost (id, budget_line_id, region_id, incurred_on, amount,
              description, recorded_at, recorded_by)
            values (:id, :line, :r, :on, :amount, :text, :at, :by)""")
        .param("id", id)
        .param("line", l.id())
        .param("r", l.regionId())
        .param("on", on)
        .param("amount", amount)
        .param("text", description)
        .param("at", at)
        .param("by", by)
        .update();
  }
}
