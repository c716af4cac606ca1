package org.socius.delivery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A delivery as a provider sends it: the agreement by its reference and the service by its
 * catalogue code (what the provider's own system knows), the day, a visit's start and end or the
 * units given, who gave it, where, and why it goes beyond the plan's volume when it does. Units may
 * be left out: an hourly service counts the visit's hours, any other one unit.
 */
public record NewDelivery(
    String agreement,
    String service,
    LocalDate date,
    LocalTime start,
    LocalTime end,
    BigDecimal units,
    String staff,
    String place,
    String abovePlanReason) {}
