/**
 * People: one register of persons and households for every programme, with incomes by month,
 * disability and categories, every earlier state kept, and duplicates found across scripts. Depends
 * on the platform, territory and the audit log.
 */
@ApplicationModule(
    displayName = "People and households",
    allowedDependencies = {"territory", "audit"})
package org.socius.people;

import org.springframework.modulith.ApplicationModule;
