package org.socius.support;

import java.util.Set;
import java.util.UUID;
import org.socius.accounts.AccountAdministration;
import org.socius.accounts.UserAccount;
import org.socius.accounts.UserDetailsForm;
import org.socius.accounts.internal.ApiTokens;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.Role;
import org.socius.platform.security.ScopeLevel;
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
        new UserDetailsForm(
            username,
            "Test " + username,
            null,
            Set.of(Role.CASE_WORKER),
            null,
            ScopeLevel.NATIONAL,
            null,
            null,
            "en",
            true),
        password);
  }

  /** A user with one role and a regional scope, created for one test. */
  public UserAccount createScopedUser(String username, Role role, TerritoryUnit region) {
    return accounts.create(
        new UserDetailsForm(
            username,
            "Test " + username,
            null,
            Set.of(role),
            null,
            ScopeLevel.REGION,
            region.id(),
            null,
            "en",
            true),
        "Scoped-secret-" + username.length() + "x");
  }

  /** A fresh API token acting for a demo user. */
  public String tokenFor(String username) {
    UUID id = user(username).id();
    return CurrentScope.asSystem(() -> tokens.issue(id, "test " + UUID.randomUUID(), 1).token());
  }
}
