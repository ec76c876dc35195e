package com.dbay.platform.starter.idempotency;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code platform_idempotency} table. A request claims its key <em>inside</em> the transaction
 * that also does its work and stores its answer (see {@link IdempotencyInterceptor}), so the three
 * commit together or not at all: a process that dies anywhere before the commit leaves no trace,
 * and the retry runs once. A concurrent duplicate's INSERT waits on the primary key until the first
 * transaction ends (PostgreSQL's unique-index wait), then finds the stored answer, or runs itself
 * if the first one rolled back.
 */
public class IdempotencyStore {

  /** What a request found when it tried to claim its key. */
  public sealed interface Claim {}

  /**
   * This request owns the key and runs; the row is uncommitted until the request's transaction
   * commits.
   */
  public record Claimed(String scope, String key, String fingerprint) implements Claim {}

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

  /**
   * Claims the key in the caller's transaction (it must be in one). Waits at most {@code
   * waitForInProgress} for a first request with the same key that has not committed yet; after that
   * it answers {@link InProgress}, and the caller must roll its transaction back.
   */
  public Claim claim(String scope, String key, String fingerprint, Duration waitForInProgress) {
    int inserted;
    try {
      // Only the claim waits that long: the request's own work runs with the lock timeout it had.
      String before = jdbc.queryForObject("SELECT current_setting('lock_timeout')", String.class);
      jdbc.queryForObject(
          "SELECT set_config('lock_timeout', ?, true)",
          String.class,
          Math.max(1, waitForInProgress.toMillis()) + "ms");
      inserted =
          jdbc.update(
              "INSERT INTO platform_idempotency (scope, idem_key, fingerprint, state) VALUES (?, ?, ?, 'IN_PROGRESS') "
                  + "ON CONFLICT (scope, idem_key) DO NOTHING",
              scope,
              key,
              fingerprint);
      jdbc.queryForObject("SELECT set_config('lock_timeout', ?, true)", String.class, before);
    } catch (DataAccessException e) {
      if (isLockTimeout(e)) {
        return new InProgress();
      }
      throw e;
    }
    if (inserted == 1) {
      return new Claimed(scope, key, fingerprint);
    }
    List<Claim> found =
        jdbc.query(
            "SELECT fingerprint, state, response_status, response_content_type, response_body "
                + "FROM platform_idempotency WHERE scope = ? AND idem_key = ?",
            (rs, n) -> {
              if (!rs.getString(1).equals(fingerprint)) {
                return new Mismatch();
              }
              if ("COMPLETED".equals(rs.getString(2))) {
                return new Replay(rs.getInt(3), rs.getString(4), rs.getBytes(5));
              }
              // Only rows of the earlier, auto-committed claims can be IN_PROGRESS and committed.
              return new InProgress();
            },
            scope,
            key);
    // Empty: the row was purged between the INSERT and the SELECT; the client may simply retry.
    return found.isEmpty() ? new InProgress() : found.getFirst();
  }

  /**
   * PostgreSQL's "canceling statement due to lock timeout" (SQL state 55P03). Spring does not
   * translate that state to a lock failure, so it is recognised here.
   */
  static boolean isLockTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PessimisticLockingFailureException) {
        return true;
      }
      if (t instanceof java.sql.SQLException sql && "55P03".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Stores the answer of the claimed request, in its transaction (the claim's row becomes
   * COMPLETED).
   */
  public void complete(Claimed claim, int status, String contentType, byte[] body) {
    jdbc.update(
        "UPDATE platform_idempotency SET state = 'COMPLETED', response_status = ?, response_content_type = ?, "
            + "response_body = ?, completed_at = now() WHERE scope = ? AND idem_key = ?",
        status,
        contentType,
        body,
        claim.scope(),
        claim.key());
  }

  /**
   * Remembers a refusal (4xx) after the request's transaction was rolled back, so that a repeat
   * gets the same answer. On its own (auto-commit): a refusal changed nothing, so if the process
   * dies before this, or a duplicate got the key meanwhile, a repeat simply runs again.
   */
  public void rememberRefusal(Claimed claim, int status, String contentType, byte[] body) {
    jdbc.update(
        "INSERT INTO platform_idempotency (scope, idem_key, fingerprint, state, response_status, response_content_type, response_body, "
            + "completed_at) VALUES (?, ?, ?, 'COMPLETED', ?, ?, ?, now()) ON CONFLICT (scope, idem_key) DO NOTHING",
        claim.scope(),
        claim.key(),
        claim.fingerprint(),
        status,
        contentType,
        body);
  }

  /** Forget keys older than the retention; returns how many. */
  public int purgeOlderThan(Duration retention) {
    return jdbc.update(
        "DELETE FROM platform_idempotency WHERE created_at < ?",
        Timestamp.from(Instant.now().minus(retention)));
  }
}
