package org.socius.territory;

import java.util.UUID;

/**
 * One unit of the hierarchy. {@code regionId} and {@code municipalityId} name the region and
 * municipality it lies in (its own id at its own level), so scope checks need no tree walk.
 */
public record TerritoryUnit(
    UUID id,
    TerritoryLevel level,
    UUID parentId,
    String code,
    String name,
    UUID regionId,
    UUID municipalityId,
    int version) {}
