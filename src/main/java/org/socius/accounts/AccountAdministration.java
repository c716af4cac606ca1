package org.socius.accounts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.socius.accounts.internal.Accounts;
import org.socius.accounts.internal.PasswordPolicy;
import org.socius.audit.AuditLog;
import org.socius.audit.AuditedEntity;
import org.socius.platform.Ids;
import org.socius.platform.Languages;
import org.socius.platform.api.PageResponse;
import org.socius.platform.api.Paging;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.Role;
import org.socius.platform.security.ScopeLevel;
import org.socius.platform.security.TerritorialScope;
import org.socius.territory.Territories;
import org.socius.territory.TerritoryLevel;
import org.socius.territory.TerritoryUnit;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing users: what administrators do on the users pages and through the API, and what a user
 * does to their own password. An administrator sees and grants only scopes inside their own; a user
 * outside it answers as unknown.
 */
@Service
public class AccountAdministration {

  private static final String USERNAME_PATTERN = "[a-z0-9._-]{3,64}";

  private final Accounts accounts;
  private final Territories territories;
  private final PasswordEncoder passwords;
  private final AuditLog audit;
  private final FindByIndexNameSessionRepository<?> sessions;

  AccountAdministration(
      Accounts accounts,
      Territories territories,
      PasswordEncoder passwords,
      AuditLog audit,
      FindByIndexNameSessionRepository<?> sessions) {
    this.accounts = accounts;
    this.territories = territories;
    this.passwords = passwords;
    this.audit = audit;
    this.sessions = sessions;
  }

  @Transactional(readOnly = true)
  public PageResponse<UserAccount> search(String text, Role role, int page, int size) {
    Paging.check(page, size);
    return PageResponse.of(
        accounts.search(text, role, size, (long) page * size),
        page,
        size,
        accounts.count(text, role));
  }

  /** Accounts locked now by repeated failed sign-ins, in the actor's scope. */
  @Transactional(readOnly = true)
  public long countLocked() {
    return accounts.countLocked();
  }

  /**
   * A user inside the actor's scope; the read of this personal record is audited in the same
   * transaction (a read-write one, so that the audit entry needs no second connection).
   */
  @Transactional
  public UserAccount get(UUID id) {
    UserAccount user = visible(id);
    audit.recordRead(entity(user));
    return user;
  }

  @Transactional(readOnly = true)
  public Optional<UserAccount> findByUsername(String username) {
    return accounts.findByUsername(username);
  }

  @Transactional
  public UserAccount create(UserDetailsForm form, String initialPassword) {
    List<Finding> findings = new ArrayList<>();
    String username = form.username() == null ? "" : form.username().trim().toLowerCase();
    if (!username.matches(USERNAME_PATTERN)) {
      findings.add(Finding.of("username", "ACC-0101"));
    } else if (accounts.usernameTaken(username)) {
      findings.add(Finding.of("username", "ACC-0102", username));
    }
    TerritorialScope scope = checkDetails(form, findings);
    checkPrivilegedGrant(form.roles(), Set.of(), findings);
    findings.addAll(PasswordPolicy.check("password", initialPassword, username));
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    UserAccount user =
        new UserAccount(
            Ids.newId(),
            username,
            form.displayName().trim(),
            blankToNull(form.email()),
            Set.copyOf(form.roles()),
            form.sector(),
            scope,
            language(form.preferredLanguage()),
            form.enabled(),
            0,
            null,
            null,
            null,
            0);
    try {
      accounts.insert(user, passwords.encode(initialPassword));
    } catch (DuplicateKeyException e) {
      // Taken by a user in a territory this administrator cannot see.
      throw InvalidInputException.of("username", "ACC-0102", username);
    }
    UserAccount created = accounts.find(user.id()).orElseThrow();
    audit.recordChange(entity(created), "create", null, auditState(created));
    return created;
  }

  @Transactional
  public UserAccount update(UUID id, int expectedVersion, UserDetailsForm form) {
    UserAccount before = visible(id);
    if (before.version() != expectedVersion) {
      throw ConflictException.staleVersion(expectedVersion, before.version());
    }
    List<Finding> findings = new ArrayList<>();
    TerritorialScope scope = checkDetails(form, findings);
    if (isSelf(id)
        && (!form.enabled()
            || !Set.copyOf(form.roles()).equals(before.roles())
            || (scope != null && !scope.equals(before.scope())))) {
      findings.add(Finding.of("roles", "ACC-0110"));
    }
    checkPrivilegedGrant(form.roles(), before.roles(), findings);
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    UserAccount changed =
        new UserAccount(
            id,
            before.username(),
            form.displayName().trim(),
            blankToNull(form.email()),
            Set.copyOf(form.roles()),
            form.sector(),
            scope,
            language(form.preferredLanguage()),
            form.enabled(),
            before.failedAttempts(),
            before.lockedUntil(),
            before.lastLoginAt(),
            before.createdAt(),
            expectedVersion);
    if (!accounts.update(changed)) {
      throw ConflictException.staleVersion(expectedVersion, "newer");
    }
    UserAccount after = accounts.find(id).orElseThrow();
    audit.recordChange(entity(after), "update", auditState(before), auditState(after));
    if (!before.roles().equals(after.roles())
        || !before.scope().equals(after.scope())
        || !after.enabled()) {
      endSessions(after.username(), null);
    }
    return after;
  }

  @Transactional
  public void resetPassword(UUID id, String newPassword) {
    UserAccount user = visible(id);
    requireMayActOnPrivileged(user);
    List<Finding> findings = PasswordPolicy.check("password", newPassword, user.username());
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    accounts.setPassword(id, passwords.encode(newPassword));
    // A reset means the account may be in other hands: its sessions and tokens end.
    int revoked = accounts.revokeTokens(id);
    audit.recordChange(entity(user), "reset-password", null, Map.of("tokensRevoked", revoked));
    endSessions(user.username(), null);
  }

  @Transactional
  public void unlock(UUID id) {
    UserAccount user = visible(id);
    requireMayActOnPrivileged(user);
    accounts.unlock(id);
    audit.recordChange(
        entity(user), "unlock", Map.of("failedAttempts", user.failedAttempts()), null);
  }

  /**
   * A user changes their own password, proving they know the current one. Every other session of
   * theirs ends; {@code currentSessionId} (may be null) stays signed in.
   */
  @Transactional
  public void changeOwnPassword(
      String currentPassword, String newPassword, String confirmation, String currentSessionId) {
    UUID id = CurrentScope.actor().orElseThrow().userId();
    UserAccount user = accounts.find(id).orElseThrow(() -> new NotFoundException("user", id));
    List<Finding> findings = new ArrayList<>();
    String hash = accounts.passwordHash(id).orElseThrow();
    if (currentPassword == null || !passwords.matches(currentPassword, hash)) {
      findings.add(Finding.of("currentPassword", "ACC-0205"));
    }
    findings.addAll(PasswordPolicy.check("newPassword", newPassword, user.username()));
    if (newPassword != null && !newPassword.equals(confirmation)) {
      findings.add(Finding.of("confirmation", "ACC-0206"));
    }
    if (findings.isEmpty() && passwords.matches(newPassword, hash)) {
      findings.add(Finding.of("newPassword", "ACC-0207"));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    accounts.setPassword(id, passwords.encode(newPassword));
    audit.recordChange(entity(user), "change-password", null, null);
    endSessions(user.username(), currentSessionId);
  }

  private UserAccount visible(UUID id) {
    UserAccount user = accounts.find(id).orElseThrow(() -> new NotFoundException("user", id));
    // Row-level security already hides other territories; this is the application's own check.
    if (!CurrentScope.get().allows(user.scope().regionId(), user.scope().municipalityId())) {
      throw new NotFoundException("user", id);
    }
    return user;
  }

  private TerritorialScope checkDetails(UserDetailsForm form, List<Finding> findings) {
    if (form.displayName() == null || form.displayName().isBlank()) {
      findings.add(Finding.of("displayName", "ACC-0103"));
    } else if (form.displayName().trim().length() > 200) {
      findings.add(Finding.of("displayName", "ACC-0104", 200));
    }
    if (form.email() != null
        && !form.email().isBlank()
        && !form.email().trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      findings.add(Finding.of("email", "ACC-0105"));
    }
    if (form.roles() == null || form.roles().isEmpty()) {
      findings.add(Finding.of("roles", "ACC-0106"));
    } else if (form.roles().contains(Role.TEAM_SPECIALIST) && form.sector() == null) {
      findings.add(Finding.of("sector", "ACC-0107"));
    }
    TerritorialScope scope = scopeOf(form, findings);
    if (scope != null && !CurrentScope.get().covers(scope)) {
      findings.add(Finding.of("scopeLevel", "ACC-0108"));
    }
    return scope;
  }

  private TerritorialScope scopeOf(UserDetailsForm form, List<Finding> findings) {
    ScopeLevel level = form.scopeLevel();
    if (level == null) {
      findings.add(Finding.of("scopeLevel", "ACC-0109"));
      return null;
    }
    return switch (level) {
      case NATIONAL -> TerritorialScope.national();
      case REGION -> {
        Optional<TerritoryUnit> region =
            territories.find(form.regionId()).filter(u -> u.level() == TerritoryLevel.REGION);
        if (region.isEmpty()) {
          findings.add(Finding.of("regionId", "ACC-0111"));
          yield null;
        }
        yield TerritorialScope.region(region.get().id());
      }
      case MUNICIPALITY -> {
        Optional<TerritoryUnit> municipality =
            territories
                .find(form.municipalityId())
                .filter(u -> u.level() == TerritoryLevel.MUNICIPALITY);
        if (municipality.isEmpty()) {
          findings.add(Finding.of("municipalityId", "ACC-0112"));
          yield null;
        }
        yield TerritorialScope.municipality(municipality.get().regionId(), municipality.get().id());
      }
      default -> {
        findings.add(Finding.of("scopeLevel", "ACC-0109"));
        yield null;
      }
    };
  }

  private void endSessions(String username, String except) {
    sessions.findByPrincipalName(username).keySet().stream()
        .filter(sessionId -> !sessionId.equals(except))
        .forEach(sessions::deleteById);
  }

  /**
   * Roles that open the whole system or its audit trail: granted only by national administrators.
   */
  private static final Set<Role> PRIVILEGED = Set.of(Role.ADMINISTRATOR, Role.AUDITOR);

  private static void checkPrivilegedGrant(
      Set<Role> wanted, Set<Role> held, List<Finding> findings) {
    if (wanted == null || CurrentScope.get().isNationalOrWider()) {
      return;
    }
    if (wanted.stream().anyMatch(r -> PRIVILEGED.contains(r) && !held.contains(r))) {
      findings.add(Finding.of("roles", "ACC-0113"));
    }
  }

  /**
   * A regional administrator may not take over a fellow administrator's or an auditor's account.
   */
  private static void requireMayActOnPrivileged(UserAccount user) {
    if (!isSelf(user.id())
        && !CurrentScope.get().isNationalOrWider()
        && user.roles().stream().anyMatch(PRIVILEGED::contains)) {
      throw new AccessDeniedException("only a national administrator may do this");
    }
  }

  private static boolean isSelf(UUID id) {
    return CurrentScope.actor().map(a -> a.userId().equals(id)).orElse(false);
  }

  private static String language(String language) {
    return Languages.supported(language) ? language : Languages.CODES.getFirst();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** What the audit keeps of a user: everything but counters and timestamps. */
  private static Map<String, Object> auditState(UserAccount user) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("username", user.username());
    state.put("displayName", user.displayName());
    state.put("email", user.email());
    state.put("roles", user.roles().stream().map(Role::name).sorted().toList());
    state.put("sector", user.sector());
    state.put("scope", user.scope().level());
    state.put("regionId", user.scope().regionId());
    state.put("municipalityId", user.scope().municipalityId());
    state.put("language", user.preferredLanguage());
    state.put("enabled", user.enabled());
    return state;
  }

  private static AuditedEntity entity(UserAccount user) {
    return AuditedEntity.of(
        "user", user.id(), user.scope().regionId(), user.scope().municipalityId());
  }
}
