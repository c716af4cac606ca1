/**
 * Providers: the register of service providers that any organisation can join service by service,
 * with founders, service points, staff and licences; applications to it reviewed within a statutory
 * deadline; and the register of admitted services with their capacity. Depends on the platform,
 * territory, the catalogue, accounts (a new provider's first user) and the audit log.
 */
@ApplicationModule(
    displayName = "Register of providers",
    allowedDependencies = {"territory", "catalogue", "accounts", "audit"})
package org.socius.providers;

import org.springframework.modulith.ApplicationModule;
