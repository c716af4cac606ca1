package org.socius;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure holds: no module reaches into another's internals or skips its allowed
 * dependencies.
 */
class ModularityTests {

  private final ApplicationModules modules = ApplicationModules.of(SociusApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }

  @Test
  void writesTheModuleDocumentation() {
    new Documenter(modules).writeDocumentation();
  }
}
