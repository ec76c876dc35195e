package com.dbay.platform.starter.idempotency;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code platform_idempotency} table. Each statement runs on its own (auto-commit), outside
 * the request's business transaction, so that a claim is visible to a concurrent duplicate at
 * once: the primary key lets exactly one request claim a key, the others find its row.
 */
public class IdempotencyStore {

  /** What a request found when it tried to claim its key. */
  public sealed interface Claim {}

  /** This request owns the key and runs. */
  public record Claimed(String scope, String key) implements Claim {}

  /** A finished first request with the same fingerprint: replay its response. */
  public record Replay(int status, String contentType, byte[] body) implements Claim {}

  /** The key was used for a different request. */
  public record Mismatch() implements Claim {}

  /** The first request with this key is still running. */
  public record InProgress() implements Claim {}

  private final JdbcTemplate jdbc;

  public IdempotencyStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Claim claim(String scope, String key, String fingerprint, Duration waitForInProgress) {
    int inserted = jdbc.update(
        "INSERT INTO platform_idempotency (scope, idem_key, fingerprint, state) VALUES (?, ?, ?, 'IN_PROGRESS') "
            + "ON CONFLICT (scope, idem_key) DO NOTHING",
        scope, key, fingerprint);
    if (inserted == 1) {
      return new Claimed(scope, key);
    }
    long deadline = System.nanoTime() + waitForInProgress.toNanos();
    long pause = 20;
    while (true) {
      List<Claim> found = jdbc.query(
          "SELECT fingerprint, state, response_status, response_content_type, response_body "
              + "FROM platform_idempotency WHERE scope = ? AND idem_key = ?",
          (rs, n) -> {
            if (!rs.getString(1).equals(fingerprint)) {
              return new Mismatch();
            }
            if ("COMPLETED".equals(rs.getString(2))) {
              return new Replay(rs.getInt(3), rs.getString(4), rs.getBytes(5));
            }
            return new InProgress();
          },
          scope, key);
      if (found.isEmpty()) {
        // The first request failed with a 5xx and gave the key back: claim it now.
        return claim(scope, key, fingerprint, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      }
      Claim claim = found.getFirst();
      if (!(claim instanceof InProgress) || System.nanoTime() > deadline) {
        return claim;
      }
      sleep(pause);
      pause = Math.min(pause * 2, 250);
    }
  }

  public void complete(Claimed claim, int status, String contentType, byte[] body) {
    jdbc.update(
        "UPDATE platform_idempotency SET state = 'COMPLETED', response_status = ?, response_content_type = ?, "
            + "response_body = ?, completed_at = now() WHERE scope = ? AND idem_key = ?",
        status, contentType, body, claim.scope(), claim.key());
  }

  /** The request failed in a way worth retrying: forget the claim so the same key can run again. */
  public void release(Claimed claim) {
    jdbc.update("DELETE FROM platform_idempotency WHERE scope = ? AND idem_key = ? AND state = 'IN_PROGRESS'",
        claim.scope(), claim.key());
  }

  /** Forget keys older than the retention; returns how many. */
  public int purgeOlderThan(Duration retention) {
    return jdbc.update("DELETE FROM platform_idempotency WHERE created_at < ?",
        Timestamp.from(Instant.now().minus(retention)));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an in-progress idempotent request", e);
    }
  }
}
