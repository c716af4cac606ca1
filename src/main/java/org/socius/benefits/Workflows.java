package org.socius.benefits;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.socius.audit.AuditLog;
import org.socius.audit.AuditedEntity;
import org.socius.benefits.Workflow.Step;
import org.socius.benefits.Workflow.StepKind;
import org.socius.benefits.internal.WorkflowRecords;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.Role;
import org.socius.programmes.Programmes;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each programme's workflow. A programme without one follows {@link Workflow#standard}. A workflow
 * ends with exactly one approval; a public notice cannot be on the urgent path (urgent help does
 * not wait a week for objections), and the approval must be on it when there is one.
 */
@Service
public class Workflows {

  static final int MAX_STEPS = 10;
  static final int MAX_WORKING_DAYS = 260;

  private final WorkflowRecords records;
  private final Programmes programmes;
  private final AuditLog audit;

  Workflows(WorkflowRecords records, Programmes programmes, AuditLog audit) {
    this.records = records;
    this.programmes = programmes;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public Workflow of(UUID programmeId) {
    programmes.get(programmeId);
    return records.find(programmeId).orElseGet(() -> Workflow.standard(programmeId));
  }

  /** Replaces a programme's workflow; applications already submitted keep the steps they had. */
  @Transactional
  public Workflow set(
      UUID programmeId,
      List<Step> steps,
      Integer urgentHours,
      Integer appealWorkingDays,
      int expectedVersion) {
    Roles.require(Role.MINISTRY_ANALYST, Role.ADMINISTRATOR);
    if (!CurrentScope.get().isNationalOrWider()) {
      throw new AccessDeniedException("Workflows are set nationally");
    }
    Workflow before = of(programmeId);
    List<Finding> findings = check(steps, urgentHours, appealWorkingDays);
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    boolean stored = records.find(programmeId).isPresent();
    Workflow after =
        new Workflow(programmeId, List.copyOf(steps), urgentHours, appealWorkingDays, 0);
    if (before.version() != expectedVersion
        || !records.save(after, stored ? expectedVersion : -1)) {
      throw ConflictException.staleVersion(expectedVersion, before.version());
    }
    audit.recordChange(
        AuditedEntity.national("workflow", programmeId), "set", before.steps(), steps);
    return of(programmeId);
  }

  private static List<Finding> check(
      List<Step> steps, Integer urgentHours, Integer appealWorkingDays) {
    List<Finding> findings = new ArrayList<>();
    if (steps == null || steps.isEmpty() || steps.size() > MAX_STEPS) {
      findings.add(Finding.of("steps", "BEN-0101", MAX_STEPS));
      return findings;
    }
    boolean incomplete = false;
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      String field = "steps[" + i + "]";
      if (s == null || s.kind() == null || s.role() == null) {
        findings.add(Finding.of(field, "BEN-0102"));
        incomplete = true;
      } else if (s.workingDays() < 0 || s.workingDays() > MAX_WORKING_DAYS) {
        findings.add(Finding.of(field + ".workingDays", "BEN-0103", MAX_WORKING_DAYS));
      } else if (s.kind() == StepKind.PUBLIC_NOTICE && s.urgentPath()) {
        findings.add(Finding.of(field, "BEN-0104"));
      }
    }
    if (incomplete) {
      return findings;
    }
    long approvals = steps.stream().filter(s -> s.kind() == StepKind.APPROVAL).count();
    if (approvals != 1 || steps.getLast().kind() != StepKind.APPROVAL) {
      findings.add(Finding.of("steps", "BEN-0105"));
    }
    if (steps.stream().filter(s -> s.kind() == StepKind.PUBLIC_NOTICE).count() > 1) {
      findings.add(Finding.of("steps", "BEN-0106"));
    }
    if (urgentHours != null) {
      if (urgentHours < 1 || urgentHours > 240) {
        findings.add(Finding.of("urgentHours", "BEN-0107"));
      } else if (!steps.getLast().urgentPath()) {
        findings.add(Finding.of("urgentHours", "BEN-0108"));
      }
    }
    if (appealWorkingDays == null
        || appealWorkingDays < 1
        || appealWorkingDays > MAX_WORKING_DAYS) {
      findings.add(Finding.of("appealWorkingDays", "BEN-0109", MAX_WORKING_DAYS));
    }
    return findings;
  }
}
