package org.socius.delivery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.UUID;

/**
 * A provider's claim for a month's confirmed delivery in a region: what was delivered at the agreed
 * price (gross), less what the clients pay themselves (their contributions), less the lines the
 * officer rejected and the advances offset, is what the region pays.
 */
public record Claim(
    UUID id,
    String reference,
    UUID providerId,
    String providerName,
    UUID regionId,
    YearMonth month,
    int sequence,
    String currency,
    Status status,
    int lineCount,
    BigDecimal gross,
    BigDecimal copayment,
    BigDecimal rejected,
    BigDecimal advanceOffset,
    BigDecimal payable,
    OffsetDateTime builtAt,
    String builtBy,
    OffsetDateTime approvedAt,
    String approvedBy,
    LocalDate paidOn,
    int version) {

  public enum Status {
    /** Built and waiting for the officer's review; lines may be rejected. */
    SUBMITTED,
    /** Approved: to be paid in the next payment run. */
    APPROVED,
    /** Booked by the bank. */
    PAID
  }

  /**
   * A confirmed delivery or a voucher redemption the claim asks to be paid for, and why the officer
   * rejected it if so. For a redemption the reference is the voucher's code and there is no
   * contribution: the voucher is it.
   */
  public record Line(
      UUID itemId,
      Kind kind,
      String agreementReference,
      String clientName,
      UUID serviceTypeId,
      String serviceName,
      LocalDate deliveredOn,
      BigDecimal units,
      BigDecimal unitPrice,
      BigDecimal amount,
      BigDecimal copayment,
      String rejectedReason,
      String rejectedBy) {

    /** What the region pays for the line: its amount less the client's contribution. */
    public BigDecimal net() {
      return amount.subtract(copayment);
    }

    public boolean rejected() {
      return rejectedReason != null;
    }

    public enum Kind {
      DELIVERY,
      VOUCHER
    }
  }
}
