package org.socius.cases.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socius.cases.Case;
import org.socius.cases.CaseFile;
import org.socius.cases.Instrument;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of assessment instruments and of the assessments made with them. */
@Repository
public class AssessmentRecords {

  private static final TypeReference<LinkedHashMap<String, Integer>> NUMBERS =
      new TypeReference<>() {};
  private static final TypeReference<LinkedHashMap<String, String>> TEXTS =
      new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  AssessmentRecords(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public void insertInstrument(Instrument i, String by) {
    jdbc.sql(
            """
            insert into cases.instrument (id, code, version_number, name, definition, created_by)
            values (:id, :code, :version, :name, cast(:definition as jsonb), :by)""")
        .param("id", i.id())
        .param("code", i.code())
        .param("version", i.versionNumber())
        .param("name", i.name())
        .param("definition", json.writeValueAsString(i.definition()))
        .param("by", by)
        .update();
  }

  public Optional<Instrument> instrument(UUID id) {
    return jdbc.sql(
            "select id, code, version_number, name, definition from cases.instrument where id = :id")
        .param("id", id)
        .query((rs, n) -> instrument(rs))
        .optional();
  }

  /** The newest version of every instrument, by name. */
  public List<Instrument> latestInstruments() {
    return jdbc.sql(
            """
            select distinct on (code) id, code, version_number, name, definition
            from cases.instrument order by code, version_number desc""")
        .query((rs, n) -> instrument(rs))
        .list();
  }

  public int latestVersion(String code) {
    return jdbc.sql("select coalesce(max(version_number), 0) from cases.instrument where code = :c")
        .param("c", code)
        .query(Integer.class)
        .single();
  }

  public void insertAssessment(
      Case c,
      UUID id,
      Instrument i,
      Map<String, Integer> answers,
      Instrument.Scoring scoring,
      LocalDate on,
      String by,
      OffsetDateTime at) {
    jdbc.sql(
            """
            insert into cases.assessment (id, case_id, region_id, municipality_id, instrument_id,
              answers, scores, results, assessed_on, assessed_by, recorded_at)
            values (:id, :c, :region, :municipality, :instrument, cast(:answers as jsonb),
              cast(:scores as jsonb), cast(:results as jsonb), :on, :by, :at)""")
        .param("id", id)
        .param("c", c.id())
        .param("region", c.regionId())
        .param("municipality", c.municipalityId())
        .param("instrument", i.id())
        .param("answers", json.writeValueAsString(answers))
        .param("scores", json.writeValueAsString(scoring.scores()))
        .param("results", json.writeValueAsString(scoring.results()))
        .param("on", on)
        .param("by", by)
        .param("at", at)
        .update();
  }

  public List<CaseFile.Assessment> assessments(UUID caseId) {
    return jdbc.sql(
            """
            select a.id, i.id, i.code, i.version_number, i.name, a.answers, a.scores, a.results,
              a.assessed_on, a.assessed_by
            from cases.assessment a join cases.instrument i on i.id = a.instrument_id
            where a.case_id = :c order by a.assessed_on desc, a.recorded_at desc""")
        .param("c", caseId)
        .query(
            (rs, n) ->
                new CaseFile.Assessment(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getString(3),
                    rs.getInt(4),
                    rs.getString(5),
                    json.readValue(rs.getString(6), NUMBERS),
                    json.readValue(rs.getString(7), NUMBERS),
                    json.readValue(rs.getString(8), TEXTS),
                    rs.getObject(9, LocalDate.class),
                    rs.getString(10)))
        .list();
  }

  /** Whether the case has an assessment recorded at or after a moment. */
  public boolean assessedSince(UUID caseId, OffsetDateTime since) {
    return jdbc.sql(
            "select exists (select 1 from cases.assessment where case_id = :c"
                + " and recorded_at >= :since)")
        .param("c", caseId)
        .param("since", since)
        .query(Boolean.class)
        .single();
  }

  private Instrument instrument(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Instrument(
        rs.getObject(1, UUID.class),
        rs.getString(2),
        rs.getInt(3),
        rs.getString(4),
        json.readValue(rs.getString(5), Instrument.Definition.class));
  }
}
