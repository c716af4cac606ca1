/**
 * Demo data: a fictional country with two regions, six municipalities, holiday calendars, a
 * national service catalogue with regional tariffs, a register of providers, programmes, households
 * with applications at every step, cases with a team, an assessment and an agreed plan, what a
 * provider delivered, and one user per role, loaded at start-up into an empty database when demo
 * data is switched on.
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
      "cases",
      "delivery"
    })
package org.socius.demo;

import org.springframework.modulith.ApplicationModule;
