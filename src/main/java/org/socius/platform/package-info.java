/**
 * Shared technical kernel every module builds on: the database with its territorial scope, who is
 * acting, web and API conventions (problem details, paging, ETags, idempotency), the UI shell. It
 * is an open module because it holds no domain state of its own; it depends on no other module.
 */
@ApplicationModule(displayName = "Platform", type = ApplicationModule.Type.OPEN)
package org.socius.platform;

import org.springframework.modulith.ApplicationModule;
