package org.socius.platform.security;

import java.util.Objects;
import java.util.UUID;

/**
 * The part of the country whose data an actor may see. Checked twice: by the application and,
 * through {@code platform.scope_allows}, by PostgreSQL row-level security.
 */
public record TerritorialScope(ScopeLevel level, UUID regionId, UUID municipalityId)
    implements java.io.Serializable {

  public TerritorialScope {
    Objects.requireNonNull(level, "level");
    switch (level) {
      case REGION -> Objects.requireNonNull(regionId, "a regional scope needs its region");
      case MUNICIPALITY -> {
        Objects.requireNonNull(regionId, "a municipal scope needs its region");
        Objects.requireNonNull(municipalityId, "a municipal scope needs its municipality");
      }
      default -> {
        regionId = null;
        municipalityId = null;
      }
    }
  }

  public static TerritorialScope national() {
    return new TerritorialScope(ScopeLevel.NATIONAL, null, null);
  }

  public static TerritorialScope region(UUID regionId) {
    return new TerritorialScope(ScopeLevel.REGION, regionId, null);
  }

  public static TerritorialScope municipality(UUID regionId, UUID municipalityId) {
    return new TerritorialScope(ScopeLevel.MUNICIPALITY, regionId, municipalityId);
  }

  public static TerritorialScope system() {
    return new TerritorialScope(ScopeLevel.SYSTEM, null, null);
  }

  public static TerritorialScope none() {
    return new TerritorialScope(ScopeLevel.NONE, null, null);
  }

  /**
   * Whether a record placed in the given region and municipality is visible. A record with no
   * region is national and visible only to national scopes; one with a region but no municipality
   * is regional and hidden from municipal scopes.
   */
  public boolean allows(UUID recordRegionId, UUID recordMunicipalityId) {
    return switch (level) {
      case SYSTEM, NATIONAL -> true;
      case REGION -> regionId.equals(recordRegionId);
      case MUNICIPALITY -> municipalityId.equals(recordMunicipalityId);
      case NONE -> false;
    };
  }

  /** Whether this scope reaches at least as far as {@code other}: who may grant which scope. */
  public boolean covers(TerritorialScope other) {
    return switch (level) {
      case SYSTEM -> true;
      case NATIONAL -> other.level != ScopeLevel.SYSTEM;
      case REGION ->
          (other.level == ScopeLevel.REGION || other.level == ScopeLevel.MUNICIPALITY)
              && regionId.equals(other.regionId);
      case MUNICIPALITY ->
          other.level == ScopeLevel.MUNICIPALITY && municipalityId.equals(other.municipalityId);
      case NONE -> other.level == ScopeLevel.NONE;
    };
  }

  public boolean isNationalOrWider() {
    return level == ScopeLevel.NATIONAL || level == ScopeLevel.SYSTEM;
  }
}
