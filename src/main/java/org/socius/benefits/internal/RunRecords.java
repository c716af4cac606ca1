package org.socius.benefits.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socius.benefits.RecertificationRun;
import org.socius.benefits.RecertificationRun.RegionSummary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of recertification runs; a run's summary is kept as JSON. */
@Repository
public class RunRecords {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  RunRecords(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Records a new run; false when a recertification of the programme is already running. */
  public boolean insert(RecertificationRun r) {
    try {
      jdbc.sql(
              """
              insert into benefits.recertification_run (id, programme_id, what_if,
                programme_version_id, region_id, effective_on, status, started_by)
              values (:id, :p, :whatIf, :v, :region, :on, 'RUNNING', :by)""")
          .param("id", r.id())
          .param("p", r.programmeId())
          .param("whatIf", r.whatIf())
          .param("v", r.programmeVersionId())
          .param("region", r.regionId())
          .param("on", r.effectiveOn())
          .param("by", r.startedBy())
          .update();
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /**
   * Whether a completed recertification of the programme already applies from that date to the
   * region (a national run covers every region; a national run is covered by any).
   */
  public boolean recertifiedFrom(UUID programmeId, LocalDate effectiveOn, UUID regionId) {
    return jdbc.sql(
                """
                select count(*) from benefits.recertification_run run
                join benefits.recertification_result r on r.run_id = run.id
                where run.programme_id = :p and not run.what_if and run.effective_on = :on
                  and (run.region_id is null or cast(:region as uuid) is null
                       or run.region_id = cast(:region as uuid))""")
            .param("p", programmeId)
            .param("on", effectiveOn)
            .param("region", regionId)
            .query(Long.class)
            .single()
        > 0;
  }

  public void progress(UUID id, long total, long processed) {
    jdbc.sql(
            """
            update benefits.recertification_run set total = :total, processed = :processed,
              heartbeat_at = now()
            where id = :id and status = 'RUNNING'""")
        .param("id", id)
        .param("total", total)
        .param("processed", processed)
        .update();
  }

  /**
   * Records a run's outcome in the run's own transaction, so that it is there exactly when the
   * run's changes are.
   */
  public void complete(UUID id, long processed, List<RegionSummary> summary) {
    jdbc.sql(
            """
            insert into benefits.recertification_result (run_id, processed, summary)
            values (:id, :processed, cast(:summary as jsonb))""")
        .param("id", id)
        .param("processed", processed)
        .param("summary", json.writeValueAsString(summary))
        .update();
  }

  public void finish(
      UUID id, RecertificationRun.Status status, long total, long processed, String failure) {
    jdbc.sql(
            """
            update benefits.recertification_run set status = :status, total = :total,
              processed = :processed, failure = :failure, finished_at = now(),
              heartbeat_at = now()
            where id = :id""")
        .param("id", id)
        .param("status", status.name())
        .param("total", total)
        .param("processed", processed)
        .param("failure", failure)
        .update();
  }

  /** Runs whose node stopped beating: they applied nothing, and are marked so. */
  public int markInterrupted(int silentSeconds) {
    return jdbc.sql(
            """
            update benefits.recertification_run set status = 'INTERRUPTED', finished_at = now()
            where status = 'RUNNING' and heartbeat_at < now() - make_interval(secs => :s)
              and not exists (select 1 from benefits.recertification_result r
                              where r.run_id = recertification_run.id)""")
        .param("s", silentSeconds)
        .update();
  }

  public Optional<RecertificationRun> find(UUID id) {
    return jdbc.sql(SELECT + " where run.id = :id")
        .param("id", id)
        .query((rs, n) -> map(rs))
        .optional();
  }

  /** A programme's latest runs of a region (null: of any territory). */
  public List<RecertificationRun> ofProgramme(UUID programmeId, UUID regionId) {
    return jdbc.sql(
            SELECT
                + " where run.programme_id = :p"
                + " and (cast(:r as uuid) is null or run.region_id = cast(:r as uuid))"
                + " order by run.started_at desc limit 50")
        .param("p", programmeId)
        .param("r", regionId)
        .query((rs, n) -> map(rs))
        .list();
  }

  // A run with a result completed, whatever its row says: the node may have stopped between the
  // run's commit and the row's update.
  private static final String SELECT =
      """
      select id, programme_id, what_if, programme_version_id, region_id, effective_on,
        case when r.run_id is null then status else 'COMPLETED' end, total,
        coalesce(r.processed, run.processed), r.summary::text, failure,
        started_at, coalesce(r.finished_at, run.finished_at), started_by
      from benefits.recertification_run run
      left join benefits.recertification_result r on r.run_id = run.id""";

  private RecertificationRun map(ResultSet rs) throws SQLException {
    String summary = rs.getString(10);
    return new RecertificationRun(
        rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class),
        rs.getBoolean(3),
        rs.getObject(4, UUID.class),
        rs.getObject(5, UUID.class),
        rs.getObject(6, LocalDate.class),
        RecertificationRun.Status.valueOf(rs.getString(7)),
        rs.getLong(8),
        rs.getLong(9),
        summary == null
            ? List.of()
            : json.readValue(summary, new TypeReference<List<RegionSummary>>() {}),
        rs.getString(11),
        rs.getObject(12, OffsetDateTime.class),
        rs.getObject(13, OffsetDateTime.class),
        rs.getString(14));
  }
}
