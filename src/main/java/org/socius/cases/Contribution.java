package org.socius.cases;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.socius.catalogue.Classification.NormPeriod;

/**
 * What a client pays each month toward their services, and why: the contribution programme's
 * criteria (any failing one makes the services free, and names why) with the values they read, the
 * formula of the monthly ceiling and its values, and the household's income per member. The ceiling
 * is spread over the plan's services in order, none paying more than it costs.
 */
public record Contribution(
    String programmeCode,
    String programmeName,
    Integer programmeVersion,
    boolean charged,
    List<Criterion> criteria,
    String formula,
    Map<String, Object> formulaValues,
    Integer householdSize,
    BigDecimal incomePerMember,
    BigDecimal monthlyCeiling) {

  /** One criterion of the rules, whether it held, and the values it read. */
  public record Criterion(String name, boolean passed, Map<String, Object> values) {}

  /** No contribution rules in force: the services are free. */
  public static Contribution none() {
    return new Contribution(
        null, null, null, false, List.of(), "", Map.of(), null, null, BigDecimal.ZERO.setScale(2));
  }

  /** The criteria that made the services free. */
  public List<String> failed() {
    return criteria.stream().filter(c -> !c.passed()).map(Criterion::name).toList();
  }

  /**
   * A month's cost of {@code units} per {@code period} at a unit price, to the cent (half up): a
   * day's volume counts 365/12 times a month, a week's 52/12 times, a year's a twelfth.
   */
  public static BigDecimal monthlyCost(BigDecimal units, NormPeriod period, BigDecimal price) {
    BigDecimal perPeriod = units.multiply(price);
    BigDecimal monthly =
        switch (period) {
          case DAY -> perPeriod.multiply(BigDecimal.valueOf(365));
          case WEEK -> perPeriod.multiply(BigDecimal.valueOf(52));
          case MONTH -> perPeriod.multiply(BigDecimal.valueOf(12));
          case YEAR -> perPeriod;
        };
    return monthly.divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
  }

  /**
   * The ceiling spread over monthly costs in order: each pays what remains of the ceiling, up to
   * its own cost.
   */
  public List<BigDecimal> spread(List<BigDecimal> monthlyCosts) {
    BigDecimal remaining = monthlyCeiling;
    List<BigDecimal> shares = new java.util.ArrayList<>(monthlyCosts.size());
    for (BigDecimal cost : monthlyCosts) {
      BigDecimal share = cost.min(remaining).max(BigDecimal.ZERO).setScale(2);
      shares.add(share);
      remaining = remaining.subtract(share);
    }
    return List.copyOf(shares);
  }
}
