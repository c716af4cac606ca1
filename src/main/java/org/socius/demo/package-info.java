/**
 * Demo data: a fictional country with two regions, six municipalities, holiday calendars, a
 * national service catalogue with regional tariffs, a register of providers, programmes, households
 * with applications at every step, cases with a team and an assessment, and one user per role,
 * loaded at start-up into an empty database when demo data is switched on.
 */
@ApplicationModule(
    displayName = "Demo data",
    allowedDependencies = {
      "territory",
      "accounts",
      "catalogue",
      "providers",
      "programmes",
      "people",
      "benefits",
      "cases"
    })
package org.socius.demo;

import org.springframework.modulith.ApplicationModule;
