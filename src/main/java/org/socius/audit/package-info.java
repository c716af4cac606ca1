/**
 * Audit: an append-only, hash-chained record of every change and of every read of a personal
 * record, with a check that detects tampering. Other modules record through {@link
 * org.socius.audit.AuditLog}. Depends only on the platform.
 */
@ApplicationModule(
    displayName = "Audit",
    allowedDependencies = {})
package org.socius.audit;

import org.springframework.modulith.ApplicationModule;
