/**
 * Catalogue: the service types social services are made of, classified along the axes of the
 * reforms, with the national standard of each type in dated versions and the regions' tariffs.
 * Depends on the platform, territory and the audit log.
 */
@ApplicationModule(
    displayName = "Service catalogue",
    allowedDependencies = {"territory", "audit"})
package org.socius.catalogue;

import org.springframework.modulith.ApplicationModule;
