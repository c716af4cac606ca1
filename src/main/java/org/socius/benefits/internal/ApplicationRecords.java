package org.socius.benefits.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.socius.benefits.Application;
import org.socius.benefits.Application.Channel;
import org.socius.benefits.Application.Status;
import org.socius.benefits.ApplicationSummary;
import org.socius.benefits.Workflow;
import org.socius.platform.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of applications, their steps, evidence, public notices and objections. */
@Repository("benefitApplicationRecords")
public class ApplicationRecords {

  private static final String COLUMNS =
      "id, reference, programme_id, household_id, applicant_id, region_id, municipality_id,"
          + " channel, representative, urgent, language, status, current_step, submitted_at,"
          + " submitted_by, decision_id, version";

  private final JdbcClient jdbc;

  ApplicationRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The next reference, such as {@code A-2026-000042}: what the public sees instead of a name. */
  public String nextReference(int year) {
    long n = jdbc.sql("select nextval('benefits.application_number')").query(Long.class).single();
    return "A-%d-%06d".formatted(year, n);
  }

  public void insert(Application a) {
    jdbc.sql(
            """
            insert into benefits.application (id, reference, programme_id, household_id,
              applicant_id, region_id, municipality_id, channel, representative, urgent, language,
              status, current_step, submitted_at, submitted_by)
            values (:id, :reference, :programme, :household, :applicant, :region, :municipality,
              :channel, :representative, :urgent, :language, :status, :step, :at, :by)""")
        .param("id", a.id())
        .param("reference", a.reference())
        .param("programme", a.programmeId())
        .param("household", a.householdId())
        .param("applicant", a.applicantId())
        .param("region", a.regionId())
        .param("municipality", a.municipalityId())
        .param("channel", a.channel().name())
        .param("representative", a.representative())
        .param("urgent", a.urgent())
        .param("language", a.language())
        .param("status", a.status().name())
        .param("step", a.currentStep())
        .param("at", a.submittedAt())
        .param("by", a.submittedBy())
        .update();
    for (Application.Step s : a.steps()) {
      jdbc.sql(
              """
              insert into benefits.application_step (application_id, position, kind, role,
                working_days, region_id, municipality_id, started_at, due_at)
              values (:a, :position, :kind, :role, :days, :region, :municipality, :started, :due)""")
          .param("a", a.id())
          .param("position", s.position())
          .param("kind", s.kind().name())
          .param("role", s.role().name())
          .param("days", s.workingDays())
          .param("region", a.regionId())
          .param("municipality", a.municipalityId())
          .param("started", s.startedAt())
          .param("due", s.dueAt())
          .update();
    }
  }

  /**
   * Moves an application on, if it is still at the version the caller saw: the current step is
   * completed and the next one (if any) started; false when someone else moved it first.
   */
  public boolean advance(
      UUID id,
      int expectedVersion,
      int completedStep,
      String note,
      String actor,
      OffsetDateTime now,
      Integer nextStep,
      OffsetDateTime nextDue,
      Status status,
      UUID decisionId) {
    int changed =
        jdbc.sql(
                """
                update benefits.application set current_step = :next, status = :status,
                  decision_id = coalesce(:decision, decision_id), version = version + 1
                where id = :id and version = :v and status = 'IN_PROGRESS'""")
            .param("id", id)
            .param("v", expectedVersion)
            .param("next", nextStep)
            .param("status", status.name())
            .param("decision", decisionId)
            .update();
    if (changed == 0) {
      return false;
    }
    jdbc.sql(
            """
            update benefits.application_step set completed_at = :now, completed_by = :by, note = :note
            where application_id = :id and position = :p""")
        .param("id", id)
        .param("p", completedStep)
        .param("now", now)
        .param("by", actor)
        .param("note", note)
        .update();
    if (nextStep != null) {
      jdbc.sql(
              """
              update benefits.application_step set started_at = :now,
                due_at = coalesce(due_at, :due)
              where application_id = :id and position = :p""")
          .param("id", id)
          .param("p", nextStep)
          .param("now", now)
          .param("due", nextDue)
          .update();
    }
    return true;
  }

  /** Holds an application until the transaction ends: its steps are taken one at a time. */
  public void lock(UUID id) {
    jdbc.sql("select id from benefits.application where id = :id for update")
        .param("id", id)
        .query(UUID.class)
        .optional();
  }

  /** A withdrawn application's notice closes: no more objections to a proposal nobody makes. */
  public void closeNotice(UUID applicationId, LocalDate lastDay) {
    jdbc.sql(
            "update benefits.public_notice set ends_on = least(ends_on, :last)"
                + " where application_id = :a")
        .param("a", applicationId)
        .param("last", lastDay)
        .update();
  }

  public boolean withdraw(UUID id, int expectedVersion) {
    return jdbc.sql(
                """
                update benefits.application set status = 'WITHDRAWN', current_step = null,
                  version = version + 1
                where id = :id and version = :v and status = 'IN_PROGRESS'""")
            .param("id", id)
            .param("v", expectedVersion)
            .update()
        == 1;
  }

  public Optional<Application> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from benefits.application where id = :id")
        .param("id", id)
        .query((rs, n) -> map(rs))
        .optional();
  }

  private static final String SUMMARIES =
      """
      select a.id, a.reference, a.programme_id, a.household_id, a.applicant_id, a.status,
        a.urgent, a.submitted_at, s.kind, s.role, s.due_at
      from benefits.application a
      left join benefits.application_step s
        on s.application_id = a.id and s.position = a.current_step
      where (cast(:status as text) is null or a.status = cast(:status as text))
        and (cast(:programme as uuid) is null or a.programme_id = cast(:programme as uuid))
      order by a.submitted_at desc, a.id""";

  /** Applications the caller may see (row-level security), newest first, optionally filtered. */
  public List<ApplicationSummary> list(Status status, UUID programmeId, int offset, int limit) {
    return jdbc.sql(SUMMARIES + " offset :offset limit :limit")
        .param("status", status == null ? null : status.name())
        .param("programme", programmeId)
        .param("offset", offset)
        .param("limit", limit)
        .query((rs, n) -> summary(rs))
        .list();
  }

  /** Every application of {@link #list}, in its order, one at a time: for an export. */
  public void forEach(Status status, UUID programmeId, Consumer<ApplicationSummary> sink) {
    try (var rows =
        jdbc
            .sql(SUMMARIES)
            .param("status", status == null ? null : status.name())
            .param("programme", programmeId)
            .withFetchSize(1000)
            .query((rs, n) -> summary(rs))
            .stream()) {
      rows.forEach(sink);
    }
  }

  private static ApplicationSummary summary(ResultSet rs) throws SQLException {
    return new ApplicationSummary(
        rs.getObject(1, UUID.class),
        rs.getString(2),
        rs.getObject(3, UUID.class),
        rs.getObject(4, UUID.class),
        rs.getObject(5, UUID.class),
        Status.valueOf(rs.getString(6)),
        rs.getBoolean(7),
        rs.getObject(8, OffsetDateTime.class),
        rs.getString(9) == null ? null : Workflow.StepKind.valueOf(rs.getString(9)),
        rs.getString(10) == null ? null : Role.valueOf(rs.getString(10)),
        rs.getObject(11, OffsetDateTime.class));
  }

  public long count(Status status, UUID programmeId) {
    return jdbc.sql(
            """
            select count(*) from benefits.application a
            where (cast(:status as text) is null or a.status = cast(:status as text))
              and (cast(:programme as uuid) is null or a.programme_id = cast(:programme as uuid))""")
        .param("status", status == null ? null : status.name())
        .param("programme", programmeId)
        .query(Long.class)
        .single();
  }

  public void insertEvidence(Application a, Application.Evidence e) {
    jdbc.sql(
            """
            insert into benefits.evidence (id, application_id, region_id, municipality_id, kind,
              description, received_on, recorded_by)
            values (:id, :a, :region, :municipality, :kind, :description, :received, :by)""")
        .param("id", e.id())
        .param("a", a.id())
        .param("region", a.regionId())
        .param("municipality", a.municipalityId())
        .param("kind", e.kind().name())
        .param("description", e.description())
        .param("received", e.receivedOn())
        .param("by", e.recordedBy())
        .update();
  }

  public void insertNotice(Application a, Application.Notice n) {
    jdbc.sql(
            """
            insert into benefits.public_notice (application_id, region_id, municipality_id,
              reference, programme_name, municipality_name, household_size, eligible, amount_cents,
              published_on, ends_on)
            values (:a, :region, :municipality, :reference, :programme, :place, :size, :eligible,
              :amount, :published, :ends)""")
        .param("a", a.id())
        .param("region", a.regionId())
        .param("municipality", a.municipalityId())
        .param("reference", n.reference())
        .param("programme", n.programmeName())
        .param("place", n.municipalityName())
        .param("size", n.householdSize())
        .param("eligible", n.eligible())
        .param("amount", n.amountCents())
        .param("published", n.publishedOn())
        .param("ends", n.endsOn())
        .update();
  }

  /** Notices still open for objections on a date, as anyone may read them. */
  public List<Application.Notice> openNotices(LocalDate on) {
    return jdbc.sql(
            """
            select reference, programme_name, municipality_name, household_size, eligible,
              amount_cents, published_on, ends_on
            from benefits.public_notice where ends_on >= :on and published_on <= :on
            order by published_on desc, reference""")
        .param("on", on)
        .query((rs, n) -> notice(rs))
        .list();
  }

  /** The application a notice belongs to, by its public reference. */
  public Optional<UUID> applicationOfNotice(String reference) {
    return jdbc.sql("select application_id from benefits.public_notice where reference = :r")
        .param("r", reference)
        .query(UUID.class)
        .optional();
  }

  public Optional<Application.Notice> notice(UUID applicationId) {
    return jdbc.sql(
            """
            select reference, programme_name, municipality_name, household_size, eligible,
              amount_cents, published_on, ends_on
            from benefits.public_notice where application_id = :a""")
        .param("a", applicationId)
        .query((rs, n) -> notice(rs))
        .optional();
  }

  public void insertObjection(
      UUID id, UUID applicationId, UUID regionId, UUID municipalityId, String text) {
    jdbc.sql(
            """
            insert into benefits.objection (id, application_id, region_id, municipality_id, text)
            values (:id, :a, :region, :municipality, :text)""")
        .param("id", id)
        .param("a", applicationId)
        .param("region", regionId)
        .param("municipality", municipalityId)
        .param("text", text)
        .update();
  }

  public boolean answerObjection(UUID applicationId, UUID objectionId, String answer, String by) {
    return jdbc.sql(
                """
                update benefits.objection set answer = :answer, answered_by = :by, answered_at = now()
                where id = :id and application_id = :a and answered_at is null""")
            .param("id", objectionId)
            .param("a", applicationId)
            .param("answer", answer)
            .param("by", by)
            .update()
        == 1;
  }

  private Application map(ResultSet rs) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    return new Application(
        id,
        rs.getString("reference"),
        rs.getObject("programme_id", UUID.class),
        rs.getObject("household_id", UUID.class),
        rs.getObject("applicant_id", UUID.class),
        rs.getObject("region_id", UUID.class),
        rs.getObject("municipality_id", UUID.class),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("representative"),
        rs.getBoolean("urgent"),
        rs.getString("language"),
        Status.valueOf(rs.getString("status")),
        (Integer) rs.getObject("current_step"),
        rs.getObject("submitted_at", OffsetDateTime.class),
        rs.getString("submitted_by"),
        rs.getObject("decision_id", UUID.class),
        rs.getInt("version"),
        steps(id),
        evidence(id),
        objections(id),
        notice(id));
  }

  private List<Application.Step> steps(UUID id) {
    return jdbc.sql(
            """
            select position, kind, role, working_days, started_at, due_at, completed_at,
              completed_by, note
            from benefits.application_step where application_id = :a order by position""")
        .param("a", id)
        .query(
            (rs, n) ->
                new Application.Step(
                    rs.getInt(1),
                    Workflow.StepKind.valueOf(rs.getString(2)),
                    Role.valueOf(rs.getString(3)),
                    rs.getInt(4),
                    rs.getObject(5, OffsetDateTime.class),
                    rs.getObject(6, OffsetDateTime.class),
                    rs.getObject(7, OffsetDateTime.class),
                    rs.getString(8),
                    rs.getString(9)))
        .list();
  }

  private List<Application.Evidence> evidence(UUID id) {
    return jdbc.sql(
            """
            select id, kind, description, received_on, recorded_by from benefits.evidence
            where application_id = :a order by recorded_at, id""")
        .param("a", id)
        .query(
            (rs, n) ->
                new Application.Evidence(
                    rs.getObject(1, UUID.class),
                    Application.EvidenceKind.valueOf(rs.getString(2)),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class),
                    rs.getString(5)))
        .list();
  }

  private List<Application.Objection> objections(UUID id) {
    return jdbc.sql(
            """
            select id, text, received_at, answered_at, answered_by, answer from benefits.objection
            where application_id = :a order by received_at, id""")
        .param("a", id)
        .query(
            (rs, n) ->
                new Application.Objection(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getObject(3, OffsetDateTime.class),
                    rs.getObject(4, OffsetDateTime.class),
                    rs.getString(5),
                    rs.getString(6)))
        .list();
  }

  private static Application.Notice notice(ResultSet rs) throws SQLException {
    return new Application.Notice(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getInt(4),
        rs.getBoolean(5),
        rs.getLong(6),
        rs.getObject(7, LocalDate.class),
        rs.getObject(8, LocalDate.class));
  }
}
