/**
 * Benefits: applications for programmes decided through each programme's workflow of steps with
 * statutory deadlines, public notices with objections, decisions that keep their explanation,
 * appeals, entitlements, and recertification of a whole programme's beneficiaries. Depends on the
 * platform, people, programmes, territory and the audit log.
 */
@ApplicationModule(
    displayName = "Benefits: applications, decisions, entitlements",
    allowedDependencies = {"people", "programmes", "territory", "audit"})
package org.socius.benefits;

import org.springframework.modulith.ApplicationModule;
