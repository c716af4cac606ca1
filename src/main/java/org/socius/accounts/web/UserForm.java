package org.socius.accounts.web;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.socius.accounts.Sector;
import org.socius.accounts.UserAccount;
import org.socius.accounts.UserDetailsForm;
import org.socius.platform.security.Role;
import org.socius.platform.security.ScopeLevel;

/** The users form as the browser posts it. */
class UserForm {

  private String username = "";
  private String displayName = "";
  private String email = "";
  private Set<Role> roles = EnumSet.noneOf(Role.class);
  private Sector sector;
  private ScopeLevel scopeLevel = ScopeLevel.MUNICIPALITY;
  private UUID regionId;
  private UUID municipalityId;
  private String preferredLanguage = "en";
  private boolean enabled = true;
  private String password = "";
  private int version;

  static UserForm from(UserAccount user) {
    UserForm form = new UserForm();
    form.username = user.username();
    form.displayName = user.displayName();
    form.email = user.email() == null ? "" : user.email();
    form.roles = EnumSet.copyOf(user.roles());
    form.sector = user.sector();
    form.scopeLevel = user.scope().level();
    form.regionId = user.scope().regionId();
    form.municipalityId = user.scope().municipalityId();
    form.preferredLanguage = user.preferredLanguage();
    form.enabled = user.enabled();
    form.version = user.version();
    return form;
  }

  UserDetailsForm toDetails() {
    UUID region = scopeLevel == ScopeLevel.REGION ? regionId : null;
    UUID municipality = scopeLevel == ScopeLevel.MUNICIPALITY ? municipalityId : null;
    return new UserDetailsForm(
        username,
        displayName,
        email,
        roles == null ? Set.of() : roles,
        sector,
        scopeLevel,
        region,
        municipality,
        preferredLanguage,
        enabled);
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public Set<Role> getRoles() {
    return roles;
  }

  public void setRoles(Set<Role> roles) {
    this.roles = roles;
  }

  public Sector getSector() {
    return sector;
  }

  public void setSector(Sector sector) {
    this.sector = sector;
  }

  public ScopeLevel getScopeLevel() {
    return scopeLevel;
  }

  public void setScopeLevel(ScopeLevel scopeLevel) {
    this.scopeLevel = scopeLevel;
  }

  public UUID getRegionId() {
    return regionId;
  }

  public void setRegionId(UUID regionId) {
    this.regionId = regionId;
  }

  public UUID getMunicipalityId() {
    return municipalityId;
  }

  public void setMunicipalityId(UUID municipalityId) {
    this.municipalityId = municipalityId;
  }

  public String getPreferredLanguage() {
    return preferredLanguage;
  }

  public void setPreferredLanguage(String preferredLanguage) {
    this.preferredLanguage = preferredLanguage;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public int getVersion() {
    return version;
  }

  public void setVersion(int version) {
    this.version = version;
  }
}
