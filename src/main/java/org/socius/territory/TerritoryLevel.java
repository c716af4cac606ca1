package org.socius.territory;

import java.util.Optional;

/** The levels of the territorial hierarchy, from the top. */
public enum TerritoryLevel {
  /** The country. There is exactly one. */
  NATIONAL,
  /** A region (province, oblast): keeps the register of providers and a working calendar. */
  REGION,
  /** A municipality (district or city): where case workers serve people. */
  MUNICIPALITY,
  /** A settlement or community inside a municipality. */
  SETTLEMENT;

  /** The level directly above, empty for the country. */
  public Optional<TerritoryLevel> parentLevel() {
    return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
  }

  public String messageKey() {
    return "territory.level." + name();
  }
}
