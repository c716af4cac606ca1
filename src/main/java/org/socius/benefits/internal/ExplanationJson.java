package org.socius.benefits.internal;

import java.util.List;
import java.util.Map;
import org.socius.programmes.CompiledRules;

/**
 * Writes a decision's explanation as the JSON {@link DecisionRecords.StoredExplanation} reads: the
 * one writer of that format, for single decisions and for a recertification's million, straight
 * into a buffer without a general serializer.
 */
public final class ExplanationJson {

  private ExplanationJson() {}

  /** The explanation of one evaluation, as kept with its decision. */
  public static String of(CompiledRules.Evaluation e) {
    StringBuilder out = new StringBuilder(256);
    append(out, e);
    return out.toString();
  }

  static void append(StringBuilder out, CompiledRules.Evaluation e) {
    out.append("{\"criteria\":[");
    List<CompiledRules.CriterionResult> criteria = e.criteria();
    for (int i = 0; i < criteria.size(); i++) {
      CompiledRules.CriterionResult c = criteria.get(i);
      if (i > 0) {
        out.append(',');
      }
      out.append("{\"name\":");
      string(out, c.name());
      out.append(",\"passed\":").append(c.passed()).append(",\"values\":");
      values(out, c.values());
      out.append('}');
    }
    out.append("],\"values\":");
    values(out, e.formulaValues());
    out.append('}');
  }

  private static void values(StringBuilder out, Map<String, Object> values) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, Object> v : values.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      string(out, v.getKey());
      out.append(':');
      Object value = v.getValue();
      if (value instanceof Number || value instanceof Boolean) {
        out.append(value);
      } else {
        string(out, String.valueOf(value));
      }
    }
    out.append('}');
  }

  private static void string(StringBuilder out, String s) {
    if (plain(s)) {
      // Most names and values need no escape: appended whole, not character by character.
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
