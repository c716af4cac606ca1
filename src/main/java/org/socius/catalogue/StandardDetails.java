package org.socius.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.socius.catalogue.Classification.NormPeriod;
import org.socius.catalogue.Classification.Unit;

/** What the ministry enters for a new version of a standard. */
public record StandardDetails(
    LocalDate effectiveFrom,
    String content,
    Unit unit,
    BigDecimal maxUnits,
    NormPeriod normPeriod,
    String frequency,
    Integer durationMinutes,
    String staffQualifications,
    String qualityCriteria,
    BigDecimal referenceUnitCost) {}
