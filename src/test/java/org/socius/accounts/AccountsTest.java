package org.socius.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.Role;
import org.socius.platform.security.ScopeLevel;
import org.socius.platform.security.TerritorialScope;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class AccountsTest {

  @Autowired AccountAdministration administration;
  @Autowired Fixtures fixtures;

  private UserDetailsForm form(
      String username, ScopeLevel level, String regionCode, String municipalityCode) {
    return new UserDetailsForm(
        username,
        "Test " + username,
        null,
        EnumSet.of(Role.CASE_WORKER),
        null,
        level,
        regionCode == null ? null : fixtures.unit(regionCode).id(),
        municipalityCode == null ? null : fixtures.unit(municipalityCode).id(),
        "ru",
        true);
  }

  @Test
  void aMunicipalUserGetsTheRegionOfItsMunicipality() {
    UserAccount user =
        CurrentScope.asSystem(
            () ->
                administration.create(
                    form("new.worker", ScopeLevel.MUNICIPALITY, null, "NV-S-02"),
                    "Long-enough-secret-1"));
    assertThat(user.scope().regionId()).isEqualTo(fixtures.unit("NV-S").id());
    assertThat(user.scope().municipalityId()).isEqualTo(fixtures.unit("NV-S-02").id());
    assertThat(user.preferredLanguage()).isEqualTo("ru");
  }

  @Test
  void aRegionalAdministratorCannotGrantAnotherRegionOrTheNation() {
    TerritorialScope south = TerritorialScope.region(fixtures.unit("NV-S").id());
    assertThatThrownBy(
            () ->
                CurrentScope.within(
                    south,
                    () ->
                        administration.create(
                            form("north.grab", ScopeLevel.REGION, "NV-N", null),
                            "Long-enough-secret-1")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.findings()).extracting(Finding::code).contains("ACC-0108"));
    assertThatThrownBy(
            () ->
                CurrentScope.within(
                    south,
                    () ->
                        administration.create(
                            form("nation.grab", ScopeLevel.NATIONAL, null, null),
                            "Long-enough-secret-1")))
        .isInstanceOf(InvalidInputException.class);
    assertThat(fixtures.user("admin").username()).isEqualTo("admin");
    assertThat(CurrentScope.asSystem(() -> administration.findByUsername("north.grab"))).isEmpty();
  }

  @Test
  void badDetailsAreAllReportedAndNothingIsCreated() {
    assertThatThrownBy(
            () ->
                CurrentScope.asSystem(
                    () ->
                        administration.create(
                            new UserDetailsForm(
                                "X",
                                " ",
                                "not-an-email",
                                EnumSet.noneOf(Role.class),
                                null,
                                ScopeLevel.MUNICIPALITY,
                                null,
                                null,
                                "en",
                                true),
                            "short")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.findings())
                    .extracting(Finding::field)
                    .contains(
                        "username", "displayName", "email", "roles", "municipalityId", "password"));
  }

  @Test
  void aDuplicateUsernameIsRefused() {
    assertThatThrownBy(
            () ->
                CurrentScope.asSystem(
                    () ->
                        administration.create(
                            form("admin", ScopeLevel.NATIONAL, null, null),
                            "Long-enough-secret-1")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.findings()).extracting(Finding::code).containsExactly("ACC-0102"));
  }
}
