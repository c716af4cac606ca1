package org.socius.delivery.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socius.delivery.Voucher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of voucher schemes, vouchers and their redemptions. */
@Repository
public class VoucherRecords {

  private static final String VOUCHER_COLUMNS =
      """
      v.id, v.code, v.person_id, v.holder_name, v.region_id, v.municipality_id, v.issued_on,
      v.expires_on, v.initial, v.remaining, v.status, v.issued_by, v.version,
      s.id as s_id, s.region_id as s_region, s.name, s.kind, s.face, s.validity_days, s.partial,
      s.service_type_ids""";

  private static final String SCHEME =
      """
      select id as s_id, region_id as s_region, name, kind, face, validity_days, partial,
        service_type_ids
      from delivery.voucher_scheme""";

  private final JdbcClient jdbc;

  VoucherRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insertScheme(Voucher.Scheme s, OffsetDateTime at, String by) {
    jdbc.sql(
            """
            insert into delivery.voucher_scheme (id, region_id, name, kind, face, validity_days,
              partial, service_type_ids, created_at, created_by)
            values (:id, :r, :name, :kind, :face, :days, :partial, cast(:types as uuid[]), :at,
              :by)""")
        .param("id", s.id())
        .param("r", s.regionId())
        .param("name", s.name())
        .param("kind", s.kind().name())
        .param("face", s.face())
        .param("days", s.validityDays())
        .param("partial", s.partial())
        .param(
            "types",
            "{" + String.join(",", s.serviceTypeIds().stream().map(UUID::toString).toList()) + "}")
        .param("at", at)
        .param("by", by)
        .update();
  }

  public List<Voucher.Scheme> schemes(UUID regionId) {
    return jdbc.sql(SCHEME + " where region_id = :r order by name")
        .param("r", regionId)
        .query((rs, n) -> scheme(rs))
        .list();
  }

  public Optional<Voucher.Scheme> scheme(UUID id) {
    return jdbc.sql(SCHEME + " where id = :id")
        .param("id", id)
        .query((rs, n) -> scheme(rs))
        .optional();
  }

  public void insert(Voucher v) {
    jdbc.sql(
            """
            insert into delivery.voucher (id, code, scheme_id, person_id, holder_name, region_id,
              municipality_id, issued_on, expires_on, initial, remaining, status, issued_by)
            values (:id, :code, :scheme, :person, :holder, :r, :m, :issued, :expires, :initial,
              :initial, 'ACTIVE', :by)""")
        .param("id", v.id())
        .param("code", v.code())
        .param("scheme", v.scheme().id())
        .param("person", v.personId())
        .param("holder", v.holderName())
        .param("r", v.regionId())
        .param("m", v.municipalityId())
        .param("issued", v.issuedOn())
        .param("expires", v.expiresOn())
        .param("initial", v.initial())
        .param("by", v.issuedBy())
        .update();
  }

  public Optional<Voucher> find(UUID id) {
    return list("v.id = :id", Map.of("id", id)).stream().findFirst();
  }

  public Optional<Voucher> byCode(String code) {
    return list("v.code = :code", Map.of("code", code)).stream().findFirst();
  }

  public List<Voucher> ofPerson(UUID personId) {
    return list("v.person_id = :p order by v.issued_on desc", Map.of("p", personId));
  }

  /**
   * Takes what a redemption uses, if the voucher still holds it and is active; the row's lock makes
   * concurrent redemptions of one voucher wait for each other and see what the first left.
   */
  public boolean take(UUID voucherId, BigDecimal used, boolean partial) {
    return jdbc.sql(
                """
                update delivery.voucher set remaining = remaining - :used,
                  status = case when remaining = :used then 'SPENT' else 'ACTIVE' end,
                  version = version + 1
                where id = :id and status = 'ACTIVE' and remaining >= :used
                  and (:partial or remaining = :used)""")
            .param("used", used)
            .param("partial", partial)
            .param("id", voucherId)
            .update()
        == 1;
  }

  public void insertRedemption(
      UUID id,
      Voucher v,
      UUID providerId,
      UUID registeredServiceId,
      UUID serviceTypeId,
      String serviceName,
      BigDecimal used,
      BigDecimal unitPrice,
      OffsetDateTime at,
      String by) {
    jdbc.sql(
            """
            insert into delivery.redemption (id, voucher_id, region_id, municipality_id,
              provider_id, registered_service_id, service_type_id, service_name, used, unit_price,
              redeemed_at, redeemed_by)
            values (:id, :v, :r, :m, :p, :rs, :type, :name, :used, :price, :at, :by)""")
        .param("id", id)
        .param("v", v.id())
        .param("r", v.regionId())
        .param("m", v.municipalityId())
        .param("p", providerId)
        .param("rs", registeredServiceId)
        .param("type", serviceTypeId)
        .param("name", serviceName)
        .param("used", used)
        .param("price", unitPrice)
        .param("at", at)
        .param("by", by)
        .update();
  }

  private List<Voucher> list(String where, Map<String, Object> params) {
    return jdbc.sql(
            "select "
                + VOUCHER_COLUMNS
                + " from delivery.voucher v join delivery.voucher_scheme s on s.id = v.scheme_id"
                + " where "
                + where)
        .params(params)
        .query((rs, n) -> voucher(rs))
        .list();
  }

  private static Voucher voucher(ResultSet rs) throws SQLException {
    return new Voucher(
        rs.getObject("id", UUID.class),
        rs.getString("code"),
        scheme(rs),
        rs.getObject("person_id", UUID.class),
        rs.getString("holder_name"),
        rs.getObject("region_id", UUID.class),
        rs.getObject("municipality_id", UUID.class),
        rs.getObject("issued_on", LocalDate.class),
        rs.getObject("expires_on", LocalDate.class),
        rs.getBigDecimal("initial"),
        rs.getBigDecimal("remaining"),
        Voucher.Status.valueOf(rs.getString("status")),
        rs.getString("issued_by"),
        rs.getInt("version"));
  }

  private static Voucher.Scheme scheme(ResultSet rs) throws SQLException {
    UUID[] types = (UUID[]) rs.getArray("service_type_ids").getArray();
    return new Voucher.Scheme(
        rs.getObject("s_id", UUID.class),
        rs.getObject("s_region", UUID.class),
        rs.getString("name"),
        Voucher.Kind.valueOf(rs.getString("kind")),
        rs.getBigDecimal("face"),
        rs.getInt("validity_days"),
        rs.getBoolean("partial"),
        Arrays.asList(types));
  }
}
