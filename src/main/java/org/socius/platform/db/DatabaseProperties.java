package org.socius.platform.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Socius keeps its data. With no {@code url}, Socius starts its own embedded PostgreSQL whose
 * files live under {@code embedded.dataDir}; set {@code SOCIUS_DB_URL}, {@code SOCIUS_DB_USER} and
 * {@code SOCIUS_DB_PASSWORD} to use an external server instead. Two roles are used: the owner
 * ({@code ownerUser}) runs the migrations and owns every table; the application ({@code user}) only
 * reads and writes rows, so it can neither switch off row-level security nor rewrite the audit log.
 */
@ConfigurationProperties("socius.db")
public record DatabaseProperties(
    String url,
    String user,
    String password,
    String ownerUser,
    String ownerPassword,
    int poolSize,
    Embedded embedded) {

  public DatabaseProperties {
    if (poolSize <= 0) {
      poolSize = 10;
    }
    if (embedded == null) {
      embedded = new Embedded(null, 0, false);
    }
  }

  public boolean isExternal() {
    return url != null && !url.isBlank();
  }

  /**
   * The embedded server: its data directory, a fixed port (0 picks a free one), and whether to wipe
   * the data at start (tests do, a normal run never does).
   */
  public record Embedded(Path dataDir, int port, boolean clean) {
    public Embedded {
      if (dataDir == null) {
        dataDir = Path.of("data", "postgres");
      }
    }
  }
}
