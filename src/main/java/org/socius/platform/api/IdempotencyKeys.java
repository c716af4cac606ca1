package org.socius.platform.api;

import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The keys that make a request safe to send twice, an API call's {@code Idempotency-Key} or a
 * browser form's: taken by the first sending (one of two at once wins), completed with the answer
 * to replay, released when the work was not done, and forgotten after a while. Kept beside the
 * work, not in its transaction.
 */
public final class IdempotencyKeys {

  /** What the first sending left: its request's digest and, once done, its answer. */
  public record Sent(
      byte[] requestHash,
      boolean completed,
      int status,
      String contentType,
      String location,
      String etag,
      byte[] body) {}

  private final JdbcClient jdbc;

  public IdempotencyKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Takes the key for this sending; false when another sending has it already. */
  public boolean claim(String owner, String key, byte[] requestHash) {
    return jdbc.sql(
                """
                insert into platform.idempotency_key (owner, key, request_hash)
                values (:owner, :key, :hash) on conflict do nothing""")
            .param("owner", owner)
            .param("key", key)
            .param("hash", requestHash)
            .update()
        == 1;
  }

  public Optional<Sent> find(String owner, String key) {
    return jdbc.sql(
            """
            select request_hash, completed, status, content_type, location, etag, body
            from platform.idempotency_key where owner = :owner and key = :key""")
        .param("owner", owner)
        .param("key", key)
        .query(
            (rs, n) ->
                new Sent(
                    rs.getBytes(1),
                    rs.getBoolean(2),
                    rs.getInt(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getBytes(7)))
        .optional();
  }

  /** Keeps the answer of the work done, for a repeat to get it back. */
  public void complete(
      String owner,
      String key,
      int status,
      String contentType,
      String location,
      String etag,
      byte[] body) {
    jdbc.sql(
            """
            update platform.idempotency_key set completed = true, status = :status,
              content_type = :type, location = :location, etag = :etag, body = :body
            where owner = :owner and key = :key""")
        .param("status", status)
        .param("type", contentType)
        .param("location", location)
        .param("etag", etag)
        .param("body", body)
        .param("owner", owner)
        .param("key", key)
        .update();
  }

  /** Lets the key go: the work was not done, and a retry may do it. */
  public void release(String owner, String key) {
    jdbc.sql("delete from platform.idempotency_key where owner = :owner and key = :key")
        .param("owner", owner)
        .param("key", key)
        .update();
  }

  /** Forgets keys older than {@code age}; answers how many. */
  int forgetOlderThan(Duration age) {
    return jdbc.sql(
            "delete from platform.idempotency_key"
                + " where created_at < now() - make_interval(secs => :seconds)")
        .param("seconds", (double) age.toSeconds())
        .update();
  }
}
