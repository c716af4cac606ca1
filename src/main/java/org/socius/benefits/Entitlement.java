package org.socius.benefits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** What a household receives from a programme each month over a period (open-ended when null). */
public record Entitlement(
    UUID id,
    UUID programmeId,
    UUID householdId,
    UUID decisionId,
    long amountCents,
    LocalDate validFrom,
    LocalDate validTo) {

  public String amount() {
    return BigDecimal.valueOf(amountCents, 2).toPlainString();
  }
}
