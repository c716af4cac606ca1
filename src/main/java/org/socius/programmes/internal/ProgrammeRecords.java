package org.socius.programmes.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socius.programmes.Programme;
import org.socius.programmes.Rules;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of programmes and their versions; criteria and parameters are kept as JSON. */
@Repository
public class ProgrammeRecords {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  ProgrammeRecords(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public void insertProgramme(Programme p) {
    jdbc.sql(
            """
            insert into programmes.programme (id, code, name, description, kind, position, last_resort)
            values (:id, :code, :name, :description, :kind, :position, :lastResort)""")
        .param("id", p.id())
        .param("code", p.code())
        .param("name", p.name())
        .param("description", p.description())
        .param("kind", p.kind().name())
        .param("position", p.position())
        .param("lastResort", p.lastResort())
        .update();
  }

  public boolean codeTaken(String code) {
    return jdbc.sql("select count(*) from programmes.programme where lower(code) = lower(:c)")
            .param("c", code)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Holds the programme's row until the transaction ends: its versions change one at a time. */
  public void lockProgramme(UUID programmeId) {
    jdbc.sql("select id from programmes.programme where id = :id for update")
        .param("id", programmeId)
        .query(UUID.class)
        .optional();
  }

  public int nextVersionNumber(UUID programmeId) {
    return jdbc.sql(
            "select coalesce(max(version_number), 0) + 1 from programmes.programme_version"
                + " where programme_id = :p")
        .param("p", programmeId)
        .query(Integer.class)
        .single();
  }

  public void insertVersion(UUID programmeId, Programme.Version v) {
    jdbc.sql(
            """
            insert into programmes.programme_version (id, programme_id, version_number, effective_from,
              criteria, formula, parameters)
            values (:id, :p, :n, :from, cast(:criteria as jsonb), :formula, cast(:parameters as jsonb))""")
        .param("id", v.id())
        .param("p", programmeId)
        .param("n", v.number())
        .param("from", v.effectiveFrom())
        .param("criteria", json.writeValueAsString(v.criteria()))
        .param("formula", v.formula())
        .param("parameters", json.writeValueAsString(v.parameters()))
        .update();
    v.regionalParameters()
        .forEach(
            (region, values) ->
                values.forEach(
                    (name, value) ->
                        jdbc.sql(
                                "insert into programmes.regional_parameter values (:v, :r, :n, :value)")
                            .param("v", v.id())
                            .param("r", region)
                            .param("n", name)
                            .param("value", value)
                            .update()));
  }

  public boolean publish(UUID versionId, String actor) {
    return jdbc.sql(
                """
                update programmes.programme_version set status = 'PUBLISHED', published_at = now(),
                  published_by = :actor, version = version + 1
                where id = :id and status = 'DRAFT'""")
            .param("id", versionId)
            .param("actor", actor)
            .update()
        == 1;
  }

  /** Every programme in order of consideration, with its versions: three queries in all. */
  public List<Programme> programmes() {
    return select("order by last_resort, position, name", Map.of(), null);
  }

  public Optional<Programme> programme(UUID id) {
    return select("where id = :id", Map.of("id", id), id).stream().findFirst();
  }

  private List<Programme> select(String clause, Map<String, Object> params, UUID only) {
    Map<UUID, List<Programme.Version>> versions = versions(only);
    return jdbc.sql(
            "select id, code, name, description, kind, position, last_resort"
                + " from programmes.programme "
                + clause)
        .params(params)
        .query(
            (rs, n) ->
                new Programme(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    Programme.Kind.valueOf(rs.getString(5)),
                    rs.getInt(6),
                    rs.getBoolean(7),
                    versions.getOrDefault(rs.getObject(1, UUID.class), List.of())))
        .list();
  }

  /** The programme a version belongs to. */
  public Optional<UUID> programmeOf(UUID versionId) {
    return jdbc.sql("select programme_id from programmes.programme_version where id = :id")
        .param("id", versionId)
        .query(UUID.class)
        .optional();
  }

  /** The versions of one programme (or of all, when null), by programme, in number order. */
  private Map<UUID, List<Programme.Version>> versions(UUID only) {
    Map<UUID, Map<UUID, Map<String, Long>>> regional = new HashMap<>();
    jdbc.sql(
            """
            select rp.programme_version_id, rp.region_id, rp.name, rp.value
            from programmes.regional_parameter rp
            join programmes.programme_version v on v.id = rp.programme_version_id
            where cast(:p as uuid) is null or v.programme_id = cast(:p as uuid)""")
        .param("p", only)
        .query(
            rs -> {
              regional
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
                  .computeIfAbsent(rs.getObject(2, UUID.class), k -> new HashMap<>())
                  .put(rs.getString(3), rs.getLong(4));
            });
    Map<UUID, List<Programme.Version>> versions = new HashMap<>();
    jdbc.sql(
            """
            select id, version_number, effective_from, status, criteria::text, formula,
              parameters::text, published_at, published_by, programme_id
            from programmes.programme_version
            where cast(:p as uuid) is null or programme_id = cast(:p as uuid)
            order by programme_id, version_number""")
        .param("p", only)
        .query(
            rs -> {
              UUID id = rs.getObject(1, UUID.class);
              versions
                  .computeIfAbsent(rs.getObject(10, UUID.class), k -> new ArrayList<>())
                  .add(
                      new Programme.Version(
                          id,
                          rs.getInt(2),
                          rs.getObject(3, LocalDate.class),
                          Programme.Status.valueOf(rs.getString(4)),
                          json.readValue(
                              rs.getString(5), new TypeReference<List<Rules.Criterion>>() {}),
                          rs.getString(6),
                          json.readValue(
                              rs.getString(7), new TypeReference<Map<String, Long>>() {}),
                          regional.getOrDefault(id, Map.of()),
                          rs.getObject(8, OffsetDateTime.class),
                          rs.getString(9)));
            });
    return versions;
  }
}
