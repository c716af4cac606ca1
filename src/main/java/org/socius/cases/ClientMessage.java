package org.socius.cases;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A message between a client (or their representative) and the workers of the client's case. */
public record ClientMessage(
    UUID id,
    UUID caseId,
    boolean fromClient,
    String author,
    String authorName,
    String body,
    OffsetDateTime sentAt,
    OffsetDateTime readAt) {

  /** Whether the other side has not read it yet. */
  public boolean unread() {
    return readAt == null;
  }
}
