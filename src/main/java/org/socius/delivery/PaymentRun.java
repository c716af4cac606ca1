package org.socius.delivery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Approved claims of a region paid together: an order per claim, sent to the bank as one pain.001
 * file from the region's account, each order marked paid when the bank reports it booked.
 */
public record PaymentRun(
    UUID id,
    String reference,
    UUID regionId,
    LocalDate requestedOn,
    int orderCount,
    BigDecimal total,
    String currency,
    BankAccount debtor,
    OffsetDateTime createdAt,
    String createdBy,
    List<Order> orders) {

  /** A transfer to a provider for one claim; its end-to-end id is the claim's reference. */
  public record Order(
      UUID id,
      UUID claimId,
      UUID providerId,
      String endToEndId,
      BigDecimal amount,
      BankAccount creditor,
      String remittance,
      boolean paid,
      LocalDate paidOn) {}

  public long paidCount() {
    return orders.stream().filter(Order::paid).count();
  }
}
