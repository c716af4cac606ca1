/**
 * Territory: the hierarchy national → region → municipality → settlement, and each region's
 * working-day calendar on which every statutory deadline is counted. Depends only on the platform
 * and the audit log.
 */
@ApplicationModule(
    displayName = "Territory",
    allowedDependencies = {"audit"})
package org.socius.territory;

import org.springframework.modulith.ApplicationModule;
