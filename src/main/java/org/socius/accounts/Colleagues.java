package org.socius.accounts;

import java.util.List;
import java.util.UUID;
import org.socius.accounts.internal.Accounts;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.Role;
import org.socius.platform.security.ScopeLevel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The directory of colleagues who can work in a municipality: a worker routing a case or calling a
 * team needs to find the specialists of the region and the nation, whose accounts their own scope
 * does not show. Only names, roles and sectors leave this directory.
 */
@Service
public class Colleagues {

  /** A user as colleagues see them. */
  public record Colleague(
      UUID id, String username, String displayName, Sector sector, ScopeLevel level) {}

  private final Accounts accounts;
  private final TransactionTemplate directoryRead;

  Colleagues(Accounts accounts, PlatformTransactionManager transactions) {
    this.accounts = accounts;
    // Read in a transaction of its own, begun in the system's scope: the directory spans scopes.
    this.directoryRead = new TransactionTemplate(transactions);
    directoryRead.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    directoryRead.setReadOnly(true);
  }

  /** Enabled users with the role whose scope reaches the municipality, by name. */
  public List<Colleague> reaching(UUID regionId, UUID municipalityId, Role role) {
    return CurrentScope.asSystem(
        () ->
            directoryRead.execute(
                status ->
                    accounts.reaching(regionId, municipalityId, role).stream()
                        .map(
                            u ->
                                new Colleague(
                                    u.id(),
                                    u.username(),
                                    u.displayName(),
                                    u.sector(),
                                    u.scope().level()))
                        .toList()));
  }
}
