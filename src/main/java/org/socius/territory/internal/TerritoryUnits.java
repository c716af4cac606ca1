package org.socius.territory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socius.territory.TerritoryLevel;
import org.socius.territory.TerritoryUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The territory units table. */
@Repository
public class TerritoryUnits {

  private static final String COLUMNS =
      "id, level, parent_id, code, name, region_id, municipality_id, version";

  private final JdbcClient jdbc;

  TerritoryUnits(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<TerritoryUnit> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from territory.unit where id = :id")
        .param("id", id)
        .query(TerritoryUnits::map)
        .optional();
  }

  public Optional<TerritoryUnit> findByCode(String code) {
    return jdbc.sql("select " + COLUMNS + " from territory.unit where lower(code) = lower(:code)")
        .param("code", code)
        .query(TerritoryUnits::map)
        .optional();
  }

  public List<TerritoryUnit> children(UUID parentId) {
    return jdbc.sql(
            "select " + COLUMNS + " from territory.unit where parent_id = :parent order by name")
        .param("parent", parentId)
        .query(TerritoryUnits::map)
        .list();
  }

  public List<TerritoryUnit> byLevel(TerritoryLevel level) {
    return jdbc.sql("select " + COLUMNS + " from territory.unit where level = :level order by name")
        .param("level", level.name())
        .query(TerritoryUnits::map)
        .list();
  }

  public Optional<TerritoryUnit> nation() {
    return byLevel(TerritoryLevel.NATIONAL).stream().findFirst();
  }

  public List<TerritoryUnit> search(
      TerritoryLevel level, UUID parentId, String text, int limit, long offset) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from territory.unit where "
                + Filter.WHERE
                + " order by level, name limit :limit offset :offset")
        .params(Filter.params(level, parentId, text))
        .param("limit", limit)
        .param("offset", offset)
        .query(TerritoryUnits::map)
        .list();
  }

  public long count(TerritoryLevel level, UUID parentId, String text) {
    return jdbc.sql("select count(*) from territory.unit where " + Filter.WHERE)
        .params(Filter.params(level, parentId, text))
        .query(Long.class)
        .single();
  }

  public void insert(TerritoryUnit unit) {
    jdbc.sql(
            """
            insert into territory.unit (id, level, parent_id, code, name, region_id, municipality_id)
            values (:id, :level, :parent, :code, :name, :region, :municipality)""")
        .param("id", unit.id())
        .param("level", unit.level().name())
        .param("parent", unit.parentId())
        .param("code", unit.code())
        .param("name", unit.name())
        .param("region", unit.regionId())
        .param("municipality", unit.municipalityId())
        .update();
  }

  /** Renames and recodes a unit if it still has the given version; false if it changed. */
  /** Sets or clears (both null) a unit's centre. */
  public void setCentre(UUID id, Double latitude, Double longitude) {
    jdbc.sql(
            "update territory.unit set latitude = :lat, longitude = :lon, version = version + 1,"
                + " updated_at = now() where id = :id")
        .param("lat", latitude)
        .param("lon", longitude)
        .param("id", id)
        .update();
  }

  /** A unit's centre, if it has one. */
  public Optional<double[]> centre(UUID id) {
    return jdbc.sql(
            "select latitude, longitude from territory.unit where id = :id and latitude is not null")
        .param("id", id)
        .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
        .optional();
  }

  /** A place named in a text, as its unit's name and centre. */
  public record Located(UUID unitId, String name, double latitude, double longitude) {}

  /**
   * The unit with a centre whose name occurs in the text as whole words (or, for a short text such
   * as "Lakeside", whose name contains it), ignoring case and accents. Where several do, a unit
   * whose parent is named too wins ("Old Town, Harbour City"), then the one named later in the text
   * (an address ends with its locality: "Old Town Road, Riverside City" is in Riverside), then the
   * most specific level and the longest name.
   */
  public Optional<Located> locate(String text) {
    return jdbc.sql(
            """
            with input as (
              -- Words only, each between single spaces: " old town road riverside city ".
              select ' ' || trim(regexp_replace(lower(unaccent(:text)), '[^[:alnum:]]+', ' ', 'g'))
                || ' ' as t),
            named as (
              select u.id, u.name, u.latitude, u.longitude, u.level, u.code,
                ' ' || trim(regexp_replace(lower(unaccent(u.name)), '[^[:alnum:]]+', ' ', 'g'))
                  || ' ' as n,
                ' ' || trim(regexp_replace(lower(unaccent(coalesce(p.name, ''))), '[^[:alnum:]]+',
                  ' ', 'g')) || ' ' as parent
              from territory.unit u left join territory.unit p on p.id = u.parent_id
              where u.latitude is not null)
            select id, name, latitude, longitude from named, input
            where strpos(t, n) > 0 or (length(t) >= 5 and strpos(n, t) > 0)
            order by (parent <> '  ' and strpos(t, parent) > 0) desc,
                     strpos(t, n) desc,
                     case level when 'SETTLEMENT' then 0 when 'MUNICIPALITY' then 1
                                when 'REGION' then 2 else 3 end,
                     length(name) desc, code
            limit 1""")
        .param("text", text)
        .query(
            (rs, n) ->
                new Located(
                    rs.getObject(1, UUID.class), rs.getString(2), rs.getDouble(3), rs.getDouble(4)))
        .optional();
  }

  public boolean update(UUID id, int version, String code, String name) {
    return jdbc.sql(
                """
                update territory.unit set code = :code, name = :name, version = version + 1,
                  updated_at = now()
                where id = :id and version = :version""")
            .param("code", code)
            .param("name", name)
            .param("id", id)
            .param("version", version)
            .update()
        == 1;
  }

  private static TerritoryUnit map(ResultSet rs, int row) throws SQLException {
    return new TerritoryUnit(
        rs.getObject("id", UUID.class),
        TerritoryLevel.valueOf(rs.getString("level")),
        rs.getObject("parent_id", UUID.class),
        rs.getString("code"),
        rs.getString("name"),
        rs.getObject("region_id", UUID.class),
        rs.getObject("municipality_id", UUID.class),
        rs.getInt("version"));
  }

  private static final class Filter {
    static final String WHERE =
        "(cast(:level as text) is null or level = :level)"
            + " and (cast(:parent as uuid) is null or parent_id = :parent)"
            + " and (cast(:text as text) is null or lower(name) like :text or lower(code) like :text)";

    static Map<String, Object> params(TerritoryLevel level, UUID parentId, String text) {
      var params = new HashMap<String, Object>();
      params.put("level", level == null ? null : level.name());
      params.put("parent", parentId);
      params.put(
          "text",
          text == null || text.isBlank()
              ? null
              : "%" + text.trim().toLowerCase(Locale.ROOT).replace("%", "\\%") + "%");
      return params;
    }
  }
}
