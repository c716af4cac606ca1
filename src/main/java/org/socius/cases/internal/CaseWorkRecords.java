package org.socius.cases.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socius.accounts.Sector;
import org.socius.cases.Case;
import org.socius.cases.CaseFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of what gathers on a case: its team, notes, conferences, tasks, referrals and history.
 * Row-level security hides restricted notes from anyone but case workers and officers.
 */
@Repository
public class CaseWorkRecords {

  private final JdbcClient jdbc;

  CaseWorkRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void addMember(Case c, CaseFile.Member m, String joinedBy) {
    jdbc.sql(
            """
            insert into cases.case_member (id, case_id, region_id, municipality_id, user_id,
              username, display_name, sector, role_in_case, joined_at, joined_by)
            values (:id, :c, :region, :municipality, :user, :username, :name, :sector, :role,
              :at, :by)""")
        .param("id", m.id())
        .param("c", c.id())
        .param("region", c.regionId())
        .param("municipality", c.municipalityId())
        .param("user", m.userId())
        .param("username", m.username())
        .param("name", m.displayName())
        .param("sector", m.sector() == null ? null : m.sector().name())
        .param("role", m.roleInCase())
        .param("at", m.joinedAt())
        .param("by", joinedBy)
        .update();
  }

  /** Takes a member off the team; the name of who left, or none if they were not on it. */
  public Optional<String> removeMember(UUID caseId, UUID memberId, OffsetDateTime at) {
    return jdbc.sql(
            "update cases.case_member set left_at = :at"
                + " where case_id = :c and id = :id and left_at is null returning display_name")
        .param("c", caseId)
        .param("id", memberId)
        .param("at", at)
        .query(String.class)
        .optional();
  }

  public List<CaseFile.Member> team(UUID caseId) {
    return jdbc.sql(
            """
            select id, user_id, username, display_name, sector, role_in_case, joined_at
            from cases.case_member where case_id = :c and left_at is null order by joined_at""")
        .param("c", caseId)
        .query(
            (rs, n) ->
                new CaseFile.Member(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5) == null ? null : Sector.valueOf(rs.getString(5)),
                    rs.getString(6),
                    rs.getObject(7, OffsetDateTime.class)))
        .list();
  }

  public void addNote(Case c, CaseFile.Note note) {
    jdbc.sql(
            """
            insert into cases.case_note (id, case_id, region_id, municipality_id, restricted, text,
              written_at, written_by)
            values (:id, :c, :region, :municipality, :restricted, :text, :at, :by)""")
        .param("id", note.id())
        .param("c", c.id())
        .param("region", c.regionId())
        .param("municipality", c.municipalityId())
        .param("restricted", note.restricted())
        .param("text", note.text())
        .param("at", note.writtenAt())
        .param("by", note.writtenBy())
        .update();
  }

  public List<CaseFile.Note> notes(UUID caseId) {
    return jdbc.sql(
            """
            select id, restricted, text, written_at, written_by
            from cases.case_note where case_id = :c order by written_at desc""")
        .param("c", caseId)
        .query(
            (rs, n) ->
                new CaseFile.Note(
                    rs.getObject(1, UUID.class),
                    rs.getBoolean(2),
                    rs.getString(3),
                    rs.getObject(4, OffsetDateTime.class),
                    rs.getString(5)))
        .list();
  }

  public void addConference(Case c, CaseFile.Conference k, OffsetDateTime at) {
    jdbc.sql(
            """
            insert into cases.conference (id, case_id, region_id, municipality_id, held_on,
              participants, minutes, decisions, recorded_by, recorded_at)
            values (:id, :c, :region, :municipality, :held, :participants, :minutes, :decisions,
              :by, :at)""")
        .param("id", k.id())
        .param("c", c.id())
        .param("region", c.regionId())
        .param("municipality", c.municipalityId())
        .param("held", k.heldOn())
        .param("participants", k.participants())
        .param("minutes", k.minutes())
        .param("decisions", k.decisions())
        .param("by", k.recordedBy())
        .param("at", at)
        .update();
  }

  public List<CaseFile.Conference> conferences(UUID caseId) {
    return jdbc.sql(
            """
            select id, held_on, participants, minutes, decisions, recorded_by
            from cases.conference where case_id = :c order by held_on desc, recorded_at desc""")
        .param("c", caseId)
        .query(
            (rs, n) ->
                new CaseFile.Conference(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, LocalDate.class),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6)))
        .list();
  }

  public void addTask(Case c, CaseFile.Task t, OffsetDateTime at) {
    jdbc.sql(
            """
            insert into cases.task (id, case_id, region_id, municipality_id, title, assignee,
              due_on, created_by, created_at)
            values (:id, :c, :region, :municipality, :title, :assignee, :due, :by, :at)""")
        .param("id", t.id())
        .param("c", c.id())
        .param("region", c.regionId())
        .param("municipality", c.municipalityId())
        .param("title", t.title())
        .param("assignee", t.assignee())
        .param("due", t.dueOn())
        .param("by", t.createdBy())
        .param("at", at)
        .update();
  }

  public boolean completeTask(UUID caseId, UUID taskId, String by, OffsetDateTime at) {
    return jdbc.sql(
                "update cases.task set done_at = :at, done_by = :by"
                    + " where case_id = :c and id = :id and done_at is null")
            .param("c", caseId)
            .param("id", taskId)
            .param("by", by)
            .param("at", at)
            .update()
        == 1;
  }

  public List<CaseFile.Task> tasks(UUID caseId) {
    return jdbc.sql(
            """
            select id, title, assignee, due_on, done_at, done_by, created_by
            from cases.task where case_id = :c order by done_at nulls first, due_on""")
        .param("c", caseId)
        .query(
            (rs, n) ->
                new CaseFile.Task(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class),
                    rs.getObject(5, OffsetDateTime.class),
                    rs.getString(6),
                    rs.getString(7)))
        .list();
  }

  public void addReferral(Case c, CaseFile.Referral r) {
    jdbc.sql(
            """
            insert into cases.referral (id, case_id, region_id, municipality_id, to_kind, to_name,
              sector, reason, consent_id, referred_at, referred_by)
            values (:id, :c, :region, :municipality, :kind, :name, :sector, :reason, :consent,
              :at, :by)""")
        .param("id", r.id())
        .param("c", c.id())
        .param("region", c.regionId())
        .param("municipality", c.municipalityId())
        .param("kind", r.toKind().name())
        .param("name", r.toName())
        .param("sector", r.sector() == null ? null : r.sector().name())
        .param("reason", r.reason())
        .param("consent", r.consentId())
        .param("at", r.referredAt())
        .param("by", r.referredBy())
        .update();
  }

  public List<CaseFile.Referral> referrals(UUID caseId) {
    return jdbc.sql(
            """
            select id, to_kind, to_name, sector, reason, consent_id, referred_at, referred_by
            from cases.referral where case_id = :c order by referred_at desc""")
        .param("c", caseId)
        .query(
            (rs, n) ->
                new CaseFile.Referral(
                    rs.getObject(1, UUID.class),
                    CaseFile.ReferralTarget.valueOf(rs.getString(2)),
                    rs.getString(3),
                    rs.getString(4) == null ? null : Sector.valueOf(rs.getString(4)),
                    rs.getString(5),
                    rs.getObject(6, UUID.class),
                    rs.getObject(7, OffsetDateTime.class),
                    rs.getString(8)))
        .list();
  }

  public List<CaseFile.Event> history(UUID caseId) {
    return jdbc.sql(
            """
            select at, actor, kind, detail from cases.case_event where case_id = :c
            order by at desc""")
        .param("c", caseId)
        .query(
            (rs, n) ->
                new CaseFile.Event(
                    rs.getObject(1, OffsetDateTime.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4)))
        .list();
  }
}
