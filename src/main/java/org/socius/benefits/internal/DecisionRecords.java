package org.socius.benefits.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.socius.benefits.Decision;
import org.socius.benefits.Entitlement;
import org.socius.platform.errors.ConflictException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of decisions, appeals and entitlements. A decision's explanation is kept as JSON without
 * what its programme version holds (see {@link ExplanationJson}).
 */
@Repository
public class DecisionRecords {

  /** How long a decision waits for entitlements someone else is changing. */
  private static final String LOCK_WAIT = "5s";

  private static final String LOCK_NOT_AVAILABLE = "55P03";

  private final JdbcClient jdbc;
  private final JsonMapper json;

  DecisionRecords(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** A decision as stored: the explanation without the expressions. */
  public record StoredExplanation(List<StoredCriterion> criteria, Map<String, Object> values) {}

  public record StoredCriterion(String name, boolean passed, Map<String, Object> values) {}

  public void insert(Decision d, String explanation) {
    jdbc.sql(
            """
            insert into benefits.decision (id, programme_id, programme_version_id, household_id,
              application_id, run_id, region_id, municipality_id, outcome, amount_cents,
              previous_cents, decided_on, decided_by, explanation)
            values (:id, :programme, :version, :household, :application, :run, :region,
              :municipality, :outcome, :amount, :previous, :on, :by, cast(:explanation as json))""")
        .param("id", d.id())
        .param("programme", d.programmeId())
        .param("version", d.programmeVersionId())
        .param("household", d.householdId())
        .param("application", d.applicationId())
        .param("run", d.runId())
        .param("region", d.regionId())
        .param("municipality", d.municipalityId())
        .param("outcome", d.outcome().name())
        .param("amount", d.amountCents())
        .param("previous", d.previousCents())
        .param("on", d.decidedOn())
        .param("by", d.decidedBy())
        .param("explanation", explanation)
        .update();
  }

  /** A decision as stored, with its explanation as kept (see {@link ExplanationJson}). */
  public record Row(Decision decision, String explanation) {}

  /** A row's explanation with the names its version gives the values. */
  public StoredExplanation explanation(Row row, org.socius.programmes.Programme.Version version) {
    return ExplanationJson.read(json, row.explanation(), version);
  }

  public Optional<Row> find(UUID id) {
    return jdbc.sql(
            """
            select id, programme_id, programme_version_id, household_id, application_id, run_id,
              region_id, municipality_id, outcome, amount_cents, previous_cents, decided_on,
              decided_by, explanation::text, decided_at
            from benefits.decision where id = :id""")
        .param("id", id)
        .query((rs, n) -> row(rs))
        .optional();
  }

  /** A household's decisions, newest first. */
  public List<Row> ofHousehold(UUID householdId) {
    return jdbc.sql(
            """
            select id, programme_id, programme_version_id, household_id, application_id, run_id,
              region_id, municipality_id, outcome, amount_cents, previous_cents, decided_on,
              decided_by, explanation::text, decided_at
            from benefits.decision where household_id = :h order by decided_at desc, id desc""")
        .param("h", householdId)
        .query((rs, n) -> row(rs))
        .list();
  }

  private Row row(ResultSet rs) throws SQLException {
    UUID id = rs.getObject(1, UUID.class);
    String explanation = rs.getString(14);
    Decision d =
        new Decision(
            id,
            rs.getObject(2, UUID.class),
            rs.getObject(3, UUID.class),
            rs.getObject(4, UUID.class),
            rs.getObject(5, UUID.class),
            rs.getObject(6, UUID.class),
            rs.getObject(7, UUID.class),
            rs.getObject(8, UUID.class),
            Decision.Outcome.valueOf(rs.getString(9)),
            rs.getLong(10),
            (Long) rs.getObject(11),
            rs.getObject(12, LocalDate.class),
            rs.getString(13),
            null,
            rs.getObject(15, OffsetDateTime.class),
            appeals(id));
    return new Row(d, explanation);
  }

  private List<Decision.Appeal> appeals(UUID decisionId) {
    return jdbc.sql(
            """
            select id, reason, lodged_at, lodged_by, due_on, status, resolution, resolved_by,
              new_decision_id
            from benefits.appeal where decision_id = :d order by lodged_at""")
        .param("d", decisionId)
        .query(
            (rs, n) ->
                new Decision.Appeal(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getObject(3, OffsetDateTime.class),
                    rs.getString(4),
                    rs.getObject(5, LocalDate.class),
                    Decision.AppealStatus.valueOf(rs.getString(6)),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getObject(9, UUID.class)))
        .list();
  }

  public void insertAppeal(UUID id, Decision d, String reason, String by, LocalDate dueOn) {
    jdbc.sql(
            """
            insert into benefits.appeal (id, decision_id, region_id, municipality_id, reason,
              lodged_by, due_on, status)
            values (:id, :d, :region, :municipality, :reason, :by, :due, 'OPEN')""")
        .param("id", id)
        .param("d", d.id())
        .param("region", d.regionId())
        .param("municipality", d.municipalityId())
        .param("reason", reason)
        .param("by", by)
        .param("due", dueOn)
        .update();
  }

  /** Closes an open appeal; false when it was closed already. */
  public boolean resolveAppeal(
      UUID appealId, Decision.AppealStatus status, String resolution, String by, UUID newDecision) {
    return jdbc.sql(
                """
                update benefits.appeal set status = :status, resolution = :resolution,
                  resolved_by = :by, resolved_at = now(), new_decision_id = :new
                where id = :id and status = 'OPEN'""")
            .param("id", appealId)
            .param("status", status.name())
            .param("resolution", resolution)
            .param("by", by)
            .param("new", newDecision)
            .update()
        == 1;
  }

  public Optional<UUID> decisionOfAppeal(UUID appealId) {
    return jdbc.sql("select decision_id from benefits.appeal where id = :id")
        .param("id", appealId)
        .query(UUID.class)
        .optional();
  }

  /** The entitlement in force on a date, if any, locked until the transaction ends. */
  public Optional<Entitlement> entitlementOn(UUID householdId, UUID programmeId, LocalDate on) {
    return jdbc.sql(
            """
            select id, programme_id, household_id, decision_id, amount_cents, valid_from, valid_to
            from benefits.entitlement
            where household_id = :h and programme_id = :p and valid_from <= :on
              and (valid_to is null or valid_to > :on)
            for update""")
        .param("h", householdId)
        .param("p", programmeId)
        .param("on", on)
        .query((rs, n) -> entitlement(rs))
        .optional();
  }

  /**
   * Entitlements still in force after a date, the current one and any that a recertification has
   * opened from a later date, locked until the transaction ends.
   */
  public List<Entitlement> entitlementsAfter(UUID householdId, UUID programmeId, LocalDate on) {
    // A recertification being applied holds the entitlements it has changed until it commits,
    // which may be minutes: a decision waits a few seconds for them, not for the whole run.
    jdbc.sql("set local lock_timeout = '" + LOCK_WAIT + "'").update();
    List<Entitlement> locked;
    try {
      locked =
          jdbc.sql(
                  """
            select id, programme_id, household_id, decision_id, amount_cents, valid_from, valid_to
            from benefits.entitlement
            where household_id = :h and programme_id = :p and (valid_to is null or valid_to > :on)
            order by valid_from
            for update""")
              .param("h", householdId)
              .param("p", programmeId)
              .param("on", on)
              .query((rs, n) -> entitlement(rs))
              .list();
    } catch (DataAccessException e) {
      if (e.getMostSpecificCause() instanceof SQLException sql
          && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
        throw new ConflictException("BEN-0505");
      }
      throw e;
    }
    jdbc.sql("set local lock_timeout to default").update();
    return locked;
  }

  /** What a household receives each month on a date from the programmes named, in cents. */
  public long benefitsOn(UUID householdId, Set<UUID> programmeIds, LocalDate on) {
    if (programmeIds.isEmpty()) {
      return 0;
    }
    return jdbc.sql(
            """
            select coalesce(sum(amount_cents), 0) from benefits.entitlement
            where household_id = :h and programme_id in (:p) and valid_from <= :on
              and (valid_to is null or valid_to > :on)""")
        .param("h", householdId)
        .param("p", programmeIds)
        .param("on", on)
        .query(Long.class)
        .single();
  }

  /** Holds an appeal until the transaction ends: two officers do not answer it at once. */
  public void lockAppeal(UUID appealId) {
    jdbc.sql("select id from benefits.appeal where id = :id for update")
        .param("id", appealId)
        .query(UUID.class)
        .optional();
  }

  public List<Entitlement> entitlementsOf(UUID householdId) {
    return jdbc.sql(
            """
            select id, programme_id, household_id, decision_id, amount_cents, valid_from, valid_to
            from benefits.entitlement where household_id = :h order by valid_from desc, id""")
        .param("h", householdId)
        .query((rs, n) -> entitlement(rs))
        .list();
  }

  public void insertEntitlement(Entitlement e, UUID regionId, UUID municipalityId) {
    jdbc.sql(
            """
            insert into benefits.entitlement (id, programme_id, household_id, region_id,
              municipality_id, decision_id, amount_cents, valid_from, valid_to)
            values (:id, :p, :h, :region, :municipality, :d, :amount, :from, :to)""")
        .param("id", e.id())
        .param("p", e.programmeId())
        .param("h", e.householdId())
        .param("region", regionId)
        .param("municipality", municipalityId)
        .param("d", e.decisionId())
        .param("amount", e.amountCents())
        .param("from", e.validFrom())
        .param("to", e.validTo())
        .update();
  }

  /**
   * Ends an entitlement on a date (it no longer applies from then). One ended on or before the day
   * it began never applied and is removed; the decisions that made and ended it remain.
   */
  public void endEntitlement(UUID id, LocalDate validTo) {
    int ended =
        jdbc.sql(
                "update benefits.entitlement set valid_to = :to where id = :id and valid_from < :to")
            .param("id", id)
            .param("to", validTo)
            .update();
    if (ended == 0) {
      jdbc.sql("delete from benefits.entitlement where id = :id").param("id", id).update();
    }
  }

  private static Entitlement entitlement(ResultSet rs) throws SQLException {
    return new Entitlement(
        rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class),
        rs.getObject(3, UUID.class),
        rs.getObject(4, UUID.class),
        rs.getLong(5),
        rs.getObject(6, LocalDate.class),
        rs.getObject(7, LocalDate.class));
  }
}
