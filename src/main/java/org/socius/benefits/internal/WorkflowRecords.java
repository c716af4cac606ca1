package org.socius.benefits.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socius.benefits.Workflow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of programmes' workflows; the steps are kept as JSON. */
@Repository
public class WorkflowRecords {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  WorkflowRecords(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public Optional<Workflow> find(UUID programmeId) {
    return jdbc.sql(
            "select steps::text, urgent_hours, appeal_working_days, version"
                + " from benefits.workflow where programme_id = :p")
        .param("p", programmeId)
        .query(
            (rs, n) ->
                new Workflow(
                    programmeId,
                    json.readValue(rs.getString(1), new TypeReference<List<Workflow.Step>>() {}),
                    (Integer) rs.getObject(2),
                    rs.getInt(3),
                    rs.getInt(4)))
        .optional();
  }

  /** Saves a workflow if it is still at the version the caller saw; false when it was not. */
  public boolean save(Workflow w, int expectedVersion) {
    String steps = json.writeValueAsString(w.steps());
    if (expectedVersion < 0) {
      return jdbc.sql(
                  """
                  insert into benefits.workflow (programme_id, steps, urgent_hours, appeal_working_days)
                  values (:p, cast(:steps as jsonb), :urgent, :appeal) on conflict do nothing""")
              .param("p", w.programmeId())
              .param("steps", steps)
              .param("urgent", w.urgentHours())
              .param("appeal", w.appealWorkingDays())
              .update()
          == 1;
    }
    return jdbc.sql(
                """
                update benefits.workflow set steps = cast(:steps as jsonb), urgent_hours = :urgent,
                  appeal_working_days = :appeal, version = version + 1
                where programme_id = :p and version = :v""")
            .param("p", w.programmeId())
            .param("steps", steps)
            .param("urgent", w.urgentHours())
            .param("appeal", w.appealWorkingDays())
            .param("v", expectedVersion)
            .update()
        == 1;
  }
}
