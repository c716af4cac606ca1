package org.socius.providers;

import java.util.UUID;
import org.socius.providers.ProviderKinds.RefusalReason;

/** The officer's decision on one service of an application: admit, or refuse with a reason. */
public record ServiceDecision(UUID serviceId, boolean admit, RefusalReason reason, String text) {}
