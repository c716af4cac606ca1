package org.socius.providers;

import java.util.Set;
import java.util.UUID;
import org.socius.providers.ProviderKinds.Accessibility;

/** A new service point as the provider describes it. */
public record ServicePointDetails(
    String name,
    UUID municipalityId,
    String address,
    Double latitude,
    Double longitude,
    Integer capacity,
    String openingHours,
    Set<Accessibility> accessibility,
    String phone) {}
