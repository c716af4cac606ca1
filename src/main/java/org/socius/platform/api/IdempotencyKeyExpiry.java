package org.socius.platform.api;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets the keys of API requests and form sendings once they are old enough that nobody retries
 * them (a day unless set): a retry or a second click comes within seconds or minutes, and every
 * request with a key would otherwise be kept for ever. A key sent again after that is a new
 * request. Sets of delivery records keep their keys with the records and are not touched here.
 */
@Component
class IdempotencyKeyExpiry {

  private final IdempotencyKeys keys;
  private final Duration retention;

  IdempotencyKeyExpiry(
      IdempotencyKeys keys, @Value("${socius.idempotency.retention:24h}") Duration retention) {
    this.keys = keys;
    this.retention = retention;
  }

  @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
  int forgetOldKeys() {
    return keys.forgetOlderThan(retention);
  }
}
