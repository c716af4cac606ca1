package org.socius.programmes;

import java.util.List;
import java.util.Map;

/**
 * A programme version's rules as an analyst writes them: named eligibility criteria (each a CEL
 * expression that is true or false), a benefit formula (a CEL expression giving the monthly amount
 * in cents), and the parameters both may use ({@code params.name}, whole numbers, money in cents),
 * with their values.
 */
public record Rules(List<Criterion> criteria, String formula, Map<String, Long> parameters) {

  /** One condition of eligibility, named so that an explanation can say which one failed. */
  public record Criterion(String name, String expression) {}
}
