package org.socius.providers;

import java.time.LocalDate;
import java.util.UUID;
import org.socius.providers.ProviderKinds.RegisteredStatus;

/** A service of a provider at a service point, admitted to the register, with free places. */
public record RegisteredService(
    UUID id,
    UUID providerId,
    UUID regionId,
    UUID municipalityId,
    UUID serviceTypeId,
    UUID servicePointId,
    int capacity,
    int occupied,
    RegisteredStatus status,
    String statusReason,
    LocalDate registeredOn,
    int version) {

  public int freePlaces() {
    return Math.max(0, capacity - occupied);
  }
}
