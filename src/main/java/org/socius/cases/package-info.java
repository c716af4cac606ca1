/**
 * Cases: requests for help taken in at one window and routed to a municipality's worker, the case's
 * steps from initial evaluation to closure with their deadlines, the multidisciplinary team, notes
 * (some restricted to the case workers), conferences, tasks, referrals with consent, and
 * assessments scored with instruments defined as data. Depends on the platform, people (the client
 * and their consent), accounts (colleagues), territory (working days) and the audit log.
 */
@ApplicationModule(
    displayName = "Cases: one window, case management, assessments",
    allowedDependencies = {"people", "accounts", "territory", "audit"})
package org.socius.cases;

import org.springframework.modulith.ApplicationModule;
