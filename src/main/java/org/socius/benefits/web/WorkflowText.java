package org.socius.benefits.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.socius.benefits.Workflow;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.security.Role;

/**
 * A workflow as an analyst writes it, one step a line: the step, its working days, the role that
 * acts, and {@code urgent} when the step is kept on the urgent path, for example {@code APPROVAL 3
 * REGIONAL_OFFICER urgent}.
 */
final class WorkflowText {

  private WorkflowText() {}

  static String write(List<Workflow.Step> steps) {
    StringBuilder text = new StringBuilder();
    for (Workflow.Step s : steps) {
      text.append(s.kind())
          .append(' ')
          .append(s.workingDays())
          .append(' ')
          .append(s.role())
          .append(s.urgentPath() ? " urgent" : "")
          .append('\n');
    }
    return text.toString();
  }

  static List<Workflow.Step> read(String text) {
    List<Workflow.Step> steps = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    String[] lines = text.strip().split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] words = line.split("\\s+");
      try {
        if (words.length < 3 || words.length > 4) {
          throw new IllegalArgumentException();
        }
        boolean urgent = words.length == 4;
        if (urgent && !words[3].equalsIgnoreCase("urgent")) {
          throw new IllegalArgumentException();
        }
        steps.add(
            new Workflow.Step(
                Workflow.StepKind.valueOf(words[0].toUpperCase(Locale.ROOT)),
                Integer.parseInt(words[1]),
                Role.valueOf(words[2].toUpperCase(Locale.ROOT)),
                urgent));
      } catch (IllegalArgumentException e) {
        findings.add(Finding.of("steps", "BEN-0111", i + 1));
      }
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    return steps;
  }
}
