package org.socius.benefits.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socius.programmes.CompiledRules;
import org.socius.programmes.Programme;
import org.socius.programmes.Rules;
import tools.jackson.databind.json.JsonMapper;

/**
 * The explanation kept with a decision reads back as it was evaluated, with the names its version
 * gives the values, whatever its text holds; explanations kept whole read as they are.
 */
class ExplanationJsonTest {

  private final JsonMapper json = JsonMapper.builder().build();

  private static final String INCOME =
      "(household.income + household.other_benefits) / household.size < params.local_line";
  private static final String NOTE = "household.note != \"\"";
  private static final String FORMULA = "params.local_line * household.size - household.income";

  private static Programme.Version version(List<Rules.Criterion> criteria) {
    return new Programme.Version(
        UUID.randomUUID(),
        1,
        LocalDate.of(2026, 1, 1),
        Programme.Status.PUBLISHED,
        criteria,
        FORMULA,
        Map.of("local_line", 36_000L),
        Map.of(),
        null,
        "analyst");
  }

  private static final Programme.Version VERSION =
      version(
          List.of(
              new Rules.Criterion("Income \"per member\" below the line \\ (local)", INCOME),
              new Rules.Criterion("A note", NOTE)));

  @Test
  void keptWithoutTheNamesItReadsBackWithThemFromTheVersion() {
    Map<String, Object> income = new LinkedHashMap<>();
    income.put("household.income", 120_000L);
    income.put("household.other_benefits", 0L);
    income.put("household.size", 3L);
    income.put("params.local_line", 36_000L);
    Map<String, Object> formula = new LinkedHashMap<>();
    formula.put("params.local_line", 36_000L);
    formula.put("household.size", 3L);
    formula.put("household.income", 120_000L);
    CompiledRules.Evaluation evaluation =
        new CompiledRules.Evaluation(
            false,
            List.of(
                new CompiledRules.CriterionResult(
                    VERSION.criteria().get(0).name(), INCOME, true, income),
                new CompiledRules.CriterionResult(
                    "A note",
                    NOTE,
                    false,
                    Map.of("household.note", "line one\nline \"two\"\t\\ end\u0001"))),
            FORMULA,
            formula,
            0);

    String kept = ExplanationJson.of(evaluation);
    assertThat(kept).doesNotContain("household.income", "below the line");

    DecisionRecords.StoredExplanation read = ExplanationJson.read(json, kept, VERSION);
    assertThat(read.criteria()).hasSize(2);
    DecisionRecords.StoredCriterion first = read.criteria().get(0);
    assertThat(first.name()).isEqualTo("Income \"per member\" below the line \\ (local)");
    assertThat(first.passed()).isTrue();
    assertThat(first.values().keySet()).containsExactlyElementsOf(income.keySet());
    assertThat(((Number) first.values().get("household.income")).longValue()).isEqualTo(120_000L);
    DecisionRecords.StoredCriterion second = read.criteria().get(1);
    assertThat(second.passed()).isFalse();
    assertThat(second.values())
        .containsEntry("household.note", "line one\nline \"two\"\t\\ end\u0001");
    assertThat(read.values().keySet()).containsExactlyElementsOf(formula.keySet());
    assertThat(((Number) read.values().get("params.local_line")).longValue()).isEqualTo(36_000L);
  }

  @Test
  void aValueTheHouseholdDidNotHaveIsLeftOutAsItWasWhenEvaluated() {
    CompiledRules.Evaluation evaluation =
        new CompiledRules.Evaluation(
            true,
            List.of(
                new CompiledRules.CriterionResult(
                    "c", INCOME, true, Map.of("household.size", 2L, "params.local_line", 1L)),
                new CompiledRules.CriterionResult("A note", NOTE, true, Map.of())),
            FORMULA,
            Map.of(),
            5);
    DecisionRecords.StoredExplanation read =
        ExplanationJson.read(json, ExplanationJson.of(evaluation), VERSION);
    assertThat(read.criteria().get(0).values())
        .containsOnlyKeys("household.size", "params.local_line");
    assertThat(read.criteria().get(1).values()).isEmpty();
    assertThat(read.values()).isEmpty();
  }

  @Test
  void anExplanationKeptWholeReadsAsItIs() {
    String whole =
        "{\"criteria\":[{\"name\":\"Old\",\"passed\":true,\"values\":{\"household.size\":2}}],"
            + "\"values\":{\"household.size\":2}}";
    DecisionRecords.StoredExplanation read = ExplanationJson.read(json, whole, VERSION);
    assertThat(read.criteria())
        .singleElement()
        .satisfies(c -> assertThat(c.name()).isEqualTo("Old"));
    assertThat(read.values()).containsEntry("household.size", 2);
  }

  @Test
  void anExplanationThatDoesNotFitItsVersionIsRefusedRatherThanMisread() {
    Programme.Version fewer = version(List.of(new Rules.Criterion("Only one", INCOME)));
    assertThatThrownBy(() -> ExplanationJson.read(json, "[[true],[false],[]]", fewer))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("2 criteria");
  }
}
