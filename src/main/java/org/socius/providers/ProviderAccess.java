package org.socius.providers;

import java.util.UUID;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.security.Actor;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.Role;
import org.socius.providers.internal.ProviderRecords;
import org.springframework.stereotype.Component;

/**
 * Who may see and change a provider's own records: its members, and the officers of its region.
 * Anybody else is told it does not exist.
 */
@Component
class ProviderAccess {

  private final ProviderRecords providers;

  ProviderAccess(ProviderRecords providers) {
    this.providers = providers;
  }

  boolean isMember(UUID providerId) {
    return CurrentScope.actor()
        .map(actor -> providers.isMember(providerId, actor.userId()))
        .orElse(false);
  }

  boolean isOfficerOf(UUID regionId) {
    Actor actor = CurrentScope.actor().orElse(null);
    return actor != null
        && (actor.hasRole(Role.REGIONAL_OFFICER) || actor.hasRole(Role.ADMINISTRATOR))
        && actor.scope().allows(regionId, null);
  }

  /** The provider, if the actor is one of its members; 404 otherwise. */
  Provider requireMember(UUID providerId) {
    Provider provider =
        providers.find(providerId).orElseThrow(() -> new NotFoundException("provider", providerId));
    if (!isMember(providerId)) {
      throw new NotFoundException("provider", providerId);
    }
    return provider;
  }

  void requireOfficerOf(UUID regionId, Object id) {
    if (!isOfficerOf(regionId)) {
      throw new NotFoundException("application", id);
    }
  }

  String actorName() {
    return CurrentScope.actorName();
  }
}
