package org.socius.delivery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A voucher granted to a person under a scheme: what is left of its value or units, until when, and
 * its code, which is what the holder shows a provider.
 */
public record Voucher(
    UUID id,
    String code,
    Scheme scheme,
    UUID personId,
    String holderName,
    UUID regionId,
    UUID municipalityId,
    LocalDate issuedOn,
    LocalDate expiresOn,
    BigDecimal initial,
    BigDecimal remaining,
    Status status,
    String issuedBy,
    int version) {

  public enum Status {
    /** May be redeemed until it expires. */
    ACTIVE,
    /** Used up. */
    SPENT,
    /** Withdrawn by the region. */
    CANCELLED
  }

  /** Whether what a voucher holds is a sum of money or a number of units. */
  public enum Kind {
    VALUE,
    UNITS
  }

  /** What a region grants: a value or units for some services, valid for a number of days. */
  public record Scheme(
      UUID id,
      UUID regionId,
      String name,
      Kind kind,
      BigDecimal face,
      int validityDays,
      boolean partial,
      List<UUID> serviceTypeIds) {}

  public boolean expiredOn(LocalDate day) {
    return day.isAfter(expiresOn);
  }
}
