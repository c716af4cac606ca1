package org.socius.benefits.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socius.programmes.CompiledRules;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The explanation kept with a decision reads back as it was written, whatever its text holds. */
class ExplanationJsonTest {

  private final JsonMapper json = JsonMapper.builder().build();

  private DecisionRecords.StoredExplanation roundTrip(CompiledRules.Evaluation evaluation) {
    return json.readValue(
        ExplanationJson.of(evaluation), new TypeReference<DecisionRecords.StoredExplanation>() {});
  }

  @Test
  void namesAndValuesWithQuotesBackslashesAndControlCharactersReadBackAsWritten() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("household.income", 120_000L);
    values.put("household.note", "line one\nline \"two\"\t\\ end\u0001");
    values.put("household.disabled", true);
    CompiledRules.Evaluation evaluation =
        new CompiledRules.Evaluation(
            false,
            List.of(
                new CompiledRules.CriterionResult(
                    "Income \"per member\" below the line \\ (local)", "x", false, values),
                new CompiledRules.CriterionResult("Plain name", "y", true, Map.of())),
            "0",
            Map.of("params.local_line", 36_000L),
            0);

    DecisionRecords.StoredExplanation read = roundTrip(evaluation);

    assertThat(read.criteria()).hasSize(2);
    assertThat(read.criteria().get(0).name())
        .isEqualTo("Income \"per member\" below the line \\ (local)");
    assertThat(read.criteria().get(0).passed()).isFalse();
    assertThat(read.criteria().get(0).values())
        .containsEntry("household.note", "line one\nline \"two\"\t\\ end\u0001")
        .containsEntry("household.disabled", true);
    assertThat(((Number) read.criteria().get(0).values().get("household.income")).longValue())
        .isEqualTo(120_000L);
    assertThat(read.criteria().get(1).name()).isEqualTo("Plain name");
    assertThat(read.criteria().get(1).passed()).isTrue();
    assertThat(((Number) read.values().get("params.local_line")).longValue()).isEqualTo(36_000L);
  }
}
