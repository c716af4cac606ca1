package org.socius.benefits.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.socius.programmes.CompiledRules;
import org.socius.programmes.Programme;
import org.socius.programmes.Rules;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A decision's explanation as kept with it: the one writer of that format, for single decisions and
 * for a recertification's million, straight into a buffer without a general serializer, and its
 * reader.
 *
 * <p>What a programme version fixes (the criteria's names, the names of the values each expression
 * uses, and the expressions) is not repeated in every decision: an explanation keeps, for each
 * criterion in the version's order, whether it passed and its values in the order its expression
 * names them, then the formula's values: {@code [[true, 120000, 3, 36000], [36000, 3, 120000]]},
 * {@code null} for a value the household did not have. Reading puts the names back from the
 * version. A recertification writes a million of them, and the names were most of their bytes.
 * Explanations kept whole as an object ({@code {"criteria": [{"name", "passed", "values"}],
 * "values": {...}}}), as earlier decisions and households found empty are, read as they are.
 */
public final class ExplanationJson {

  private ExplanationJson() {}

  /** The names of each expression's values, found once per expression. */
  static final class Labels {
    private final Map<String, List<String>> byExpression = new HashMap<>();

    List<String> of(String expression) {
      return byExpression.computeIfAbsent(expression, CompiledRules::labelsOf);
    }
  }

  /** The explanation of one evaluation, as kept with its decision. */
  public static String of(CompiledRules.Evaluation e) {
    StringBuilder out = new StringBuilder(128);
    append(out, e, new Labels());
    return out.toString();
  }

  static void append(StringBuilder out, CompiledRules.Evaluation e, Labels labels) {
    out.append('[');
    for (CompiledRules.CriterionResult c : e.criteria()) {
      out.append('[').append(c.passed());
      for (String label : labels.of(c.expression())) {
        out.append(',');
        value(out, c.values().get(label));
      }
      out.append("],");
    }
    out.append('[');
    boolean first = true;
    for (String label : labels.of(e.formula())) {
      if (!first) {
        out.append(',');
      }
      first = false;
      value(out, e.formulaValues().get(label));
    }
    out.append("]]");
  }

  /**
   * An explanation as kept, with the names put back from the version it was decided under: each
   * criterion with whether it passed and its values by name, and the formula's values by name.
   */
  public static DecisionRecords.StoredExplanation read(
      JsonMapper json, String kept, Programme.Version version) {
    JsonNode node = json.readTree(kept);
    if (node.isObject()) {
      return json.treeToValue(node, new TypeReference<DecisionRecords.StoredExplanation>() {});
    }
    List<Rules.Criterion> criteria = version.criteria();
    if (node.size() != criteria.size() + 1) {
      throw new IllegalStateException(
          "An explanation of "
              + (node.size() - 1)
              + " criteria kept for a version of "
              + criteria.size());
    }
    List<DecisionRecords.StoredCriterion> read = new ArrayList<>(criteria.size());
    for (int i = 0; i < criteria.size(); i++) {
      JsonNode c = node.get(i);
      read.add(
          new DecisionRecords.StoredCriterion(
              criteria.get(i).name(),
              c.get(0).asBoolean(),
              named(json, c, 1, CompiledRules.labelsOf(criteria.get(i).expression()))));
    }
    Map<String, Object> formula =
        named(json, node.get(criteria.size()), 0, CompiledRules.labelsOf(version.formula()));
    return new DecisionRecords.StoredExplanation(read, formula);
  }

  /** The values of an array from {@code from} on, by the names given; those kept null left out. */
  private static Map<String, Object> named(
      JsonMapper json, JsonNode values, int from, List<String> labels) {
    Map<String, Object> named = new LinkedHashMap<>();
    for (int i = 0; i < labels.size(); i++) {
      JsonNode v = values.get(from + i);
      if (v != null && !v.isNull()) {
        named.put(labels.get(i), json.treeToValue(v, Object.class));
      }
    }
    return named;
  }

  private static void value(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else {
      string(out, String.valueOf(value));
    }
  }

  private static void string(StringBuilder out, String s) {
    if (plain(s)) {
      // Most values need no escape: appended whole, not character by character.
      out.append('"').append(s).append('"');
      return;
    }
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }
}
