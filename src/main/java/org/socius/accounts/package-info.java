/**
 * Accounts: users with roles and a territorial scope, sign-in with lockout and session timeout, API
 * tokens that act for a user, and the administration of all of it. Depends on the platform,
 * territory (to place a scope) and the audit log.
 */
@ApplicationModule(
    displayName = "Accounts",
    allowedDependencies = {"territory", "audit"})
package org.socius.accounts;

import org.springframework.modulith.ApplicationModule;
