package org.socius.territory;

import java.time.LocalDate;
import java.util.UUID;

/** An exception to a region's weekly pattern: a holiday, or a working day on a weekend. */
public record CalendarDay(UUID regionId, LocalDate day, boolean working, String description) {}
