package org.socius.accounts.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.socius.accounts.UserAccount;
import org.socius.platform.security.Actor;
import org.socius.platform.security.Role;
import org.socius.platform.security.TerritorialScope;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as Spring Security and the rest of Socius see them. It is stored in the
 * database session, so it holds only what a page needs, never the password hash after login.
 */
public final class SociusPrincipal implements UserDetails, CredentialsContainer, Actor {

  private final UUID userId;
  private final String username;
  private final String displayName;
  private final Set<Role> roles;
  private final TerritorialScope scope;
  private final boolean enabled;
  private final boolean locked;
  private String passwordHash;

  SociusPrincipal(UserAccount user, String passwordHash, boolean locked) {
    this.userId = user.id();
    this.username = user.username();
    this.displayName = user.displayName();
    this.roles = Set.copyOf(user.roles());
    this.scope = user.scope();
    this.enabled = user.enabled();
    this.locked = locked;
    this.passwordHash = passwordHash;
  }

  @Override
  public UUID userId() {
    return userId;
  }

  @Override
  public String username() {
    return username;
  }

  @Override
  public String displayName() {
    return displayName;
  }

  @Override
  public Set<Role> roles() {
    return roles;
  }

  @Override
  public TerritorialScope scope() {
    return scope;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    List<GrantedAuthority> authorities =
        roles.stream()
            .map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority()))
            .toList();
    return authorities;
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return username;
  }

  @Override
  public boolean isAccountNonLocked() {
    return !locked;
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SociusPrincipal p && p.userId.equals(userId);
  }

  @Override
  public int hashCode() {
    return userId.hashCode();
  }

  @Override
  public String toString() {
    return "SociusPrincipal[" + username + "]";
  }
}
