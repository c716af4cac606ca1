package org.socius.people;

import java.util.UUID;

/** A duplicate record was merged into the person kept: references to it should follow. */
public record PersonsMerged(UUID keptId, UUID duplicateId) {}
