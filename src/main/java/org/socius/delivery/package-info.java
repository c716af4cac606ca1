/**
 * Delivery: what providers record as given to their clients under their agreements, checked against
 * the agreement and the plan, and confirmed or disputed by the client, with disputes settled by the
 * case's worker; vouchers granted to people and redeemed at providers; providers' monthly claims,
 * their review and payment; budgets of programmes and their administrative cost. Depends on the
 * platform, cases (agreements and the client's access), providers (who acts for which provider,
 * registered services), the catalogue (services and units), people (voucher holders) and the audit
 * log.
 */
@ApplicationModule(
    displayName = "Delivery, vouchers, claims and payment",
    allowedDependencies = {"cases", "providers", "catalogue", "people", "programmes", "audit"})
package org.socius.delivery;

import org.springframework.modulith.ApplicationModule;
