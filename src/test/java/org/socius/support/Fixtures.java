package org.socius.support;

import java.util.UUID;
import org.socius.accounts.AccountAdministration;
import org.socius.accounts.UserAccount;
import org.socius.accounts.internal.ApiTokens;
import org.socius.platform.security.CurrentScope;
import org.socius.territory.Territories;
import org.socius.territory.TerritoryUnit;
import org.springframework.stereotype.Component;

/** Look-ups of the demo data and API tokens for demo users. */
@Component
public class Fixtures {

  public static final String DEMO_PASSWORD = "Socius-demo-2026";

  private final Territories territories;
  private final AccountAdministration accounts;
  private final ApiTokens tokens;

  Fixtures(Territories territories, AccountAdministration accounts, ApiTokens tokens) {
    this.territories = territories;
    this.accounts = accounts;
    this.tokens = tokens;
  }

  public TerritoryUnit unit(String code) {
    return territories.findByCode(code).orElseThrow();
  }

  public UserAccount user(String username) {
    return CurrentScope.asSystem(() -> accounts.findByUsername(username).orElseThrow());
  }

  /** A national case worker created for one test. */
  public UserAccount createUser(String username, String password) {
    return accounts.create(
        new org.socius.accounts.UserDetailsForm(
            username, "Test " + username, null, java.util.Set.of(org.socius.platform.security.Role.CASE_WORKER), null,
            org.socius.platform.security.ScopeLevel.NATIONAL, null, null, "en", true),
        password);
  }

  /** A fresh API token acting for a demo user. */
  public String tokenFor(String username) {
    UUID id = user(username).id();
    return CurrentScope.asSystem(() -> tokens.issue(id, "test " + UUID.randomUUID(), 1).token());
  }
}
