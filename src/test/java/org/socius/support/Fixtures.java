package org.socius.support;

import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.socius.accounts.AccountAdministration;
import org.socius.accounts.UserAccount;
import org.socius.accounts.UserDetailsForm;
import org.socius.accounts.internal.ApiTokens;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.Role;
import org.socius.platform.security.ScopeLevel;
import org.socius.territory.Territories;
import org.socius.territory.TerritoryUnit;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/** Look-ups of the demo data and API tokens for demo users. */
@Component
public class Fixtures {

  public static final String DEMO_PASSWORD = "Socius-demo-2026";

  private final Territories territories;
  private final AccountAdministration accounts;
  private final ApiTokens tokens;
  private final UserDetailsService users;
  private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
  private final org.springframework.transaction.support.TransactionTemplate transaction;

  Fixtures(
      Territories territories,
      AccountAdministration accounts,
      ApiTokens tokens,
      UserDetailsService users,
      org.springframework.jdbc.core.simple.JdbcClient jdbc,
      org.springframework.transaction.support.TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.territories = territories;
    this.accounts = accounts;
    this.tokens = tokens;
    this.users = users;
  }

  /** Runs work signed in as a demo user, through the same checks the pages and the API apply. */
  public <T> T as(String username, Supplier<T> work) {
    UserDetails principal = users.loadUserByUsername(username);
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            principal, null, principal.getAuthorities()));
    SecurityContextHolder.setContext(context);
    try {
      return work.get();
    } finally {
      SecurityContextHolder.clearContext();
    }
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

  /** An active registered service of a demo provider, by the provider's name and the service. */
  public UUID registeredService(String provider, String serviceCode) {
    return CurrentScope.asSystem(
        () ->
            transaction.execute(
                s ->
                    jdbc.sql(
                            """
                            select r.id from providers.registered_service r
                              join providers.provider p on p.id = r.provider_id
                              join catalogue.service_type t on t.id = r.service_type_id
                            where p.legal_name = :p and t.code = :s and r.status = 'ACTIVE'
                            limit 1""")
                        .param("p", provider)
                        .param("s", serviceCode)
                        .query(UUID.class)
                        .single()));
  }

  /** A demo provider by its legal name. */
  public UUID provider(String legalName) {
    return CurrentScope.asSystem(
        () ->
            transaction.execute(
                s ->
                    jdbc.sql("select id from providers.provider where legal_name = :p")
                        .param("p", legalName)
                        .query(UUID.class)
                        .single()));
  }

  /** A fresh API token acting for a demo user. */
  public String tokenFor(String username) {
    UUID id = user(username).id();
    return CurrentScope.asSystem(() -> tokens.issue(id, "test " + UUID.randomUUID(), 1).token());
  }
}
