package org.socius.platform.web;

import org.socius.platform.security.TerritorialScope;

/** Names a scope for people ("Northern Region"), implemented by the territory module. */
public interface ScopeDescriber {

  String describe(TerritorialScope scope);
}
