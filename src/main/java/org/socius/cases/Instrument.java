package org.socius.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;

/**
 * One version of an assessment instrument, defined as data: sections of questions, each answered on
 * a named scale of values; scores that add up the answers of some questions; and results that read
 * a score's band, such as a degree of dependency from the number of areas where help is needed.
 */
public record Instrument(
    UUID id, String code, int versionNumber, String name, Definition definition) {

  /** What an instrument asks and how it scores. */
  public record Definition(
      String name,
      List<Section> sections,
      Map<String, List<Option>> scales,
      List<Score> scores,
      List<Result> results) {}

  public record Section(String code, String title, List<Question> questions) {}

  public record Question(String code, String text, String scale) {}

  /** One answer on a scale and the value it counts for. */
  public record Option(int value, String label) {}

  /** The sum of the answers to the questions listed (all questions when none are). */
  public record Score(String code, String label, List<String> questions) {}

  /** A result read from a score: the band its value falls in. */
  public record Result(String code, String label, String score, List<Band> bands) {}

  /** Values from {@code from} to {@code to} inclusive give {@code result}. */
  public record Band(int from, int to, String result) {}

  /** What a filled-in questionnaire comes to. */
  public record Scoring(Map<String, Integer> scores, Map<String, String> results) {}

  /** Every question of the instrument, in order. */
  public List<Question> questions() {
    return definition.sections().stream().flatMap(s -> s.questions().stream()).toList();
  }

  /**
   * Scores answers: every question must be answered with a value of its scale, and nothing else may
   * be answered; problems are findings on the question's code.
   */
  public Scoring score(Map<String, Integer> answers) {
    List<Finding> findings = new ArrayList<>();
    Map<String, Question> byCode = new LinkedHashMap<>();
    for (Question q : questions()) {
      byCode.put(q.code(), q);
      Integer value = answers.get(q.code());
      if (value == null) {
        findings.add(Finding.of("answers." + q.code(), "CAS-0601", q.text()));
      } else if (definition.scales().get(q.scale()).stream().noneMatch(o -> o.value() == value)) {
        findings.add(Finding.of("answers." + q.code(), "CAS-0602", q.text(), value));
      }
    }
    for (String code : answers.keySet()) {
      if (!byCode.containsKey(code)) {
        findings.add(Finding.of("answers." + code, "CAS-0603", code));
      }
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    Map<String, Integer> scores = new LinkedHashMap<>();
    for (Score s : definition.scores()) {
      List<String> counted = s.questions().isEmpty() ? List.copyOf(byCode.keySet()) : s.questions();
      scores.put(s.code(), counted.stream().mapToInt(answers::get).sum());
    }
    Map<String, String> results = new LinkedHashMap<>();
    for (Result r : definition.results()) {
      int value = scores.get(r.score());
      results.put(
          r.code(),
          r.bands().stream()
              .filter(b -> value >= b.from() && value <= b.to())
              .map(Band::result)
              .findFirst()
              .orElseThrow(
                  () -> new IllegalStateException("No band of " + r.code() + " holds " + value)));
    }
    return new Scoring(scores, results);
  }

  /**
   * Problems of a definition, before it is saved: every question on a known scale, codes unique,
   * scores counting known questions, and each result's bands covering every value its score can
   * take, without overlap, so that any complete answer has exactly one result.
   */
  public static List<Finding> problems(Definition d) {
    List<Finding> findings = new ArrayList<>();
    if (d.name() == null || d.name().isBlank()) {
      findings.add(Finding.of("name", "CAS-0701"));
    }
    if (d.sections() == null || d.sections().isEmpty()) {
      findings.add(Finding.of("sections", "CAS-0702"));
      return findings;
    }
    Map<String, List<Option>> scales = d.scales() == null ? Map.of() : d.scales();
    for (Map.Entry<String, List<Option>> scale : scales.entrySet()) {
      if (scale.getValue() == null || scale.getValue().size() < 2) {
        findings.add(Finding.of("scales." + scale.getKey(), "CAS-0703", scale.getKey()));
      }
    }
    Map<String, Question> questions = new LinkedHashMap<>();
    for (Section s : d.sections()) {
      if (s.questions() == null || s.questions().isEmpty()) {
        findings.add(Finding.of("sections." + s.code(), "CAS-0704", s.code()));
        continue;
      }
      for (Question q : s.questions()) {
        if (q.code() == null || q.code().isBlank() || questions.put(q.code(), q) != null) {
          findings.add(Finding.of("questions", "CAS-0705", String.valueOf(q.code())));
        }
        if (!scales.containsKey(q.scale()) || scales.get(q.scale()) == null) {
          findings.add(Finding.of("questions." + q.code(), "CAS-0706", q.code(), q.scale()));
        }
      }
    }
    Map<String, int[]> ranges = new LinkedHashMap<>();
    for (Score score : d.scores() == null ? List.<Score>of() : d.scores()) {
      List<String> counted =
          score.questions() == null || score.questions().isEmpty()
              ? List.copyOf(questions.keySet())
              : score.questions();
      int min = 0;
      int max = 0;
      boolean known = true;
      for (String code : counted) {
        Question q = questions.get(code);
        if (q == null || scales.get(q.scale()) == null || scales.get(q.scale()).isEmpty()) {
          findings.add(Finding.of("scores." + score.code(), "CAS-0707", score.code(), code));
          known = false;
          continue;
        }
        min += scales.get(q.scale()).stream().mapToInt(Option::value).min().orElse(0);
        max += scales.get(q.scale()).stream().mapToInt(Option::value).max().orElse(0);
      }
      if (known) {
        ranges.put(score.code(), new int[] {min, max});
      }
    }
    for (Result r : d.results() == null ? List.<Result>of() : d.results()) {
      int[] range = ranges.get(r.score());
      if (range == null) {
        findings.add(Finding.of("results." + r.code(), "CAS-0708", r.code(), r.score()));
        continue;
      }
      for (int v = range[0]; v <= range[1]; v++) {
        int value = v;
        long holding =
            r.bands() == null
                ? 0
                : r.bands().stream().filter(b -> value >= b.from() && value <= b.to()).count();
        if (holding != 1) {
          findings.add(Finding.of("results." + r.code(), "CAS-0709", r.code(), value, holding));
          break;
        }
      }
    }
    return findings;
  }
}
