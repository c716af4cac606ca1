package org.socius.accounts;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.socius.platform.security.Role;
import org.socius.platform.security.TerritorialScope;

/** A user as administrators and other modules see it; the password hash never leaves. */
public record UserAccount(
    UUID id,
    String username,
    String displayName,
    String email,
    Set<Role> roles,
    Sector sector,
    TerritorialScope scope,
    String preferredLanguage,
    boolean enabled,
    int failedAttempts,
    OffsetDateTime lockedUntil,
    OffsetDateTime lastLoginAt,
    OffsetDateTime createdAt,
    int version) {

  public boolean lockedAt(OffsetDateTime now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }
}
