package org.socius.delivery;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;

/**
 * A programme's budget for a year in a region, for the services it pays for, and where it stands:
 * paid from it (claims paid that year, net of the clients' contributions), committed by the
 * agreements in force for the rest of the year, administrative cost, and the clients served.
 */
public record BudgetLine(
    UUID id,
    UUID regionId,
    int year,
    UUID programmeId,
    String programmeName,
    List<UUID> serviceTypeIds,
    BigDecimal amount,
    BigDecimal warnShare,
    BigDecimal spent,
    BigDecimal committed,
    BigDecimal administrativeCost,
    long clientsServed) {

  /** Where a line stands against its amount. */
  public enum Standing {
    /** Spent and committed below the warning share. */
    WITHIN,
    /** Spent and committed at or above the warning share: it is about to run out. */
    WARNING,
    /** Spent and committed above the amount. */
    EXCEEDED
  }

  /** What is left once the paid and the committed are taken. */
  public BigDecimal remaining() {
    return amount.subtract(spent).subtract(committed);
  }

  public Standing standing() {
    return standingWith(BigDecimal.ZERO);
  }

  /** Where the line would stand with {@code more} paid from it (a claim under review, say). */
  public Standing standingWith(BigDecimal more) {
    BigDecimal used = spent.add(committed).add(more);
    if (used.compareTo(amount) > 0) {
      return Standing.EXCEEDED;
    }
    return used.compareTo(amount.multiply(warnShare)) >= 0 ? Standing.WARNING : Standing.WITHIN;
  }

  /** Services and administration together. */
  public BigDecimal totalCost() {
    return spent.add(administrativeCost);
  }

  /** The whole cost per client served; null while nobody has been. */
  public BigDecimal costPerClient() {
    return clientsServed == 0
        ? null
        : totalCost().divide(BigDecimal.valueOf(clientsServed), 2, RoundingMode.HALF_UP);
  }

  /** Administration's share of the whole cost, in percent; null while nothing was spent. */
  public BigDecimal administrativeShare() {
    return totalCost().signum() == 0
        ? null
        : administrativeCost
            .multiply(BigDecimal.valueOf(100))
            .divide(totalCost(), 1, RoundingMode.HALF_UP);
  }
}
