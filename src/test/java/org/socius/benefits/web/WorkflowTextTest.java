package org.socius.benefits.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.socius.benefits.Workflow;
import org.socius.benefits.Workflow.StepKind;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.security.Role;

/** A workflow as an analyst writes it: one step a line, every bad line named. */
class WorkflowTextTest {

  @Test
  void stepsAreReadAndWrittenBackAlike() {
    List<Workflow.Step> steps =
        WorkflowText.read("investigation 20 case_worker\n\nAPPROVAL 3 REGIONAL_OFFICER urgent");
    assertThat(steps)
        .containsExactly(
            new Workflow.Step(StepKind.INVESTIGATION, 20, Role.CASE_WORKER, false),
            new Workflow.Step(StepKind.APPROVAL, 3, Role.REGIONAL_OFFICER, true));
    assertThat(WorkflowText.read(WorkflowText.write(steps))).isEqualTo(steps);
  }

  @Test
  void everyBadLineIsNamed() {
    assertThatThrownBy(
            () ->
                WorkflowText.read(
                    "VISIT 3 CASE_WORKER\nAPPROVAL three REGIONAL_OFFICER\nAPPROVAL 3 BOSS"
                        + "\nAPPROVAL 3 REGIONAL_OFFICER soon"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.findings())
                    .extracting(f -> f.code() + ":" + f.args())
                    .containsExactly(
                        "BEN-0111:[1]", "BEN-0111:[2]", "BEN-0111:[3]", "BEN-0111:[4]"));
  }
}
