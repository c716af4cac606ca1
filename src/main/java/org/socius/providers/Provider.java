package org.socius.providers;

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
    double stateShare =
        founders.stream()
            .filter(f -> f.type().isState())
            .mapToDouble(f -> f.sharePercent() == null ? 0 : f.sharePercent().doubleValue())
            .sum();
    boolean onlyStateFounders =
        !founders.isEmpty() && founders.stream().allMatch(f -> f.type().isState());
    return onlyStateFounders || stateShare > 50;
  }

  /** A founder and its share. */
  public record Founder(
      UUID id, String name, FounderType type, java.math.BigDecimal sharePercent) {}
}
