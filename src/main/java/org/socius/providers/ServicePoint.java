package org.socius.providers;

import java.util.Set;
import java.util.UUID;
import org.socius.providers.ProviderKinds.Accessibility;

/** A place where a provider serves people: address, location, capacity, hours, accessibility. */
public record ServicePoint(
    UUID id,
    UUID providerId,
    UUID regionId,
    UUID municipalityId,
    String name,
    String address,
    double latitude,
    double longitude,
    int capacity,
    String openingHours,
    Set<Accessibility> accessibility,
    String phone) {}
