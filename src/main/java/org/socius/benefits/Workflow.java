package org.socius.benefits;

import java.util.List;
import java.util.UUID;
import org.socius.platform.security.Role;

/**
 * How a programme's applications are decided: steps in order, each with the working days of the
 * region's calendar it may take and the role that acts. An urgent application goes only through the
 * steps marked for the urgent path, all within {@code urgentHours} of its submission (no urgent
 * path when null). An appeal is answered within {@code appealWorkingDays}.
 */
public record Workflow(
    UUID programmeId, List<Step> steps, Integer urgentHours, int appealWorkingDays, int version) {

  /** What happens at a step. */
  public enum StepKind {
    /** The means test: visits, inquiry letters, evidence; the rules' outcome is shown. */
    INVESTIGATION,
    /** An opinion, such as a community's democratic appraisal, recorded as a note. */
    OPINION,
    /** The provisional decision shown to the public, without names, for objections. */
    PUBLIC_NOTICE,
    /** The decision: the rules are applied to the household's facts of that day. */
    APPROVAL
  }

  /** One step of the workflow. */
  public record Step(StepKind kind, int workingDays, Role role, boolean urgentPath) {}

  /**
   * What a programme without a workflow of its own follows: investigation within 20 working days, a
   * public notice of 7, approval by the regional officer within 3; urgent help within 24 hours.
   */
  public static Workflow standard(UUID programmeId) {
    return new Workflow(
        programmeId,
        List.of(
            new Step(StepKind.INVESTIGATION, 20, Role.CASE_WORKER, false),
            new Step(StepKind.PUBLIC_NOTICE, 7, Role.CASE_WORKER, false),
            new Step(StepKind.APPROVAL, 3, Role.REGIONAL_OFFICER, true)),
        24,
        20,
        0);
  }

  /** The steps an application follows. */
  public List<Step> stepsFor(boolean urgent) {
    return urgent ? steps.stream().filter(Step::urgentPath).toList() : steps;
  }
}
