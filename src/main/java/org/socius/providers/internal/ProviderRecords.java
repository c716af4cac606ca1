package org.socius.providers.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.socius.platform.db.TextArrays;
import org.socius.providers.Licence;
import org.socius.providers.Provider;
import org.socius.providers.ProviderKinds.Accessibility;
import org.socius.providers.ProviderKinds.FounderType;
import org.socius.providers.ProviderKinds.ProviderType;
import org.socius.providers.ServicePoint;
import org.socius.providers.StaffGroup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Providers, their members, founders, staff, licences and service points. */
@Repository
public class ProviderRecords {

  private static final String PROVIDER_COLUMNS =
      "id, region_id, legal_name, provider_type, registration_number, tax_id, legal_address,"
          + " email, phone, website, status, version";
  private static final String POINT_COLUMNS =
      "id, provider_id, region_id, municipality_id, name, address, latitude, longitude, capacity,"
          + " opening_hours, accessibility, phone";

  private final JdbcClient jdbc;
  private final RegisterSearchIndex searchIndex;

  ProviderRecords(JdbcClient jdbc, RegisterSearchIndex searchIndex) {
    this.searchIndex = searchIndex;
    this.jdbc = jdbc;
  }

  public Optional<Provider> find(UUID id) {
    return jdbc.sql("select " + PROVIDER_COLUMNS + " from providers.provider where id = :id")
        .param("id", id)
        .query((rs, n) -> mapProvider(rs))
        .optional();
  }

  public List<Provider> ofMember(UUID userId) {
    return jdbc.sql(
            "select "
                + PROVIDER_COLUMNS
                + " from providers.provider where id in"
                + " (select provider_id from providers.member where user_id = :user) order by legal_name")
        .param("user", userId)
        .query((rs, n) -> mapProvider(rs))
        .list();
  }

  public boolean registrationTaken(UUID regionId, String registrationNumber) {
    return jdbc.sql(
            "select exists (select 1 from providers.provider where region_id = :r"
                + " and lower(registration_number) = lower(:n))")
        .param("r", regionId)
        .param("n", registrationNumber)
        .query(Boolean.class)
        .single();
  }

  public boolean isMember(UUID providerId, UUID userId) {
    return jdbc.sql(
            "select exists (select 1 from providers.member where provider_id = :p and user_id = :u)")
        .param("p", providerId)
        .param("u", userId)
        .query(Boolean.class)
        .single();
  }

  public void insert(Provider p) {
    jdbc.sql(
            """
            insert into providers.provider (id, region_id, legal_name, provider_type,
              registration_number, tax_id, legal_address, email, phone, website, status)
            values (:id, :region, :name, :type, :reg, :tax, :address, :email, :phone, :web, :status)""")
        .param("id", p.id())
        .param("region", p.regionId())
        .param("name", p.legalName())
        .param("type", p.type().name())
        .param("reg", p.registrationNumber())
        .param("tax", p.taxId())
        .param("address", p.legalAddress())
        .param("email", p.email())
        .param("phone", p.phone())
        .param("web", p.website())
        .param("status", p.status())
        .update();
  }

  public boolean update(Provider p) {
    // The register's search rows carry the provider's type; they follow it, and their versions
    // tell the search index of other nodes that the provider changed.
    int registered =
        jdbc.sql(
                "update providers.registered_service set provider_type = :type,"
                    + " version = version + 1 where provider_id = :id")
            .param("type", p.type().name())
            .param("id", p.id())
            .update();
    if (registered > 0) {
      searchIndex.rebuildOnCommit();
    }
    return jdbc.sql(
                """
                update providers.provider set legal_name = :name, provider_type = :type,
                  registration_number = :reg, tax_id = :tax, legal_address = :address,
                  email = :email, phone = :phone, website = :web, version = version + 1
                where id = :id and version = :version""")
            .param("name", p.legalName())
            .param("type", p.type().name())
            .param("reg", p.registrationNumber())
            .param("tax", p.taxId())
            .param("address", p.legalAddress())
            .param("email", p.email())
            .param("phone", p.phone())
            .param("web", p.website())
            .param("id", p.id())
            .param("version", p.version())
            .update()
        == 1;
  }

  public void setStatus(UUID providerId, String status) {
    jdbc.sql("update providers.provider set status = :s, version = version + 1 where id = :id")
        .param("s", status)
        .param("id", providerId)
        .update();
  }

  public void addMember(UUID providerId, UUID userId, UUID regionId) {
    jdbc.sql(
            "insert into providers.member (provider_id, user_id, region_id) values (:p, :u, :r)"
                + " on conflict do nothing")
        .param("p", providerId)
        .param("u", userId)
        .param("r", regionId)
        .update();
  }

  public void replaceFounders(UUID providerId, UUID regionId, List<Provider.Founder> founders) {
    jdbc.sql("delete from providers.founder where provider_id = :p")
        .param("p", providerId)
        .update();
    for (Provider.Founder f : founders) {
      jdbc.sql(
              """
              insert into providers.founder (id, provider_id, region_id, name, founder_type, share_percent)
              values (:id, :p, :r, :name, :type, :share)""")
          .param("id", f.id())
          .param("p", providerId)
          .param("r", regionId)
          .param("name", f.name())
          .param("type", f.type().name())
          .param("share", f.sharePercent())
          .update();
    }
  }

  public void replaceStaff(UUID providerId, UUID regionId, List<StaffGroup> staff) {
    jdbc.sql("delete from providers.staff where provider_id = :p").param("p", providerId).update();
    for (StaffGroup s : staff) {
      jdbc.sql(
              "insert into providers.staff (provider_id, region_id, profession, headcount)"
                  + " values (:p, :r, :profession, :count)")
          .param("p", providerId)
          .param("r", regionId)
          .param("profession", s.profession())
          .param("count", s.headcount())
          .update();
    }
  }

  public List<StaffGroup> staff(UUID providerId) {
    return jdbc.sql(
            "select profession, headcount from providers.staff where provider_id = :p order by profession")
        .param("p", providerId)
        .query((rs, n) -> new StaffGroup(rs.getString(1), rs.getInt(2)))
        .list();
  }

  public void insertLicence(Licence l, UUID regionId) {
    jdbc.sql(
            """
            insert into providers.licence (id, provider_id, region_id, kind, number, issued_by,
              valid_from, valid_to)
            values (:id, :p, :r, :kind, :number, :issuedBy, :from, :to)""")
        .param("id", l.id())
        .param("p", l.providerId())
        .param("r", regionId)
        .param("kind", l.kind())
        .param("number", l.number())
        .param("issuedBy", l.issuedBy())
        .param("from", l.validFrom())
        .param("to", l.validTo())
        .update();
  }

  public List<Licence> licences(UUID providerId) {
    return jdbc.sql(
            "select id, provider_id, kind, number, issued_by, valid_from, valid_to"
                + " from providers.licence where provider_id = :p order by valid_to nulls last")
        .param("p", providerId)
        .query(
            (rs, n) ->
                new Licence(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getObject(6, java.time.LocalDate.class),
                    rs.getObject(7, java.time.LocalDate.class)))
        .list();
  }

  public void insertPoint(ServicePoint p) {
    jdbc.sql(
            """
            insert into providers.service_point (id, provider_id, region_id, municipality_id, name,
              address, latitude, longitude, capacity, opening_hours, accessibility, phone)
            values (:id, :provider, :region, :municipality, :name, :address, :lat, :lon,
              :capacity, :hours, cast(:access as text[]), :phone)""")
        .param("id", p.id())
        .param("provider", p.providerId())
        .param("region", p.regionId())
        .param("municipality", p.municipalityId())
        .param("name", p.name())
        .param("address", p.address())
        .param("lat", p.latitude())
        .param("lon", p.longitude())
        .param("capacity", p.capacity())
        .param("hours", p.openingHours())
        .param("access", TextArrays.ofNames(p.accessibility()))
        .param("phone", p.phone())
        .update();
  }

  /**
   * Writes a changed service point, and moves the registered services there with it (their search
   * position and version, which tells other nodes' search indexes).
   */
  public void updatePoint(ServicePoint p) {
    jdbc.sql(
            """
            update providers.service_point set municipality_id = :municipality, name = :name,
              address = :address, latitude = :lat, longitude = :lon, capacity = :capacity,
              opening_hours = :hours, accessibility = cast(:access as text[]), phone = :phone
            where id = :id""")
        .param("id", p.id())
        .param("municipality", p.municipalityId())
        .param("name", p.name())
        .param("address", p.address())
        .param("lat", p.latitude())
        .param("lon", p.longitude())
        .param("capacity", p.capacity())
        .param("hours", p.openingHours())
        .param("access", TextArrays.ofNames(p.accessibility()))
        .param("phone", p.phone())
        .update();
    int moved =
        jdbc.sql(
                """
                update providers.registered_service set municipality_id = :municipality,
                  earth = ll_to_earth(:lat, :lon), version = version + 1
                where service_point_id = :id""")
            .param("municipality", p.municipalityId())
            .param("lat", p.latitude())
            .param("lon", p.longitude())
            .param("id", p.id())
            .update();
    if (moved > 0) {
      searchIndex.rebuildOnCommit();
    }
  }

  public List<ServicePoint> points(UUID providerId) {
    return jdbc.sql(
            "select "
                + POINT_COLUMNS
                + " from providers.service_point where provider_id = :p order by name")
        .param("p", providerId)
        .query((rs, n) -> mapPoint(rs))
        .list();
  }

  public Optional<ServicePoint> point(UUID id) {
    return jdbc.sql("select " + POINT_COLUMNS + " from providers.service_point where id = :id")
        .param("id", id)
        .query((rs, n) -> mapPoint(rs))
        .optional();
  }

  private Provider mapProvider(ResultSet rs) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    return new Provider(
        id,
        rs.getObject("region_id", UUID.class),
        rs.getString("legal_name"),
        ProviderType.valueOf(rs.getString("provider_type")),
        rs.getString("registration_number"),
        rs.getString("tax_id"),
        rs.getString("legal_address"),
        rs.getString("email"),
        rs.getString("phone"),
        rs.getString("website"),
        rs.getString("status"),
        founders(id),
        rs.getInt("version"));
  }

  private List<Provider.Founder> founders(UUID providerId) {
    return jdbc.sql(
            "select id, name, founder_type, share_percent from providers.founder"
                + " where provider_id = :p order by name")
        .param("p", providerId)
        .query(
            (rs, n) ->
                new Provider.Founder(
                    rs.getObject(1, UUID.class), rs.getString(2),
                    FounderType.valueOf(rs.getString(3)), rs.getObject(4, BigDecimal.class)))
        .list();
  }

  static ServicePoint mapPoint(ResultSet rs) throws SQLException {
    Set<Accessibility> access = EnumSet.noneOf(Accessibility.class);
    Arrays.stream((String[]) rs.getArray("accessibility").getArray())
        .map(Accessibility::valueOf)
        .forEach(access::add);
    return new ServicePoint(
        rs.getObject("id", UUID.class),
        rs.getObject("provider_id", UUID.class),
        rs.getObject("region_id", UUID.class),
        rs.getObject("municipality_id", UUID.class),
        rs.getString("name"),
        rs.getString("address"),
        rs.getDouble("latitude"),
        rs.getDouble("longitude"),
        rs.getInt("capacity"),
        rs.getString("opening_hours"),
        Set.copyOf(access),
        rs.getString("phone"));
  }
}
