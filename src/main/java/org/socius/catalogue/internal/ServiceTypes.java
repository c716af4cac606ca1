package org.socius.catalogue.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.socius.catalogue.Classification.BeneficiaryCategory;
import org.socius.catalogue.Classification.DeliveryForm;
import org.socius.catalogue.Classification.Place;
import org.socius.catalogue.Classification.Purpose;
import org.socius.catalogue.Classification.Regime;
import org.socius.catalogue.ServiceType;
import org.socius.platform.db.TextArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The service types table. */
@Repository
public class ServiceTypes {

  private static final String COLUMNS =
      "id, code, name, description, purpose, beneficiary_categories, regime, places,"
          + " delivery_form, active, version";

  private final JdbcClient jdbc;

  ServiceTypes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<ServiceType> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from catalogue.service_type where id = :id")
        .param("id", id)
        .query(ServiceTypes::map)
        .optional();
  }

  public Optional<ServiceType> findByCode(String code) {
    return jdbc.sql(
            "select " + COLUMNS + " from catalogue.service_type where lower(code) = lower(:code)")
        .param("code", code)
        .query(ServiceTypes::map)
        .optional();
  }

  /** Service types matching every given axis (null: any), by name. */
  public List<ServiceType> search(
      String text,
      Purpose purpose,
      BeneficiaryCategory category,
      Regime regime,
      Place place,
      boolean activeOnly) {
    Map<String, Object> params = new HashMap<>();
    params.put(
        "text", text == null || text.isBlank() ? null : "%" + text.trim().toLowerCase() + "%");
    params.put("purpose", purpose == null ? null : purpose.name());
    params.put("category", category == null ? null : category.name());
    params.put("regime", regime == null ? null : regime.name());
    params.put("place", place == null ? null : place.name());
    params.put("activeOnly", activeOnly);
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from catalogue.service_type where"
                + " (cast(:text as text) is null or lower(name) like :text or lower(code) like :text)"
                + " and (cast(:purpose as text) is null or purpose = :purpose)"
                + " and (cast(:category as text) is null or :category = any(beneficiary_categories))"
                + " and (cast(:regime as text) is null or regime = :regime)"
                + " and (cast(:place as text) is null or :place = any(places))"
                + " and (not :activeOnly or active)"
                + " order by name")
        .params(params)
        .query(ServiceTypes::map)
        .list();
  }

  public void insert(ServiceType type) {
    jdbc.sql(
            """
            insert into catalogue.service_type (id, code, name, description, purpose,
              beneficiary_categories, regime, places, delivery_form, active)
            values (:id, :code, :name, :description, :purpose, cast(:categories as text[]),
              :regime, cast(:places as text[]), :form, :active)""")
        .params(params(type))
        .update();
  }

  public boolean update(ServiceType type) {
    return jdbc.sql(
                """
                update catalogue.service_type set code = :code, name = :name,
                  description = :description, purpose = :purpose,
                  beneficiary_categories = cast(:categories as text[]), regime = :regime,
                  places = cast(:places as text[]), delivery_form = :form, active = :active,
                  version = version + 1
                where id = :id and version = :version""")
            .params(params(type))
            .param("version", type.version())
            .update()
        == 1;
  }

  private static Map<String, Object> params(ServiceType type) {
    Map<String, Object> params = new HashMap<>();
    params.put("id", type.id());
    params.put("code", type.code());
    params.put("name", type.name());
    params.put("description", type.description());
    params.put("purpose", type.purpose().name());
    params.put("categories", TextArrays.ofNames(type.beneficiaryCategories()));
    params.put("regime", type.regime().name());
    params.put("places", TextArrays.ofNames(type.places()));
    params.put("form", type.deliveryForm().name());
    params.put("active", type.active());
    return params;
  }

  private static ServiceType map(ResultSet rs, int row) throws SQLException {
    return new ServiceType(
        rs.getObject("id", UUID.class),
        rs.getString("code"),
        rs.getString("name"),
        rs.getString("description"),
        Purpose.valueOf(rs.getString("purpose")),
        enums(rs.getArray("beneficiary_categories"), BeneficiaryCategory.class),
        Regime.valueOf(rs.getString("regime")),
        enums(rs.getArray("places"), Place.class),
        DeliveryForm.valueOf(rs.getString("delivery_form")),
        rs.getBoolean("active"),
        rs.getInt("version"));
  }

  private static <E extends Enum<E>> Set<E> enums(Array array, Class<E> type) throws SQLException {
    EnumSet<E> set = EnumSet.noneOf(type);
    Arrays.stream((String[]) array.getArray()).map(v -> Enum.valueOf(type, v)).forEach(set::add);
    return Set.copyOf(set);
  }
}
