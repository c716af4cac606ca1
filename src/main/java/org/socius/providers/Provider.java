package org.socius.providers;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.socius.providers.ProviderKinds.FounderType;
import org.socius.providers.ProviderKinds.ProviderType;

/** A provider of social services with its founders, as the register shows it. */
public record Provider(
    UUID id,
    UUID regionId,
    String legalName,
    ProviderType type,
    String registrationNumber,
    String taxId,
    String legalAddress,
    String email,
    String phone,
    String website,
    String status,
    List<Founder> founders,
    int version) {

  /**
   * Whether the state stands behind it: a state body itself, or an organisation in which state
   * founders hold the majority (a "GONGO").
   */
  public boolean stateAffiliated() {
    if (type.isState()) {
      return true;
    }
    BigDecimal stateShare =
        founders.stream()
            .filter(f -> f.type().isState() && f.sharePercent() != null)
            .map(Founder::sharePercent)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    boolean onlyStateFounders =
        !founders.isEmpty() && founders.stream().allMatch(f -> f.type().isState());
    return onlyStateFounders || stateShare.compareTo(BigDecimal.valueOf(50)) > 0;
  }

  /** A founder and its share. */
  public record Founder(UUID id, String name, FounderType type, BigDecimal sharePercent) {}
}
