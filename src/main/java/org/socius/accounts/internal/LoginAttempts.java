package org.socius.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.socius.audit.AuditLog;
import org.socius.audit.AuditedEntity;
import org.socius.platform.security.CurrentScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Locks an account for a while after repeated wrong passwords, which makes guessing passwords
 * impractical, and resets the count after a successful sign-in.
 */
@Component
class LoginAttempts {

  private final Accounts accounts;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final AuditLog audit;
  private final int maxFailures;
  private final Duration lockDuration;

  LoginAttempts(
      Accounts accounts,
      TransactionTemplate transaction,
      Clock clock,
      AuditLog audit,
      @Value("${socius.security.max-failed-logins:5}") int maxFailures,
      @Value("${socius.security.lock-duration:15m}") Duration lockDuration) {
    this.accounts = accounts;
    this.transaction = transaction;
    this.clock = clock;
    this.audit = audit;
    this.maxFailures = maxFailures;
    this.lockDuration = lockDuration;
  }

  @EventListener
  void onFailure(AuthenticationFailureBadCredentialsEvent event) {
    String username = String.valueOf(event.getAuthentication().getName()).trim().toLowerCase();
    CurrentScope.asSystem(
        () ->
            transaction.executeWithoutResult(
                status -> {
                  accounts.recordFailure(
                      username, maxFailures, OffsetDateTime.now(clock).plus(lockDuration));
                  accounts
                      .findByUsername(username)
                      .ifPresent(
                          user ->
                              audit.recordChange(
                                  AuditedEntity.of(
                                      "user",
                                      user.id(),
                                      user.scope().regionId(),
                                      user.scope().municipalityId()),
                                  "login-failed",
                                  null,
                                  java.util.Map.of("failedAttempts", user.failedAttempts())));
                }));
  }

  @EventListener
  void onSuccess(InteractiveAuthenticationSuccessEvent event) {
    String username = event.getAuthentication().getName();
    CurrentScope.asSystem(
        () ->
            transaction.executeWithoutResult(
                status -> accounts.recordSuccess(username, OffsetDateTime.now(clock))));
  }
}
