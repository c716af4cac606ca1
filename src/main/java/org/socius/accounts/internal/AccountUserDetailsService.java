package org.socius.accounts.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.socius.platform.security.CurrentScope;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Looks a user up for sign-in. Nobody is signed in yet, so it reads as the system. */
@Service
class AccountUserDetailsService implements UserDetailsService {

  private final Accounts accounts;
  private final TransactionTemplate transaction;
  private final Clock clock;

  AccountUserDetailsService(Accounts accounts, TransactionTemplate transaction, Clock clock) {
    this.accounts = accounts;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    String normalised = username == null ? "" : username.trim().toLowerCase();
    return CurrentScope.asSystem(
        () ->
            transaction.execute(
                status ->
                    accounts
                        .findByUsername(normalised)
                        .map(
                            user ->
                                new SociusPrincipal(
                                    user,
                                    accounts.passwordHash(user.id()).orElseThrow(),
                                    user.lockedAt(OffsetDateTime.now(clock))))
                        .orElseThrow(() -> new UsernameNotFoundException("unknown user"))));
  }
}
