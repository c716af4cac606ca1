package org.socius.platform.web;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where maps take their background: a tile server's URL template ({@code {z}/{x}/{y}}) and the
 * attribution its licence asks for. Empty: maps show their points on a blank background, which is
 * what a network without access to a tile server gets.
 */
@ConfigurationProperties("socius.map")
public record MapProperties(String tilesUrl, String attribution) {

  public boolean hasTiles() {
    return tilesUrl != null && !tilesUrl.isBlank();
  }

  /** The tile server's origin, for the Content-Security-Policy; empty without tiles. */
  public String tilesOrigin() {
    if (!hasTiles()) {
      return "";
    }
    URI uri = URI.create(tilesUrl.replace("{", "").replace("}", ""));
    return uri.getScheme() + "://" + uri.getAuthority();
  }
}
