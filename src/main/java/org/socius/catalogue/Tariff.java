package org.socius.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A region's price per unit of a service type, valid from {@code validFrom} to {@code validTo}
 * inclusive ({@code validTo} null: until further notice).
 */
public record Tariff(
    UUID id,
    UUID serviceTypeId,
    UUID regionId,
    BigDecimal price,
    String currency,
    LocalDate validFrom,
    LocalDate validTo,
    int version) {

  public boolean validOn(LocalDate day) {
    return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
  }
}
