package org.socius.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.socius.accounts.Colleagues.Colleague;
import org.socius.accounts.Sector;
import org.socius.accounts.UserAccount;
import org.socius.platform.db.TextArrays;
import org.socius.platform.security.Role;
import org.socius.platform.security.ScopeLevel;
import org.socius.platform.security.TerritorialScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The user accounts table; what a caller may see is limited by row-level security. */
@Repository
public class Accounts {

  private static final String COLUMNS = columns("user_account");

  /**
   * The columns {@link #map} reads, qualified by a table alias. A lock that has expired reads as
   * none.
   */
  static String columns(String alias) {
    String a = alias + ".";
    return a
        + "id, "
        + a
        + "username, "
        + a
        + "display_name, "
        + a
        + "email, "
        + a
        + "roles, "
        + a
        + "sector, "
        + a
        + "scope_level, "
        + a
        + "region_id, "
        + a
        + "municipality_id, "
        + a
        + "preferred_language, "
        + a
        + "enabled, "
        + a
        + "failed_attempts, case when "
        + a
        + "locked_until > now() then "
        + a
        + "locked_until end as locked_until, "
        + a
        + "last_login_at, "
        + a
        + "created_at, "
        + a
        + "version";
  }

  private final JdbcClient jdbc;

  Accounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<UserAccount> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from accounts.user_account where id = :id")
        .param("id", id)
        .query(Accounts::map)
        .optional();
  }

  public Optional<UserAccount> findByUsername(String username) {
    return jdbc.sql("select " + COLUMNS + " from accounts.user_account where username = :u")
        .param("u", username)
        .query(Accounts::map)
        .optional();
  }

  /**
   * Enabled users holding a role whose scope reaches a municipality (those of the municipality, of
   * its region and national ones), by name, from the directory function that reads past the
   * territorial policy: only the columns of a {@link Colleague} leave it.
   */
  public List<Colleague> colleaguesReaching(UUID regionId, UUID municipalityId, Role role) {
    return jdbc.sql(
            "select id, username, display_name, sector, scope_level"
                + " from accounts.colleagues_reaching(:region, :municipality, :role)")
        .param("region", regionId)
        .param("municipality", municipalityId)
        .param("role", role.name())
        .query(
            (rs, n) ->
                new Colleague(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4) == null ? null : Sector.valueOf(rs.getString(4)),
                    ScopeLevel.valueOf(rs.getString(5))))
        .list();
  }

  public Optional<String> passwordHash(UUID id) {
    return jdbc.sql("select password_hash from accounts.user_account where id = :id")
        .param("id", id)
        .query(String.class)
        .optional();
  }

  /**
   * Whether a visible user has the name. Usernames are unique across all territories; a name taken
   * in a territory the caller cannot see shows only when the insert hits the unique index.
   */
  public boolean usernameTaken(String username) {
    return jdbc.sql("select exists (select 1 from accounts.user_account where username = :u)")
        .param("u", username)
        .query(Boolean.class)
        .single();
  }

  public List<UserAccount> search(String text, Role role, int limit, long offset) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from accounts.user_account where "
                + WHERE
                + " order by username limit :limit offset :offset")
        .params(filter(text, role))
        .param("limit", limit)
        .param("offset", offset)
        .query(Accounts::map)
        .list();
  }

  public long count(String text, Role role) {
    return jdbc.sql("select count(*) from accounts.user_account where " + WHERE)
        .params(filter(text, role))
        .query(Long.class)
        .single();
  }

  private static final String WHERE =
      "(cast(:text as text) is null or username like :text or lower(display_name) like :text)"
          + " and (cast(:role as text) is null or :role = any(roles))";

  private static Map<String, Object> filter(String text, Role role) {
    Map<String, Object> params = new HashMap<>();
    params.put(
        "text",
        text == null || text.isBlank()
            ? null
            : "%" + text.trim().toLowerCase().replace("%", "\\%") + "%");
    params.put("role", role == null ? null : role.name());
    return params;
  }

  public long countLocked() {
    return jdbc.sql("select count(*) from accounts.user_account where locked_until > now()")
        .query(Long.class)
        .single();
  }

  public void insert(UserAccount user, String passwordHash) {
    jdbc.sql(
            """
            insert into accounts.user_account (id, username, display_name, email, password_hash,
              roles, sector, scope_level, region_id, municipality_id, preferred_language, enabled)
            values (:id, :username, :displayName, :email, :hash, cast(:roles as text[]), :sector,
              :level, :region, :municipality, :language, :enabled)""")
        .param("id", user.id())
        .param("username", user.username())
        .param("displayName", user.displayName())
        .param("email", user.email())
        .param("hash", passwordHash)
        .param("roles", TextArrays.ofNames(user.roles()))
        .param("sector", user.sector() == null ? null : user.sector().name())
        .param("level", user.scope().level().name())
        .param("region", user.scope().regionId())
        .param("municipality", user.scope().municipalityId())
        .param("language", user.preferredLanguage())
        .param("enabled", user.enabled())
        .update();
  }

  /** Saves an edited user if nobody changed it meanwhile; false on a lost update. */
  public boolean update(UserAccount user) {
    return jdbc.sql(
                """
                update accounts.user_account set display_name = :displayName, email = :email,
                  roles = cast(:roles as text[]), sector = :sector, scope_level = :level,
                  region_id = :region, municipality_id = :municipality,
                  preferred_language = :language, enabled = :enabled, version = version + 1
                where id = :id and version = :version""")
            .param("displayName", user.displayName())
            .param("email", user.email())
            .param("roles", TextArrays.ofNames(user.roles()))
            .param("sector", user.sector() == null ? null : user.sector().name())
            .param("level", user.scope().level().name())
            .param("region", user.scope().regionId())
            .param("municipality", user.scope().municipalityId())
            .param("language", user.preferredLanguage())
            .param("enabled", user.enabled())
            .param("id", user.id())
            .param("version", user.version())
            .update()
        == 1;
  }

  public void setPassword(UUID id, String hash) {
    jdbc.sql(
            """
            update accounts.user_account set password_hash = :hash, password_changed_at = now(),
              failed_attempts = 0, locked_until = null, version = version + 1
            where id = :id""")
        .param("hash", hash)
        .param("id", id)
        .update();
  }

  /** Revokes every live API token of the user; returns how many. */
  public int revokeTokens(UUID userId) {
    return jdbc.sql(
            "update accounts.api_token set revoked_at = now() where user_id = :id and revoked_at is null")
        .param("id", userId)
        .update();
  }

  public void unlock(UUID id) {
    jdbc.sql(
            """
            update accounts.user_account set failed_attempts = 0, locked_until = null,
              version = version + 1 where id = :id""")
        .param("id", id)
        .update();
  }

  /** Counts a failed sign-in and locks the account once the limit is reached. */
  public void recordFailure(String username, int limit, OffsetDateTime lockUntil) {
    jdbc.sql(
            """
            update accounts.user_account set
              failed_attempts = case when locked_until <= now() then 1 else failed_attempts + 1 end,
              locked_until = case
                when (case when locked_until <= now() then 1 else failed_attempts + 1 end) >= :limit
                  then :until
                when locked_until <= now() then null
                else locked_until end
            where username = :u""")
        .param("limit", limit)
        .param("until", lockUntil)
        .param("u", username)
        .update();
  }

  public void recordSuccess(String username, OffsetDateTime at) {
    jdbc.sql(
            """
            update accounts.user_account set failed_attempts = 0, locked_until = null,
              last_login_at = :at where username = :u""")
        .param("at", at)
        .param("u", username)
        .update();
  }

  static UserAccount map(ResultSet rs, int row) throws SQLException {
    String[] roleNames = (String[]) rs.getArray("roles").getArray();
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Arrays.stream(roleNames).map(Role::valueOf).forEach(roles::add);
    ScopeLevel level = ScopeLevel.valueOf(rs.getString("scope_level"));
    UUID region = rs.getObject("region_id", UUID.class);
    UUID municipality = rs.getObject("municipality_id", UUID.class);
    TerritorialScope scope =
        switch (level) {
          case REGION -> TerritorialScope.region(region);
          case MUNICIPALITY -> TerritorialScope.municipality(region, municipality);
          default -> TerritorialScope.national();
        };
    String sector = rs.getString("sector");
    return new UserAccount(
        rs.getObject("id", UUID.class),
        rs.getString("username"),
        rs.getString("display_name"),
        rs.getString("email"),
        Set.copyOf(roles),
        sector == null ? null : Sector.valueOf(sector),
        scope,
        rs.getString("preferred_language"),
        rs.getBoolean("enabled"),
        rs.getInt("failed_attempts"),
        rs.getObject("locked_until", OffsetDateTime.class),
        rs.getObject("last_login_at", OffsetDateTime.class),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getInt("version"));
  }
}
