/**
 * Programmes: eligibility criteria and benefit formulas written as data (CEL expressions over a
 * household's facts), checked before they are used, and evaluated with an explanation of every
 * criterion and of the amount. Depends on the platform, people, territory and the audit log.
 */
@ApplicationModule(
    displayName = "Programmes and rules",
    allowedDependencies = {"people", "audit", "territory"})
package org.socius.programmes;

import org.springframework.modulith.ApplicationModule;
