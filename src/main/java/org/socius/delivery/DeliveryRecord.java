package org.socius.delivery;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.socius.catalogue.Classification.Unit;

/**
 * One episode of a service a provider gave a client under their agreement: when, how much, by whom
 * and where, at the agreement's price, and what the client and, on a dispute, the worker said of
 * it.
 */
public record DeliveryRecord(
    UUID id,
    UUID batchId,
    UUID providerId,
    UUID agreementId,
    String agreementReference,
    UUID planServiceId,
    UUID caseId,
    UUID regionId,
    UUID municipalityId,
    String clientName,
    UUID serviceTypeId,
    String serviceName,
    Unit unit,
    LocalDate deliveredOn,
    LocalTime startsAt,
    LocalTime endsAt,
    BigDecimal units,
    BigDecimal unitPrice,
    BigDecimal copaymentShare,
    String staffMember,
    String place,
    String abovePlanReason,
    Status status,
    OffsetDateTime recordedAt,
    String recordedBy,
    OffsetDateTime answeredAt,
    String answeredBy,
    AnsweredAs answeredAs,
    String disputeReason,
    OffsetDateTime settledAt,
    String settledBy,
    String settlementNote,
    int version) {

  public enum Status {
    /** Recorded by the provider, waiting for the client's answer. */
    RECORDED,
    /** Confirmed by the client, or by the worker settling a dispute: it is paid. */
    CONFIRMED,
    /** Disputed by the client, with their reason: the worker settles it. */
    DISPUTED,
    /** Not delivered, as the worker found on a dispute: never paid. */
    REJECTED,
    /** Taken back by the provider before it was confirmed (recorded by mistake). */
    WITHDRAWN;

    /** Whether the record counts against the plan's volume and a staff member's time. */
    public boolean counts() {
      return this == RECORDED || this == CONFIRMED || this == DISPUTED;
    }
  }

  /** Who answered for the client. */
  public enum AnsweredAs {
    CLIENT,
    REPRESENTATIVE,
    /** A worker on the client's behalf (by telephone, on a visit, on a signed sheet). */
    WORKER
  }

  /** The record's value at the agreed price. */
  public BigDecimal amount() {
    return units.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
  }

  /** Whether the client or the worker may still answer it. */
  public boolean awaitsAnswer() {
    return status == Status.RECORDED;
  }
}
