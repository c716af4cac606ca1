/**
 * Cases: requests for help taken in at one window and routed to a municipality's worker, the case's
 * steps from initial evaluation to closure with their deadlines, the multidisciplinary team, notes
 * (some restricted to the case workers), conferences, tasks, referrals with consent, and
 * assessments scored with instruments defined as data; individual plans with the client's choice of
 * providers, and agreements with each provider. Depends on the platform, people (the client, their
 * consent and household), accounts (colleagues), territory (working days and places), the catalogue
 * (standards and tariffs), providers (the register and its places), programmes (the contribution
 * rules) and the audit log.
 */
@ApplicationModule(
    displayName = "Cases: one window, case management, assessments",
    allowedDependencies = {
      "people",
      "accounts",
      "territory",
      "catalogue",
      "providers",
      "programmes",
      "audit"
    })
package org.socius.cases;

import org.springframework.modulith.ApplicationModule;
