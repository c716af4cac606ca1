package org.socius.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.socius.audit.AuditLog;
import org.socius.audit.AuditedEntity;
import org.socius.cases.internal.AssessmentRecords;
import org.socius.platform.Ids;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.RequiredRoles;
import org.socius.platform.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessment instruments and the assessments made with them. An instrument is data: the ministry
 * adds a version, which is checked whole before it is kept and never changes afterwards; an
 * assessment keeps the version it was scored with, so that its scores read the same years later.
 */
@Service
public class Assessments {

  private final AssessmentRecords records;
  private final Cases cases;
  private final AuditLog audit;
  private final Clock clock;

  Assessments(AssessmentRecords records, Cases cases, AuditLog audit, Clock clock) {
    this.records = records;
    this.cases = cases;
    this.audit = audit;
    this.clock = clock;
  }

  /** The newest version of every instrument. */
  @Transactional(readOnly = true)
  public List<Instrument> instruments() {
    return records.latestInstruments();
  }

  @Transactional(readOnly = true)
  public Instrument instrument(UUID id) {
    return records.instrument(id).orElseThrow(() -> new NotFoundException("instrument", id));
  }

  /** Adds the next version of an instrument (the first, for a new code). */
  @Transactional
  public Instrument define(String code, Instrument.Definition definition) {
    RequiredRoles.anyOf(Role.MINISTRY_ANALYST);
    List<Finding> findings = new ArrayList<>();
    if (code == null || !code.matches("[A-Z0-9-]{2,32}")) {
      findings.add(Finding.of("code", "CAS-0710"));
    }
    if (definition == null) {
      findings.add(Finding.of("definition", "CAS-0702"));
    } else {
      findings.addAll(Instrument.problems(definition));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    Instrument i =
        new Instrument(
            Ids.newId(),
            code,
            records.latestVersion(code) + 1,
            definition.name().trim(),
            definition);
    records.insertInstrument(i, CurrentScope.actorName());
    audit.recordChange(
        AuditedEntity.national("instrument", i.id()),
        "define",
        null,
        Map.of("code", code, "version", i.versionNumber()));
    return i;
  }

  /** Keeps a shipped instrument's first version if the installation has none of that code yet. */
  @Transactional
  public void ship(String code, Instrument.Definition definition) {
    if (records.latestVersion(code) == 0) {
      List<Finding> findings = Instrument.problems(definition);
      if (!findings.isEmpty()) {
        throw new IllegalStateException("Shipped instrument " + code + " is wrong: " + findings);
      }
      records.insertInstrument(
          new Instrument(Ids.newId(), code, 1, definition.name(), definition), "system");
    }
  }

  /**
   * Scores a questionnaire for a case and keeps it with the instrument's version. Anyone on the
   * case may assess: the team's specialists bring their instruments.
   */
  @Transactional
  public CaseFile.Assessment assess(
      UUID caseId, UUID instrumentId, Map<String, Integer> answers, LocalDate assessedOn) {
    Roles.requireCaseTeam();
    Case c = cases.visible(caseId);
    if (!c.open()) {
      throw new ConflictException("CAS-0401", c.reference());
    }
    if (instrumentId == null) {
      throw InvalidInputException.of("instrumentId", "CAS-0604");
    }
    LocalDate today = LocalDate.now(clock);
    if (assessedOn == null || assessedOn.isAfter(today)) {
      throw InvalidInputException.of("assessedOn", "CAS-0605");
    }
    Instrument instrument =
        records
            .instrument(instrumentId)
            .orElseThrow(() -> InvalidInputException.of("instrumentId", "CAS-0604"));
    Map<String, Integer> given = answers == null ? Map.of() : new LinkedHashMap<>(answers);
    Instrument.Scoring scoring = instrument.score(given);
    UUID id = Ids.newId();
    records.insertAssessment(
        c,
        id,
        instrument,
        given,
        scoring,
        assessedOn,
        CurrentScope.actorName(),
        OffsetDateTime.now(clock));
    audit.recordChange(
        Cases.entity(c),
        "assessment",
        null,
        Map.of("instrument", instrument.code(), "results", scoring.results()));
    return new CaseFile.Assessment(
        id,
        instrument.id(),
        instrument.code(),
        instrument.versionNumber(),
        instrument.name(),
        given,
        scoring.scores(),
        scoring.results(),
        assessedOn,
        CurrentScope.actorName());
  }
}
