package org.socius.cases;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What a provider is told about a client: the client chose it, or left it for another. */
public record ProviderNotice(
    UUID id,
    UUID providerId,
    UUID caseId,
    UUID agreementId,
    Kind kind,
    String serviceName,
    String clientName,
    OffsetDateTime createdAt,
    OffsetDateTime seenAt) {

  public enum Kind {
    /** The client chose this provider: an agreement waits for its answer. */
    CLIENT_CHOSE,
    /** The client chose another provider: the agreement with this one ended. */
    CLIENT_LEFT
  }
}
