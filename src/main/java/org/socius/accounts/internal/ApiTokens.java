package org.socius.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socius.accounts.UserAccount;
import org.socius.audit.AuditLog;
import org.socius.audit.AuditedEntity;
import org.socius.platform.Ids;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.security.CurrentScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * API tokens: long random secrets shown once at creation, kept only as a hash. A token acts for the
 * user who made it, with that user's roles and territorial scope, until revoked or expired.
 */
@Service
public class ApiTokens {

  static final String PREFIX = "soc_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Accounts accounts;
  private final AuditLog audit;
  private final Clock clock;
  private final TransactionTemplate transaction;

  ApiTokens(
      JdbcClient jdbc,
      Accounts accounts,
      AuditLog audit,
      Clock clock,
      TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.audit = audit;
    this.clock = clock;
    this.transaction = transaction;
  }

  /** A token's public facts. */
  public record TokenInfo(
      UUID id,
      String name,
      String prefix,
      OffsetDateTime createdAt,
      OffsetDateTime expiresAt,
      OffsetDateTime lastUsedAt,
      OffsetDateTime revokedAt) {}

  /** A new token: the secret is in {@code token} and is never shown again. */
  public record IssuedToken(TokenInfo info, String token) {}

  @Transactional
  public IssuedToken issue(UUID userId, String name, int validDays) {
    UserAccount user =
        accounts.find(userId).orElseThrow(() -> new NotFoundException("user", userId));
    if (name == null || name.isBlank() || name.length() > 100) {
      throw InvalidInputException.of("name", "ACC-0301");
    }
    if (validDays < 1 || validDays > 730) {
      throw InvalidInputException.of("validDays", "ACC-0302");
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    UUID id = Ids.newId();
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime expires = now.plusDays(validDays);
    jdbc.sql(
            """
            insert into accounts.api_token (id, user_id, name, token_hash, prefix, created_at,
              expires_at)
            values (:id, :user, :name, :hash, :prefix, :now, :expires)""")
        .param("id", id)
        .param("user", userId)
        .param("name", name.trim())
        .param("hash", hash(token))
        .param("prefix", token.substring(0, 10))
        .param("now", now)
        .param("expires", expires)
        .update();
    audit.recordChange(entity(user), "issue-token", null, Map.of("token", id, "name", name.trim()));
    return new IssuedToken(
        new TokenInfo(id, name.trim(), token.substring(0, 10), now, expires, null, null), token);
  }

  @Transactional(readOnly = true)
  public List<TokenInfo> list(UUID userId) {
    return jdbc.sql(
            """
            select id, name, prefix, created_at, expires_at, last_used_at, revoked_at
            from accounts.api_token where user_id = :user order by created_at desc""")
        .param("user", userId)
        .query(
            (rs, n) ->
                new TokenInfo(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, OffsetDateTime.class),
                    rs.getObject(5, OffsetDateTime.class),
                    rs.getObject(6, OffsetDateTime.class),
                    rs.getObject(7, OffsetDateTime.class)))
        .list();
  }

  @Transactional
  public void revoke(UUID userId, UUID tokenId) {
    UserAccount user =
        accounts.find(userId).orElseThrow(() -> new NotFoundException("user", userId));
    int changed =
        jdbc.sql(
                """
                update accounts.api_token set revoked_at = now()
                where id = :id and user_id = :user and revoked_at is null""")
            .param("id", tokenId)
            .param("user", userId)
            .update();
    if (changed == 0) {
      throw new NotFoundException("token", tokenId);
    }
    audit.recordChange(entity(user), "revoke-token", Map.of("token", tokenId), null);
  }

  /**
   * The user a presented token acts for, if it is valid now. The look-up runs as the system: until
   * the token is checked nobody is known.
   */
  public Optional<UserAccount> authenticate(String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
      return Optional.empty();
    }
    byte[] hash = hash(token);
    return CurrentScope.asSystem(() -> transaction.execute(status -> lookUp(hash)));
  }

  /**
   * Finds the live token and its enabled owner without writing: a client sending many requests must
   * not queue on its own token's row. When the token was last marked used is kept to the minute, by
   * a write only when that mark is older.
   */
  private Optional<UserAccount> lookUp(byte[] hash) {
    record Live(UUID tokenId, boolean stale, UserAccount user) {}
    Optional<Live> live =
        jdbc.sql(
                "select t.id as token_id, t.last_used_at is null"
                    + " or t.last_used_at < now() - interval '1 minute' as stale, "
                    + Accounts.columns("u")
                    + " from accounts.api_token t join accounts.user_account u on u.id = t.user_id"
                    + " where t.token_hash = :hash and t.revoked_at is null"
                    + " and (t.expires_at is null or t.expires_at > now()) and u.enabled")
            .param("hash", hash)
            .query(
                (rs, n) ->
                    new Live(
                        rs.getObject("token_id", UUID.class),
                        rs.getBoolean("stale"),
                        Accounts.map(rs, n)))
            .optional();
    live.filter(Live::stale)
        .ifPresent(
            t ->
                jdbc.sql(
                        "update accounts.api_token set last_used_at = now() where id = :id"
                            + " and (last_used_at is null or last_used_at < now() - interval '1 minute')")
                    .param("id", t.tokenId())
                    .update());
    return live.map(Live::user);
  }

  static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static AuditedEntity entity(UserAccount user) {
    return AuditedEntity.of(
        "user", user.id(), user.scope().regionId(), user.scope().municipalityId());
  }
}
