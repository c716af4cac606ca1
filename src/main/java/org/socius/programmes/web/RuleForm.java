package org.socius.programmes.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.socius.programmes.HouseholdFacts;
import org.socius.programmes.Rules;

/**
 * The plain-text forms an analyst writes rules in, one item per line: criteria as "name:
 * expression", parameters as "name = value", regional values as "REGION-CODE: name = value", and
 * sample households as members "age/income" (income per month, in currency units) separated by ";",
 * optionally "/disabled".
 */
final class RuleForm {

  private RuleForm() {}

  static List<Rules.Criterion> criteria(String text, List<Finding> findings) {
    List<Rules.Criterion> criteria = new ArrayList<>();
    List<String> lines = lines(text);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int colon = line.indexOf(':');
      if (colon <= 0 || colon == line.length() - 1) {
        findings.add(Finding.of("criteria", "PRG-0301", i + 1));
      } else {
        criteria.add(
            new Rules.Criterion(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
      }
    }
    return criteria;
  }

  static Map<String, Long> parameters(String text, String field, List<Finding> findings) {
    Map<String, Long> values = new LinkedHashMap<>();
    List<String> lines = lines(text);
    for (int i = 0; i < lines.size(); i++) {
      String[] parts = lines.get(i).split("=", 2);
      try {
        values.put(parts[0].trim(), Long.parseLong(parts[1].trim().replace("_", "")));
      } catch (RuntimeException e) {
        findings.add(Finding.of(field, "PRG-0302", i + 1));
      }
    }
    return values;
  }

  /** Regional values by region code. */
  static Map<String, Map<String, Long>> regional(String text, List<Finding> findings) {
    Map<String, Map<String, Long>> values = new LinkedHashMap<>();
    List<String> lines = lines(text);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int colon = line.indexOf(':');
      List<Finding> problems = new ArrayList<>();
      Map<String, Long> one =
          colon <= 0 ? Map.of() : parameters(line.substring(colon + 1), "regional", problems);
      if (colon <= 0 || !problems.isEmpty() || one.isEmpty()) {
        findings.add(Finding.of("regional", "PRG-0303", i + 1));
      } else {
        values
            .computeIfAbsent(
                line.substring(0, colon).trim().toUpperCase(), k -> new LinkedHashMap<>())
            .putAll(one);
      }
    }
    return values;
  }

  static List<List<HouseholdFacts.SampleMember>> households(String text) {
    return sampleHouseholds(text).stream().map(HouseholdFacts.SampleHousehold::members).toList();
  }

  /**
   * Sample households, one a line: members as {@code age/income[/disabled][/assets=value]}
   * separated by semicolons, then optionally {@code | benefits=value} for what the household
   * receives from programmes considered before this one.
   */
  static List<HouseholdFacts.SampleHousehold> sampleHouseholds(String text) {
    List<HouseholdFacts.SampleHousehold> households = new ArrayList<>();
    List<String> lines = lines(text);
    for (int i = 0; i < lines.size(); i++) {
      List<HouseholdFacts.SampleMember> members = new ArrayList<>();
      String[] halves = lines.get(i).split("\\|", 2);
      Long benefits = null;
      if (halves.length == 2) {
        String extra = halves[1].trim().toLowerCase(Locale.ROOT);
        try {
          if (!extra.startsWith("benefits=")) {
            throw new IllegalArgumentException(extra);
          }
          benefits = new BigDecimal(extra.substring(9).trim()).movePointRight(2).longValueExact();
        } catch (RuntimeException e) {
          throw InvalidInputException.of("households", "PRG-0304", i + 1);
        }
      }
      for (String member : halves[0].split(";")) {
        String[] parts = member.trim().split("/");
        try {
          int age = Integer.parseInt(parts[0].trim());
          long cents =
              parts.length > 1
                  ? new BigDecimal(parts[1].trim()).movePointRight(2).longValueExact()
                  : 0;
          boolean disabled = false;
          long assets = 0;
          for (int p = 2; p < parts.length; p++) {
            String extra = parts[p].trim().toLowerCase(Locale.ROOT);
            if (extra.equals("disabled")) {
              disabled = true;
            } else if (extra.startsWith("assets=")) {
              assets = new BigDecimal(extra.substring(7)).movePointRight(2).longValueExact();
            } else {
              throw new IllegalArgumentException(extra);
            }
          }
          members.add(
              new HouseholdFacts.SampleMember(
                  age,
                  "UNKNOWN",
                  members.isEmpty() ? "HEAD" : "OTHER",
                  disabled ? "II" : null,
                  List.of(),
                  cents,
                  false,
                  assets));
        } catch (RuntimeException e) {
          throw InvalidInputException.of("households", "PRG-0304", i + 1);
        }
      }
      households.add(new HouseholdFacts.SampleHousehold(members, benefits));
    }
    if (households.isEmpty()) {
      throw InvalidInputException.of("households", "PRG-0210");
    }
    return households;
  }

  static String criteriaText(List<Rules.Criterion> criteria) {
    return String.join("\n", criteria.stream().map(c -> c.name() + ": " + c.expression()).toList());
  }

  static String parametersText(Map<String, Long> values) {
    return String.join(
        "\n", values.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).toList());
  }

  static <T> String regionalText(Map<T, Map<String, Long>> values, Function<T, String> code) {
    List<String> lines = new ArrayList<>();
    values.forEach(
        (region, one) ->
            one.forEach(
                (name, value) -> lines.add(code.apply(region) + ": " + name + " = " + value)));
    return String.join("\n", lines);
  }

  private static List<String> lines(String text) {
    if (text == null) {
      return List.of();
    }
    return text.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
  }
}
