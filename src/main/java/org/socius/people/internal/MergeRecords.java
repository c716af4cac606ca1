package org.socius.people.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socius.people.PersonMerge;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of merging duplicate records of a person. */
@Repository
public class MergeRecords {

  private static final String COLUMNS =
      "id, kept_id, duplicate_id, reason, status, proposed_by, proposed_at, decided_by, note";

  private final JdbcClient jdbc;

  MergeRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(PersonMerge m, UUID regionId, UUID municipalityId) {
    jdbc.sql(
            """
            insert into people.merge (id, kept_id, duplicate_id, region_id, municipality_id, reason,
              status, proposed_by)
            values (:id, :kept, :duplicate, :region, :municipality, :reason, 'PROPOSED', :by)""")
        .param("id", m.id())
        .param("kept", m.keptId())
        .param("duplicate", m.duplicateId())
        .param("region", regionId)
        .param("municipality", municipalityId)
        .param("reason", m.reason())
        .param("by", m.proposedBy())
        .update();
  }

  public Optional<PersonMerge> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from people.merge where id = :id")
        .param("id", id)
        .query((rs, n) -> map(rs))
        .optional();
  }

  /** Merges that involve a person, either way, newest first. */
  public List<PersonMerge> involving(UUID personId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from people.merge where kept_id = :p or duplicate_id = :p"
                + " order by proposed_at desc")
        .param("p", personId)
        .query((rs, n) -> map(rs))
        .list();
  }

  /**
   * Proposals waiting for review in the caller's territory, oldest first: those whose two records
   * the caller sees (row-level security on persons hides the rest, which are reviewed where the
   * duplicate lives).
   */
  public List<PersonMerge> proposed() {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from people.merge m where status = 'PROPOSED'"
                + " and exists (select 1 from people.person k where k.id = m.kept_id)"
                + " and exists (select 1 from people.person d where d.id = m.duplicate_id)"
                + " order by proposed_at")
        .query((rs, n) -> map(rs))
        .list();
  }

  public boolean decide(UUID id, PersonMerge.Status status, String by, String note) {
    return jdbc.sql(
                """
                update people.merge set status = :status, decided_by = :by, decided_at = now(),
                  note = :note
                where id = :id and status = 'PROPOSED'""")
            .param("id", id)
            .param("status", status.name())
            .param("by", by)
            .param("note", note)
            .update()
        == 1;
  }

  /** Whether a merge of {@code duplicateId} into {@code keptId} waits for review. */
  public boolean isProposed(UUID keptId, UUID duplicateId) {
    return jdbc.sql(
                "select count(*) from people.merge where kept_id = :k and duplicate_id = :d"
                    + " and status = 'PROPOSED'")
            .param("k", keptId)
            .param("d", duplicateId)
            .query(Long.class)
            .single()
        > 0;
  }

  public boolean isMerged(UUID personId) {
    return jdbc.sql(
                "select count(*) from people.merge where duplicate_id = :p and status = 'MERGED'")
            .param("p", personId)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Months and sources both records have an income for, with different amounts. */
  public List<String> conflictingIncomes(UUID keptId, UUID duplicateId) {
    return jdbc.sql(
            """
            select to_char(d.month, 'YYYY-MM') || ' ' || d.source
            from people.income d join people.income k
              on k.person_id = :kept and k.month = d.month and k.source = d.source
            where d.person_id = :duplicate and k.amount <> d.amount
            order by d.month, d.source""")
        .param("kept", keptId)
        .param("duplicate", duplicateId)
        .query(String.class)
        .list();
  }

  /** The duplicate's incomes become the kept person's; those both had alike are kept once. */
  public void moveIncomes(UUID keptId, UUID duplicateId, UUID regionId, UUID municipalityId) {
    jdbc.sql(
            """
            delete from people.income d using people.income k
            where d.person_id = :duplicate and k.person_id = :kept and k.month = d.month
              and k.source = d.source and k.amount = d.amount""")
        .param("kept", keptId)
        .param("duplicate", duplicateId)
        .update();
    jdbc.sql(
            """
            update people.income set person_id = :kept, region_id = :region,
              municipality_id = :municipality
            where person_id = :duplicate""")
        .param("kept", keptId)
        .param("duplicate", duplicateId)
        .param("region", regionId)
        .param("municipality", municipalityId)
        .update();
  }

  /** The duplicate's household memberships become the kept person's. */
  public void moveMemberships(UUID keptId, UUID duplicateId) {
    jdbc.sql("update people.household_member set person_id = :kept where person_id = :duplicate")
        .param("kept", keptId)
        .param("duplicate", duplicateId)
        .update();
  }

  /** The kept person takes the duplicate's identifier when they had none. */
  public void moveIdentifier(UUID keptId, UUID duplicateId, String by) {
    String identifier =
        jdbc.sql("select identifier from people.person where id = :d")
            .param("d", duplicateId)
            .query(String.class)
            .optional()
            .orElse(null);
    if (identifier == null) {
      return;
    }
    jdbc.sql(
            "update people.person set identifier = null, changed_by = :by, version = version + 1"
                + " where id = :d")
        .param("d", duplicateId)
        .param("by", by)
        .update();
    jdbc.sql(
            "update people.person set identifier = :i, changed_by = :by, version = version + 1"
                + " where id = :k and identifier is null")
        .param("k", keptId)
        .param("i", identifier)
        .param("by", by)
        .update();
  }

  /** Municipalities of the households the person has belonged to. */
  public List<UUID> householdMunicipalities(UUID personId) {
    return jdbc.sql(
            "select distinct municipality_id from people.household_member where person_id = :p")
        .param("p", personId)
        .query(UUID.class)
        .list();
  }

  /** Holds both records until the transaction ends: a merge and a change do not cross. */
  public void lock(UUID a, UUID b) {
    jdbc.sql("select id from people.person where id in (:a, :b) order by id for update")
        .param("a", a)
        .param("b", b)
        .query(UUID.class)
        .list();
  }

  private static PersonMerge map(ResultSet rs) throws SQLException {
    return new PersonMerge(
        rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class),
        rs.getObject(3, UUID.class),
        rs.getString(4),
        PersonMerge.Status.valueOf(rs.getString(5)),
        rs.getString(6),
        rs.getObject(7, OffsetDateTime.class),
        rs.getString(8),
        rs.getString(9));
  }
}
