package org.socius.providers;

import java.time.LocalDate;
import java.util.UUID;

/** A licence or accreditation, with its expiry ({@code validTo} null: no expiry). */
public record Licence(
    UUID id,
    UUID providerId,
    String kind,
    String number,
    String issuedBy,
    LocalDate validFrom,
    LocalDate validTo) {

  public boolean expiresWithin(LocalDate today, int days) {
    return validTo != null && !validTo.isBefore(today) && !validTo.isAfter(today.plusDays(days));
  }
}
