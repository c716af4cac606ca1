package org.socius.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.socius.catalogue.Classification.NormPeriod;
import org.socius.catalogue.Classification.Unit;

/**
 * One version of a service type's standard: what the service contains, its norms of volume ({@code
 * maxUnits} per {@code normPeriod}), frequency and duration, the staff it needs, how its quality is
 * judged, and what a unit costs. In force from {@code effectiveFrom} until the next version's date.
 */
public record Standard(
    UUID id,
    UUID serviceTypeId,
    int versionNumber,
    LocalDate effectiveFrom,
    String content,
    Unit unit,
    BigDecimal maxUnits,
    NormPeriod normPeriod,
    String frequency,
    Integer durationMinutes,
    String staffQualifications,
    String qualityCriteria,
    BigDecimal referenceUnitCost,
    String currency) {}
