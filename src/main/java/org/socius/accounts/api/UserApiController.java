package org.socius.accounts.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.socius.accounts.AccountAdministration;
import org.socius.accounts.Sector;
import org.socius.accounts.UserAccount;
import org.socius.accounts.UserDetailsForm;
import org.socius.platform.api.ETags;
import org.socius.platform.api.PageResponse;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.Role;
import org.socius.platform.security.ScopeLevel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Users over JSON, for administrators and for a caller's own account. */
@RestController
@Tag(name = "Users", description = "Accounts, roles and territorial scopes")
class UserApiController {

  private final AccountAdministration administration;

  UserApiController(AccountAdministration administration) {
    this.administration = administration;
  }

  /** A user as the API shows it. */
  record UserView(
      UUID id,
      String username,
      String displayName,
      String email,
      Set<Role> roles,
      Sector sector,
      ScopeLevel scopeLevel,
      UUID regionId,
      UUID municipalityId,
      String preferredLanguage,
      boolean enabled,
      OffsetDateTime lockedUntil,
      OffsetDateTime lastLoginAt,
      int version) {
    static UserView of(UserAccount u) {
      return new UserView(
          u.id(),
          u.username(),
          u.displayName(),
          u.email(),
          u.roles(),
          u.sector(),
          u.scope().level(),
          u.scope().regionId(),
          u.scope().municipalityId(),
          u.preferredLanguage(),
          u.enabled(),
          u.lockedUntil(),
          u.lastLoginAt(),
          u.version());
    }
  }

  /** The details of a user to create or replace; the username is fixed once created. */
  record UserBody(
      String username,
      @NotBlank String displayName,
      String email,
      @NotEmpty Set<Role> roles,
      Sector sector,
      @NotNull ScopeLevel scopeLevel,
      UUID regionId,
      UUID municipalityId,
      String preferredLanguage,
      Boolean enabled,
      String password) {
    UserDetailsForm toForm() {
      return new UserDetailsForm(
          username,
          displayName,
          email,
          roles,
          sector,
          scopeLevel,
          regionId,
          municipalityId,
          preferredLanguage,
          enabled == null || enabled);
    }
  }

  @GetMapping("/api/v1/me")
  UserView me() {
    return administration
        .findByUsername(CurrentScope.actor().orElseThrow().username())
        .map(UserView::of)
        .orElseThrow();
  }

  @GetMapping("/api/v1/users")
  @PreAuthorize("hasRole('ADMINISTRATOR')")
  PageResponse<UserView> list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Role role,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return administration.search(q, role, page, size).map(UserView::of);
  }

  @GetMapping("/api/v1/users/{id}")
  @PreAuthorize("hasRole('ADMINISTRATOR')")
  ResponseEntity<UserView> get(@PathVariable UUID id) {
    UserAccount user = administration.get(id);
    return ResponseEntity.ok().eTag(ETags.of(user.version())).body(UserView.of(user));
  }

  @PostMapping("/api/v1/users")
  @PreAuthorize("hasRole('ADMINISTRATOR')")
  ResponseEntity<UserView> create(@Valid @RequestBody UserBody body) {
    UserAccount user = administration.create(body.toForm(), body.password());
    return ResponseEntity.created(URI.create("/api/v1/users/" + user.id()))
        .eTag(ETags.of(user.version()))
        .body(UserView.of(user));
  }

  @PutMapping("/api/v1/users/{id}")
  @PreAuthorize("hasRole('ADMINISTRATOR')")
  ResponseEntity<UserView> update(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody UserBody body) {
    UserAccount current = administration.get(id);
    int version = ETags.requireMatch(ifMatch, current.version());
    UserAccount user = administration.update(id, version, body.toForm());
    return ResponseEntity.ok().eTag(ETags.of(user.version())).body(UserView.of(user));
  }

  @PostMapping("/api/v1/users/{id}/unlock")
  @PreAuthorize("hasRole('ADMINISTRATOR')")
  ResponseEntity<Void> unlock(@PathVariable UUID id) {
    administration.unlock(id);
    return ResponseEntity.noContent().build();
  }
}
