package org.socius.territory;

import java.util.UUID;

/** What it takes to add a unit: its level, the unit above it, a unique code and a name. */
public record NewTerritoryUnit(TerritoryLevel level, UUID parentId, String code, String name) {}
