package org.socius.accounts;

import java.util.List;
import java.util.UUID;
import org.socius.accounts.internal.Accounts;
import org.socius.platform.security.Role;
import org.socius.platform.security.ScopeLevel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory of colleagues who can work in a municipality: a worker routing a case or calling a
 * team needs to find the specialists of the region and the nation, whose accounts their own scope
 * does not show. Only names, sectors and scope levels leave this directory.
 */
@Service
public class Colleagues {

  /** A user as colleagues see them. */
  public record Colleague(
      UUID id, String username, String displayName, Sector sector, ScopeLevel level) {}

  private final Accounts accounts;

  Colleagues(Accounts accounts) {
    this.accounts = accounts;
  }

  /** Enabled users with the role whose scope reaches the municipality, by name. */
  @Transactional
  public List<Colleague> reaching(UUID regionId, UUID municipalityId, Role role) {
    return accounts.colleaguesReaching(regionId, municipalityId, role);
  }
}
