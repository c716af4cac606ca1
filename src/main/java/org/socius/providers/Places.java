package org.socius.providers;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.NotFoundException;
import org.socius.providers.internal.PlaceRecords;
import org.socius.providers.internal.RegisterSearchIndex;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places in the register taken by clients who chose a provider. Taking a place is the one change
 * another module makes here by a direct call rather than an event: the worker choosing with the
 * client must learn at once whether the place is theirs, and of two choosing the last place at the
 * same moment exactly one gets it.
 */
@Service
public class Places {

  private final PlaceRecords records;
  private final RegisterSearchIndex searchIndex;
  private final Clock clock;

  Places(PlaceRecords records, RegisterSearchIndex searchIndex, Clock clock) {
    this.records = records;
    this.searchIndex = searchIndex;
    this.clock = clock;
  }

  /** A place held in a registered service. */
  public record Place(UUID reservationId, PublicRegister.Entry service) {}

  /**
   * Takes a place of a registered service for a client of the acting worker's territory, held by
   * {@code holderId} (what the place is for: a line of a plan). Refused when the service is not in
   * the register (404), not active, or full (409, naming it).
   */
  @Transactional
  public Place take(
      UUID registeredServiceId, UUID holderId, UUID clientRegionId, UUID clientMunicipalityId) {
    PlaceRecords.PlaceEntry found =
        records
            .entry(registeredServiceId)
            .orElseThrow(() -> new NotFoundException("registered service", registeredServiceId));
    PublicRegister.Entry entry = found.entry();
    if (!found.active()) {
      throw new ConflictException("PRV-1601", entry.providerName());
    }
    UUID reservation =
        records
            .take(
                registeredServiceId,
                holderId,
                clientRegionId,
                clientMunicipalityId,
                OffsetDateTime.now(clock))
            .orElseThrow(
                () ->
                    new ConflictException(
                        "PRV-1602", entry.providerName(), entry.servicePointName()));
    int free = records.freePlaces(List.of(registeredServiceId)).get(registeredServiceId);
    searchIndex.freePlacesChangedOnCommit(registeredServiceId, free);
    return new Place(reservation, entry.withFreePlaces(free));
  }

  /** A line of the register, whether or not it takes clients now. */
  @Transactional(readOnly = true)
  public Optional<PublicRegister.Entry> service(UUID registeredServiceId) {
    return records.entry(registeredServiceId).map(PlaceRecords.PlaceEntry::entry);
  }

  /** Gives a place back; false if it had been given back already. */
  @Transactional
  public boolean giveBack(UUID reservationId) {
    Optional<UUID> service = records.serviceOf(reservationId);
    boolean given = records.giveBack(reservationId, OffsetDateTime.now(clock));
    if (given && service.isPresent()) {
      UUID id = service.get();
      searchIndex.freePlacesChangedOnCommit(id, records.freePlaces(List.of(id)).get(id));
    }
    return given;
  }

  /** Free places of registered services as they are now, not as the search index last saw them. */
  @Transactional(readOnly = true)
  public Map<UUID, Integer> freePlaces(Collection<UUID> registeredServiceIds) {
    return records.freePlaces(registeredServiceIds);
  }
}
