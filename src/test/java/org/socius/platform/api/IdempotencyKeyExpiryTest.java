package org.socius.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socius.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class IdempotencyKeyExpiryTest {

  @Autowired JdbcClient jdbc;
  @Autowired IdempotencyKeyExpiry expiry;

  private void key(String key, String age) {
    jdbc.sql(
            "insert into platform.idempotency_key (owner, key, request_hash, created_at)"
                + " values ('expiry-test', :key, '\\x00', now() - cast(:age as interval))")
        .param("key", key)
        .param("age", age)
        .update();
  }

  private boolean kept(String key) {
    return jdbc.sql("select count(*) from platform.idempotency_key where key = :key")
            .param("key", key)
            .query(Long.class)
            .single()
        == 1;
  }

  @Test
  void keysOlderThanADayAreForgottenAndRecentOnesKept() {
    String old = "old-" + UUID.randomUUID();
    String recent = "recent-" + UUID.randomUUID();
    key(old, "25 hours");
    key(recent, "1 hour");

    assertThat(expiry.forgetOldKeys()).isPositive();

    assertThat(kept(old)).isFalse();
    assertThat(kept(recent)).isTrue();
  }
}
