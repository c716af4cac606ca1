package org.socius.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socius.catalogue.Classification.NormPeriod;
import org.socius.catalogue.Classification.Unit;

/**
 * One version of a case's individual plan: what it aims at and the services that serve it, each
 * with its volume, frequency and dates against the standard's norm, and the provider the client
 * chose. A draft changes until the client (or their representative) agrees to it; an agreed version
 * never changes, and a change makes the next version, with its reason.
 */
public record Plan(
    UUID id,
    UUID caseId,
    int versionNumber,
    Status status,
    String goals,
    String reason,
    String language,
    Origin origin,
    OffsetDateTime createdAt,
    String createdBy,
    OffsetDateTime agreedAt,
    String agreedBy,
    AgreedAs agreedAs,
    String agreementRecordedBy,
    int version,
    List<Service> services) {

  public enum Status {
    /** Being written with the client; services and choices may change. */
    DRAFT,
    /** Agreed by the client or their representative; the plan in force. */
    AGREED,
    /** Replaced by a later agreed version. */
    SUPERSEDED
  }

  /** The client's place, which distances to providers are measured from. */
  public record Origin(String name, double latitude, double longitude) {}

  /** Who agreed to the plan. */
  public enum AgreedAs {
    CLIENT,
    REPRESENTATIVE
  }

  public boolean draft() {
    return status == Status.DRAFT;
  }

  public Optional<Service> service(UUID serviceId) {
    return services.stream().filter(s -> s.id().equals(serviceId)).findFirst();
  }

  /**
   * A service of the plan: {@code units} of the standard's unit per {@code period} (the period of
   * the standard's norm, {@code normUnits}), from {@code startsOn} to {@code endsOn}.
   */
  public record Service(
      UUID id,
      int position,
      UUID serviceTypeId,
      String serviceName,
      UUID standardId,
      Unit unit,
      BigDecimal units,
      NormPeriod period,
      BigDecimal normUnits,
      String frequency,
      LocalDate startsOn,
      LocalDate endsOn,
      String aboveNormReason,
      Choice choice) {

    public boolean aboveNorm() {
      return units.compareTo(normUnits) > 0;
    }
  }

  /** The provider the client chose for a service and the place held for them there. */
  public record Choice(
      UUID registeredServiceId,
      UUID providerId,
      String providerName,
      String servicePointName,
      String servicePointAddress,
      UUID reservationId,
      OffsetDateTime chosenAt,
      String chosenBy) {}
}
