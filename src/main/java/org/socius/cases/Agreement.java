package org.socius.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.socius.catalogue.Classification.NormPeriod;
import org.socius.catalogue.Classification.Unit;

/**
 * An agreement between a client and a provider they chose, drawn up from the agreed plan: the
 * services with their volume and the regional price, the monthly cost, the client's monthly
 * contribution and how it was found, and the term. The provider accepts or declines it.
 */
public record Agreement(
    UUID id,
    String reference,
    UUID caseId,
    UUID regionId,
    UUID municipalityId,
    UUID planId,
    UUID providerId,
    String providerName,
    String clientName,
    LocalDate clientBirthDate,
    String clientAddress,
    String language,
    LocalDate startsOn,
    LocalDate endsOn,
    String currency,
    BigDecimal monthlyCost,
    BigDecimal monthlyCopayment,
    Contribution contribution,
    Status status,
    OffsetDateTime drawnAt,
    String drawnBy,
    OffsetDateTime answeredAt,
    String answeredBy,
    String declineReason,
    LocalDate endedOn,
    EndReason endReason,
    int version,
    List<Line> services) {

  public enum Status {
    /** Drawn up and waiting for the provider's answer. */
    PROPOSED,
    /** Accepted by the provider: the services are to be given. */
    ACCEPTED,
    /** Declined by the provider, with its reason: the client chooses again. */
    DECLINED,
    /** No longer in force: replaced by a later plan's agreement, or the case closed. */
    ENDED
  }

  /** Why an agreement ended. */
  public enum EndReason {
    /** A new version of the plan changed this provider's services. */
    PLAN_REPLACED,
    /** The client chose another provider. */
    CLIENT_CHOSE_ANOTHER,
    /** The case closed. */
    CASE_CLOSED
  }

  /**
   * The agreement as its provider reads it: how the client's contribution was found (the
   * household's income per member, its size) is the client's and the case's, not the provider's.
   */
  public Agreement withoutContribution() {
    return new Agreement(
        id,
        reference,
        caseId,
        regionId,
        municipalityId,
        planId,
        providerId,
        providerName,
        clientName,
        clientBirthDate,
        clientAddress,
        language,
        startsOn,
        endsOn,
        currency,
        monthlyCost,
        monthlyCopayment,
        null,
        status,
        drawnAt,
        drawnBy,
        answeredAt,
        answeredBy,
        declineReason,
        endedOn,
        endReason,
        version,
        services);
  }

  /** What the public pays from the monthly cost: the rest after the client's contribution. */
  public BigDecimal monthlyPublicShare() {
    return monthlyCost.subtract(monthlyCopayment);
  }

  /** A service of the agreement, priced per month at the regional tariff. */
  public record Line(
      UUID planServiceId,
      int position,
      UUID serviceTypeId,
      String serviceName,
      Unit unit,
      BigDecimal units,
      NormPeriod period,
      String frequency,
      String servicePointName,
      LocalDate startsOn,
      LocalDate endsOn,
      UUID tariffId,
      BigDecimal unitPrice,
      BigDecimal monthlyCost,
      BigDecimal monthlyCopayment) {}
}
