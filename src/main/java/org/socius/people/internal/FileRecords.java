package org.socius.people.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socius.people.PeopleKinds.AssetKind;
import org.socius.people.PeopleKinds.ConsentPurpose;
import org.socius.people.PeopleKinds.DocumentKind;
import org.socius.people.Person;
import org.socius.people.PersonFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of a person's assets, consents and documents. */
@Repository
public class FileRecords {

  private final JdbcClient jdbc;

  FileRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insertAsset(Person p, PersonFile.Asset a) {
    jdbc.sql(
            """
            insert into people.asset (id, person_id, region_id, municipality_id, kind, description,
              value, held_from, recorded_by)
            values (:id, :p, :region, :municipality, :kind, :description, :value, :from, :by)""")
        .param("id", a.id())
        .param("p", p.id())
        .param("region", p.regionId())
        .param("municipality", p.municipalityId())
        .param("kind", a.kind().name())
        .param("description", a.description())
        .param("value", a.value())
        .param("from", a.heldFrom())
        .param("by", a.recordedBy())
        .update();
  }

  /** Ends holding an asset; false when it was ended already or the date is not after its start. */
  public boolean endAsset(UUID personId, UUID assetId, LocalDate heldTo) {
    return jdbc.sql(
                """
                update people.asset set held_to = :to
                where id = :id and person_id = :p and held_to is null and held_from < :to""")
            .param("id", assetId)
            .param("p", personId)
            .param("to", heldTo)
            .update()
        == 1;
  }

  public List<PersonFile.Asset> assets(UUID personId) {
    return jdbc.sql(
            """
            select id, kind, description, value, held_from, held_to, recorded_by from people.asset
            where person_id = :p order by held_to nulls first, held_from desc""")
        .param("p", personId)
        .query(
            (rs, n) ->
                new PersonFile.Asset(
                    rs.getObject(1, UUID.class),
                    AssetKind.valueOf(rs.getString(2)),
                    rs.getString(3),
                    rs.getBigDecimal(4),
                    rs.getObject(5, LocalDate.class),
                    rs.getObject(6, LocalDate.class),
                    rs.getString(7)))
        .list();
  }

  /** The value, in cents, of what a person held on a date. */
  public long assetsValue(UUID personId, LocalDate on) {
    BigDecimal value =
        jdbc.sql(
                """
                select coalesce(sum(value), 0) from people.asset
                where person_id = :p and held_from <= :on and (held_to is null or held_to > :on)""")
            .param("p", personId)
            .param("on", on)
            .query(BigDecimal.class)
            .single();
    return value.movePointRight(2).longValueExact();
  }

  public void insertConsent(Person p, PersonFile.Consent c) {
    jdbc.sql(
            """
            insert into people.consent (id, person_id, region_id, municipality_id, purpose,
              given_on, recorded_by)
            values (:id, :p, :region, :municipality, :purpose, :on, :by)""")
        .param("id", c.id())
        .param("p", p.id())
        .param("region", p.regionId())
        .param("municipality", p.municipalityId())
        .param("purpose", c.purpose().name())
        .param("on", c.givenOn())
        .param("by", c.recordedBy())
        .update();
  }

  public boolean withdrawConsent(UUID personId, UUID consentId, LocalDate on) {
    return jdbc.sql(
                """
                update people.consent set withdrawn_on = :on
                where id = :id and person_id = :p and withdrawn_on is null and given_on <= :on""")
            .param("id", consentId)
            .param("p", personId)
            .param("on", on)
            .update()
        == 1;
  }

  public List<PersonFile.Consent> consents(UUID personId) {
    return jdbc.sql(
            """
            select id, purpose, given_on, withdrawn_on, recorded_by from people.consent
            where person_id = :p order by given_on desc, id""")
        .param("p", personId)
        .query(
            (rs, n) ->
                new PersonFile.Consent(
                    rs.getObject(1, UUID.class),
                    ConsentPurpose.valueOf(rs.getString(2)),
                    rs.getObject(3, LocalDate.class),
                    rs.getObject(4, LocalDate.class),
                    rs.getString(5)))
        .list();
  }

  public Optional<PersonFile.Consent> consentInForce(UUID personId, ConsentPurpose purpose) {
    return consents(personId).stream()
        .filter(c -> c.purpose() == purpose && c.inForce())
        .findFirst();
  }

  public void insertDocument(Person p, PersonFile.Document d, PersonFile.Scan scan) {
    jdbc.sql(
            """
            insert into people.document (id, person_id, region_id, municipality_id, kind, number,
              issued_on, expires_on, recorded_by, file_name, content_type, content)
            values (:id, :p, :region, :municipality, :kind, :number, :issued, :expires, :by,
              :fileName, :type, :content)""")
        .param("fileName", scan == null ? null : scan.fileName())
        .param("type", scan == null ? null : scan.contentType())
        .param("content", scan == null ? null : scan.content())
        .param("id", d.id())
        .param("p", p.id())
        .param("region", p.regionId())
        .param("municipality", p.municipalityId())
        .param("kind", d.kind().name())
        .param("number", d.number())
        .param("issued", d.issuedOn())
        .param("expires", d.expiresOn())
        .param("by", d.recordedBy())
        .update();
  }

  public List<PersonFile.Document> documents(UUID personId) {
    return jdbc.sql(
            """
            select id, kind, number, issued_on, expires_on, recorded_by, file_name
            from people.document where person_id = :p order by recorded_at desc, id""")
        .param("p", personId)
        .query(
            (rs, n) ->
                new PersonFile.Document(
                    rs.getObject(1, UUID.class),
                    DocumentKind.valueOf(rs.getString(2)),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class),
                    rs.getObject(5, LocalDate.class),
                    rs.getString(6),
                    rs.getString(7)))
        .list();
  }

  public Optional<PersonFile.Scan> scan(UUID personId, UUID documentId) {
    return jdbc.sql(
            """
            select file_name, content_type, content from people.document
            where id = :d and person_id = :p and content is not null""")
        .param("d", documentId)
        .param("p", personId)
        .query((rs, n) -> new PersonFile.Scan(rs.getString(1), rs.getString(2), rs.getBytes(3)))
        .optional();
  }

  /** A person's file follows them to the territory they now live in. */
  public void move(UUID personId, UUID regionId, UUID municipalityId) {
    for (String table : List.of("asset", "consent", "document")) {
      jdbc.sql(
              "update people."
                  + table
                  + " set region_id = :r, municipality_id = :m where person_id = :p")
          .param("p", personId)
          .param("r", regionId)
          .param("m", municipalityId)
          .update();
    }
  }

  /**
   * A merged duplicate's assets and documents pass to the person kept, and its consents where the
   * person kept has none of that purpose in force.
   */
  public void mergeInto(UUID keptId, UUID duplicateId, UUID regionId, UUID municipalityId) {
    jdbc.sql(
            """
            update people.consent d set person_id = :kept, region_id = :r, municipality_id = :m
            where d.person_id = :dup and (d.withdrawn_on is not null or not exists (
              select 1 from people.consent k where k.person_id = :kept and k.purpose = d.purpose
                and k.withdrawn_on is null))""")
        .param("kept", keptId)
        .param("dup", duplicateId)
        .param("r", regionId)
        .param("m", municipalityId)
        .update();
    for (String table : List.of("asset", "document")) {
      jdbc.sql(
              "update people."
                  + table
                  + " set person_id = :kept, region_id = :r, municipality_id = :m"
                  + " where person_id = :dup")
          .param("kept", keptId)
          .param("dup", duplicateId)
          .param("r", regionId)
          .param("m", municipalityId)
          .update();
    }
  }
}
