package org.socius.accounts;

import java.util.Set;
import java.util.UUID;
import org.socius.platform.security.Role;
import org.socius.platform.security.ScopeLevel;

/**
 * The editable details of a user, as an administrator enters them. The territory fields name the
 * scope: a region for a regional scope, a municipality (whose region is derived) for a municipal
 * one.
 */
public record UserDetailsForm(
    String username,
    String displayName,
    String email,
    Set<Role> roles,
    Sector sector,
    ScopeLevel scopeLevel,
    UUID regionId,
    UUID municipalityId,
    String preferredLanguage,
    boolean enabled) {}
