package org.socius.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socius.accounts.Sector;
import org.socius.cases.Case;
import org.socius.cases.CaseSummary;
import org.socius.platform.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of cases, their steps and their history; row-level security decides who sees what. */
@Repository
public class CaseRecords {

  private static final String COLUMNS =
      "id, reference, person_id, region_id, municipality_id, sector, source, requester, request,"
          + " urgent, language, status, worker_id, worker_name, opened_at,"
          + " opened_by, closed_at, outcome, version";

  private final JdbcClient jdbc;

  CaseRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The next reference, such as {@code C-2026-000042}. */
  public String nextReference(int year) {
    long n = jdbc.sql("select nextval('cases.case_number')").query(Long.class).single();
    return "C-%d-%06d".formatted(year, n);
  }

  public void insert(Case c) {
    jdbc.sql(
            """
            insert into cases.client_case (id, reference, person_id, region_id, municipality_id,
              sector, source, requester, request, urgent, language, status, worker_id,
              worker_name, opened_at, opened_by)
            values (:id, :reference, :person, :region, :municipality, :sector, :source,
              :requester, :request, :urgent, :language, :status, :worker, :workerName, :at, :by)""")
        .param("id", c.id())
        .param("reference", c.reference())
        .param("person", c.personId())
        .param("region", c.regionId())
        .param("municipality", c.municipalityId())
        .param("sector", c.sector().name())
        .param("source", c.source().name())
        .param("requester", c.requester())
        .param("request", c.request())
        .param("urgent", c.urgent())
        .param("language", c.language())
        .param("status", c.status().name())
        .param("worker", c.workerId())
        .param("workerName", c.workerName())
        .param("at", c.openedAt())
        .param("by", c.openedBy())
        .update();
  }

  public void insertStep(Case c, Case.Step s) {
    jdbc.sql(
            """
            insert into cases.case_step (case_id, seq, kind, role, region_id, municipality_id,
              started_on, due_on)
            values (:c, :seq, :kind, :role, :region, :municipality, :started, :due)""")
        .param("c", c.id())
        .param("seq", s.seq())
        .param("kind", s.kind().name())
        .param("role", s.role().name())
        .param("region", c.regionId())
        .param("municipality", c.municipalityId())
        .param("started", s.startedOn())
        .param("due", s.dueOn())
        .update();
  }

  /**
   * Completes the current step (the one not completed) if the case is still at the version the
   * caller saw, and sets the case's status; false when someone else changed it first.
   */
  public boolean completeStep(
      Case c,
      int expectedVersion,
      String record,
      String actor,
      OffsetDateTime now,
      Case.Status status,
      Case.Outcome outcome) {
    int changed =
        jdbc.sql(
                """
                update cases.client_case set status = :status, outcome = :outcome,
                  closed_at = case when cast(:status as text) = 'CLOSED' then :now else closed_at end,
                  version = version + 1
                where id = :id and version = :v and status = 'OPEN'""")
            .param("id", c.id())
            .param("v", expectedVersion)
            .param("status", status.name())
            .param("outcome", outcome == null ? null : outcome.name())
            .param("now", now)
            .update();
    if (changed == 0) {
      return false;
    }
    jdbc.sql(
            """
            update cases.case_step set completed_at = :now, completed_by = :by, record = :record
            where case_id = :id and completed_at is null""")
        .param("id", c.id())
        .param("now", now)
        .param("by", actor)
        .param("record", record)
        .update();
    return true;
  }

  /** Gives the case to another worker, if still at the version the caller saw. */
  public boolean assign(UUID id, int expectedVersion, UUID workerId, String workerName) {
    return jdbc.sql(
                """
                update cases.client_case set worker_id = :worker, worker_name = :name,
                  version = version + 1
                where id = :id and version = :v and status = 'OPEN'""")
            .param("id", id)
            .param("v", expectedVersion)
            .param("worker", workerId)
            .param("name", workerName)
            .update()
        == 1;
  }

  /** Holds a case until the transaction ends: its steps are taken one at a time. */
  public void lock(UUID id) {
    jdbc.sql("select id from cases.client_case where id = :id for update")
        .param("id", id)
        .query(UUID.class)
        .optional();
  }

  public Optional<Case> find(UUID id) {
    List<Case.Step> steps = steps(id);
    return jdbc.sql("select " + COLUMNS + " from cases.client_case where id = :id")
        .param("id", id)
        .query((rs, n) -> map(rs, steps))
        .optional();
  }

  private List<Case.Step> steps(UUID caseId) {
    return jdbc.sql(
            """
            select seq, kind, role, started_on, due_on, completed_at, completed_by, record
            from cases.case_step where case_id = :c order by seq""")
        .param("c", caseId)
        .query(
            (rs, n) ->
                new Case.Step(
                    rs.getInt(1),
                    Case.StepKind.valueOf(rs.getString(2)),
                    Role.valueOf(rs.getString(3)),
                    rs.getObject(4, LocalDate.class),
                    rs.getObject(5, LocalDate.class),
                    rs.getObject(6, OffsetDateTime.class),
                    rs.getString(7),
                    rs.getString(8)))
        .list();
  }

  /** What a caseload lists: which cases, filtered. */
  public record Filter(
      UUID workerId,
      boolean unassigned,
      Case.Status status,
      boolean overdueOnly,
      LocalDate today) {}

  /**
   * Cases the caller may see, filtered; the overdue and those due soonest first, then the newest.
   */
  public List<CaseSummary> list(Filter f, int offset, int limit) {
    return jdbc.sql(
            """
            select c.id, c.reference, c.person_id, c.sector, c.source, c.urgent, c.status,
              c.worker_id, c.worker_name, c.opened_at, s.kind, s.due_on
            from cases.client_case c
            left join cases.case_step s on s.case_id = c.id and s.completed_at is null
            where"""
                + where()
                + """

            order by s.due_on nulls last, c.opened_at desc, c.id
            offset :offset limit :limit""")
        .param("worker", f.workerId())
        .param("unassigned", f.unassigned())
        .param("status", f.status() == null ? null : f.status().name())
        .param("overdue", f.overdueOnly())
        .param("today", f.today())
        .param("offset", offset)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new CaseSummary(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getObject(3, UUID.class),
                    Sector.valueOf(rs.getString(4)),
                    Case.Source.valueOf(rs.getString(5)),
                    rs.getBoolean(6),
                    Case.Status.valueOf(rs.getString(7)),
                    rs.getObject(8, UUID.class),
                    rs.getString(9),
                    rs.getObject(10, OffsetDateTime.class),
                    rs.getString(11) == null ? null : Case.StepKind.valueOf(rs.getString(11)),
                    rs.getObject(12, LocalDate.class)))
        .list();
  }

  public long count(Filter f) {
    return jdbc.sql(
            """
            select count(*) from cases.client_case c
            left join cases.case_step s on s.case_id = c.id and s.completed_at is null
            where"""
                + where())
        .param("worker", f.workerId())
        .param("unassigned", f.unassigned())
        .param("status", f.status() == null ? null : f.status().name())
        .param("overdue", f.overdueOnly())
        .param("today", f.today())
        .query(Long.class)
        .single();
  }

  private static String where() {
    return """
         (cast(:worker as uuid) is null or c.worker_id = cast(:worker as uuid))
          and (not :unassigned or c.worker_id is null)
          and (cast(:status as text) is null or c.status = cast(:status as text))
          and (not :overdue or s.due_on < cast(:today as date))""";
  }

  /** How many open cases each of the workers has, among the cases the caller sees. */
  public Map<UUID, Long> openCaseloads(List<UUID> workerIds) {
    Map<UUID, Long> counts = new HashMap<>();
    if (workerIds.isEmpty()) {
      return counts;
    }
    jdbc.sql(
            """
            select worker_id, count(*) from cases.client_case
            where status = 'OPEN' and worker_id in (:workers) group by worker_id""")
        .param("workers", workerIds)
        .query(
            rs -> {
              counts.put(rs.getObject(1, UUID.class), rs.getLong(2));
            });
    return counts;
  }

  public void recordEvent(Case c, String actor, OffsetDateTime at, String kind, String detail) {
    jdbc.sql(
            """
            insert into cases.case_event (case_id, region_id, municipality_id, at, actor, kind,
              detail)
            values (:c, :region, :municipality, :at, :actor, :kind, :detail)""")
        .param("c", c.id())
        .param("region", c.regionId())
        .param("municipality", c.municipalityId())
        .param("at", at)
        .param("actor", actor)
        .param("kind", kind)
        .param("detail", detail)
        .update();
  }

  private static Case map(ResultSet rs, List<Case.Step> steps) throws SQLException {
    String outcome = rs.getString("outcome");
    return new Case(
        rs.getObject("id", UUID.class),
        rs.getString("reference"),
        rs.getObject("person_id", UUID.class),
        rs.getObject("region_id", UUID.class),
        rs.getObject("municipality_id", UUID.class),
        Sector.valueOf(rs.getString("sector")),
        Case.Source.valueOf(rs.getString("source")),
        rs.getString("requester"),
        rs.getString("request"),
        rs.getBoolean("urgent"),
        rs.getString("language"),
        Case.Status.valueOf(rs.getString("status")),
        rs.getObject("worker_id", UUID.class),
        rs.getString("worker_name"),
        rs.getObject("opened_at", OffsetDateTime.class),
        rs.getString("opened_by"),
        rs.getObject("closed_at", OffsetDateTime.class),
        outcome == null ? null : Case.Outcome.valueOf(outcome),
        rs.getInt("version"),
        steps);
  }
}
