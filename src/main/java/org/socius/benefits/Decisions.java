package org.socius.benefits;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.socius.audit.AuditLog;
import org.socius.audit.AuditedEntity;
import org.socius.benefits.internal.DecisionRecords;
import org.socius.benefits.internal.DecisionRecords.StoredCriterion;
import org.socius.benefits.internal.ExplanationJson;
import org.socius.people.Household;
import org.socius.people.People;
import org.socius.platform.Ids;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.RequiredRoles;
import org.socius.platform.security.Role;
import org.socius.programmes.CompiledRules;
import org.socius.programmes.HouseholdFacts;
import org.socius.programmes.Programme;
import org.socius.programmes.Programmes;
import org.socius.programmes.Rules;
import org.socius.territory.WorkingDays;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decisions on households' entitlements: made by applying a programme's rules in force to the
 * household's facts of the day, kept with their explanation, and appealed. A granted decision
 * creates an entitlement from its date; a later decision that ends or changes it closes it.
 */
@Service
public class Decisions {

  private final DecisionRecords records;
  private final People people;
  private final Programmes programmes;
  private final Workflows workflows;
  private final WorkingDays workingDays;
  private final AuditLog audit;
  private final Clock clock;

  Decisions(
      DecisionRecords records,
      People people,
      Programmes programmes,
      Workflows workflows,
      WorkingDays workingDays,
      AuditLog audit,
      Clock clock) {
    this.records = records;
    this.people = people;
    this.programmes = programmes;
    this.workflows = workflows;
    this.workingDays = workingDays;
    this.audit = audit;
    this.clock = clock;
  }

  /** The outcome the rules in force give a household today, without deciding anything. */
  @Transactional(readOnly = true)
  public CompiledRules.Evaluation assess(UUID programmeId, UUID householdId) {
    LocalDate today = LocalDate.now(clock);
    Household household = people.householdOn(householdId, today);
    Programme.Version version = versionInForce(programmeId, today);
    return evaluate(programmeId, version, household, today);
  }

  /**
   * Decides on a household's entitlement today, by the rules in force, for an application (or null,
   * for an upheld appeal): grants or refuses, and opens or closes the entitlement.
   */
  @Transactional
  Decision decide(UUID programmeId, UUID householdId, UUID applicationId) {
    LocalDate today = LocalDate.now(clock);
    Household household = people.householdOn(householdId, today);
    Programme.Version version = versionInForce(programmeId, today);
    CompiledRules.Evaluation evaluation = evaluate(programmeId, version, household, today);
    boolean granted = evaluation.eligible() && evaluation.amountCents() > 0;
    // What the household receives now, and what a recertification may already have opened from
    // next month: this decision replaces both.
    List<Entitlement> inForce = records.entitlementsAfter(householdId, programmeId, today);
    var current = inForce.stream().filter(e -> !e.validFrom().isAfter(today)).findFirst();
    Decision decision =
        new Decision(
            Ids.newId(),
            programmeId,
            version.id(),
            householdId,
            applicationId,
            null,
            household.regionId(),
            household.municipalityId(),
            granted ? Decision.Outcome.GRANTED : Decision.Outcome.REFUSED,
            granted ? evaluation.amountCents() : 0,
            current.map(Entitlement::amountCents).orElse(null),
            today,
            CurrentScope.actorName(),
            null,
            null,
            List.of());
    records.insert(decision, ExplanationJson.of(evaluation));
    for (Entitlement e : inForce) {
      records.endEntitlement(e.id(), today);
    }
    if (granted) {
      records.insertEntitlement(
          new Entitlement(
              Ids.newId(),
              programmeId,
              householdId,
              decision.id(),
              evaluation.amountCents(),
              today,
              null),
          household.regionId(),
          household.municipalityId());
    }
    audit.recordChange(
        AuditedEntity.of("decision", decision.id(), decision.regionId(), decision.municipalityId()),
        "decide",
        null,
        Map.of(
            "outcome", decision.outcome(),
            "amount", decision.amount(),
            "household", householdId,
            "version", version.number()));
    return find(decision.id());
  }

  /**
   * A decision with its explanation, the criteria's expressions taken from its version; reading it
   * is audited as a read of the household.
   */
  @Transactional(readOnly = true)
  public Decision get(UUID id) {
    Decision d = find(id);
    audit.recordRead(
        AuditedEntity.of("household", d.householdId(), d.regionId(), d.municipalityId()));
    return d;
  }

  /** A decision, for this service's own work: not a read anyone made. */
  private Decision find(UUID id) {
    return withExplanation(
        records.find(id).orElseThrow(() -> new NotFoundException("decision", id)));
  }

  /** A household's decisions, newest first. */
  @Transactional(readOnly = true)
  public List<Decision> ofHousehold(UUID householdId) {
    return records.ofHousehold(householdId).stream().map(this::withExplanation).toList();
  }

  @Transactional(readOnly = true)
  public List<Entitlement> entitlementsOf(UUID householdId) {
    return records.entitlementsOf(householdId);
  }

  /** Lodges an appeal against a decision; it is answered within the workflow's working days. */
  @Transactional
  public Decision lodgeAppeal(UUID decisionId, String reason) {
    Roles.requireCaseHandler();
    Decision decision = find(decisionId);
    if (reason == null || reason.isBlank() || reason.length() > Applications.MAX_TEXT) {
      throw InvalidInputException.of("reason", "BEN-0401", Applications.MAX_TEXT);
    }
    LocalDate today = LocalDate.now(clock);
    LocalDate due =
        workingDays.addWorkingDays(
            decision.regionId(), today, workflows.of(decision.programmeId()).appealWorkingDays());
    try {
      records.insertAppeal(Ids.newId(), decision, reason.trim(), CurrentScope.actorName(), due);
    } catch (DuplicateKeyException e) {
      throw new ConflictException("BEN-0402");
    }
    audit.recordChange(
        AuditedEntity.of("decision", decisionId, decision.regionId(), decision.municipalityId()),
        "appeal",
        null,
        Map.of("reason", reason.trim(), "dueOn", due));
    return find(decisionId);
  }

  /**
   * Answers an appeal. Upheld, the household is assessed again by today's rules and facts (the
   * appeal usually brings evidence that corrected them) and a new decision is made; dismissed, the
   * decision stands. The regional officer answers.
   */
  @Transactional
  public Decision resolveAppeal(UUID decisionId, UUID appealId, boolean upheld, String resolution) {
    // Appeals are answered by the regional officer.
    RequiredRoles.anyOf(Role.REGIONAL_OFFICER);
    // An appeal is answered through its own decision: another decision's appeal is not found.
    records
        .decisionOfAppeal(appealId)
        .filter(decisionId::equals)
        .orElseThrow(() -> new NotFoundException("appeal", appealId));
    records.lockAppeal(appealId);
    Decision decision = find(decisionId);
    if (decision.appeals().stream()
        .anyMatch(a -> a.id().equals(appealId) && a.status() != Decision.AppealStatus.OPEN)) {
      throw new ConflictException("BEN-0404");
    }
    if (resolution == null || resolution.isBlank() || resolution.length() > Applications.MAX_TEXT) {
      throw InvalidInputException.of("resolution", "BEN-0403", Applications.MAX_TEXT);
    }
    UUID newDecision = null;
    if (upheld) {
      newDecision = decide(decision.programmeId(), decision.householdId(), null).id();
    }
    if (!records.resolveAppeal(
        appealId,
        upheld ? Decision.AppealStatus.UPHELD : Decision.AppealStatus.DISMISSED,
        resolution.trim(),
        CurrentScope.actorName(),
        newDecision)) {
      throw new ConflictException("BEN-0404");
    }
    audit.recordChange(
        AuditedEntity.of("decision", decisionId, decision.regionId(), decision.municipalityId()),
        upheld ? "appeal-upheld" : "appeal-dismissed",
        null,
        Map.of("resolution", resolution.trim()));
    return find(newDecision == null ? decisionId : newDecision);
  }

  private Programme.Version versionInForce(UUID programmeId, LocalDate on) {
    return programmes
        .versionOn(programmeId, on)
        .orElseThrow(() -> new ConflictException("BEN-0301", on));
  }

  private CompiledRules.Evaluation evaluate(
      UUID programmeId, Programme.Version version, Household household, LocalDate on) {
    if (household.members().isEmpty()) {
      throw new ConflictException("BEN-0302");
    }
    long otherBenefits =
        records.benefitsOn(household.id(), programmes.consideredBefore(programmeId), on);
    try {
      return programmes
          .rulesOf(version, household.regionId())
          .evaluate(
              HouseholdFacts.withOtherBenefits(HouseholdFacts.of(household, on), otherBenefits));
    } catch (CompiledRules.RuleFault e) {
      throw new ConflictException("BEN-0303", e.getMessage());
    }
  }

  private Decision withExplanation(DecisionRecords.Row row) {
    Decision d = row.decision();
    Programme.Version version = programmes.version(d.programmeVersionId());
    DecisionRecords.StoredExplanation explanation = records.explanation(row, version);
    List<Decision.Criterion> criteria = new ArrayList<>();
    for (StoredCriterion c : explanation.criteria()) {
      String expression =
          version.criteria().stream()
              .filter(v -> v.name().equals(c.name()))
              .map(Rules.Criterion::expression)
              .findFirst()
              .orElse("");
      criteria.add(new Decision.Criterion(c.name(), expression, c.passed(), c.values()));
    }
    return new Decision(
        d.id(),
        d.programmeId(),
        d.programmeVersionId(),
        d.householdId(),
        d.applicationId(),
        d.runId(),
        d.regionId(),
        d.municipalityId(),
        d.outcome(),
        d.amountCents(),
        d.previousCents(),
        d.decidedOn(),
        d.decidedBy(),
        new Decision.Explanation(criteria, version.formula(), explanation.values()),
        d.decidedAt(),
        d.appeals());
  }
}
