package org.socius.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socius.platform.web.MapProperties;

/** The tile server's origin is what the Content-Security-Policy lets pages load images from. */
class MapPropertiesTest {

  @Test
  void theOriginOfATileTemplateIsItsSchemeHostAndPort() {
    assertThat(
            new MapProperties("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "").tilesOrigin())
        .isEqualTo("https://tile.openstreetmap.org");
    assertThat(new MapProperties("http://tiles.local:8081/osm/{z}/{x}/{y}.png", "").tilesOrigin())
        .isEqualTo("http://tiles.local:8081");
  }

  @Test
  void withoutATileServerNothingIsAllowed() {
    assertThat(new MapProperties("", "").hasTiles()).isFalse();
    assertThat(new MapProperties(null, "").tilesOrigin()).isEmpty();
  }
}
