package org.socius.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socius.platform.security.TerritorialScope;

class TerritorialScopeTest {

  UUID north = UUID.randomUUID();
  UUID south = UUID.randomUUID();
  UUID harbour = UUID.randomUUID();
  UUID pinewood = UUID.randomUUID();

  @Test
  void aRegionSeesItsOwnRowsAndItsMunicipalitiesButNotAnotherRegion() {
    TerritorialScope scope = TerritorialScope.region(north);
    assertThat(scope.allows(north, null)).isTrue();
    assertThat(scope.allows(north, harbour)).isTrue();
    assertThat(scope.allows(south, null)).isFalse();
    assertThat(scope.allows(null, null)).isFalse();
  }

  @Test
  void aMunicipalitySeesOnlyItself() {
    TerritorialScope scope = TerritorialScope.municipality(north, harbour);
    assertThat(scope.allows(north, harbour)).isTrue();
    assertThat(scope.allows(north, pinewood)).isFalse();
    assertThat(scope.allows(north, null)).isFalse();
  }

  @Test
  void nobodySeesNothingAndNationalSeesAll() {
    assertThat(TerritorialScope.none().allows(north, harbour)).isFalse();
    assertThat(TerritorialScope.national().allows(null, null)).isTrue();
  }

  @Test
  void scopesCoverOnlyNarrowerOrEqualScopes() {
    assertThat(TerritorialScope.national().covers(TerritorialScope.region(north))).isTrue();
    assertThat(TerritorialScope.region(north).covers(TerritorialScope.municipality(north, harbour)))
        .isTrue();
    assertThat(TerritorialScope.region(north).covers(TerritorialScope.region(south))).isFalse();
    assertThat(TerritorialScope.region(north).covers(TerritorialScope.national())).isFalse();
    assertThat(TerritorialScope.municipality(north, harbour).covers(TerritorialScope.region(north)))
        .isFalse();
    assertThat(TerritorialScope.national().covers(TerritorialScope.system())).isFalse();
  }

  @Test
  void aRegionalScopeNeedsItsRegion() {
    assertThatThrownBy(() -> TerritorialScope.region(null))
        .isInstanceOf(NullPointerException.class);
  }
}
