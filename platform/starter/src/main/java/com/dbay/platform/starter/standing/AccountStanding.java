package com.dbay.platform.starter.standing;

import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.ProblemTypes;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether an account is in good standing, as this service knows it: defence in depth behind the
 * gateway's deny-list, so that a money or bidding path refuses a suspended account by itself even
 * when a request arrives with a valid token and gateway proof (a token issued just before the
 * suspension, a deny-list that Redis lost, a caller inside the network).
 *
 * <p>Fed by user-service's {@code UserSuspended} / {@code UserReinstated} events into the service's
 * own table ({@code platform_account_standing}) rather than asked of user-service per request: the
 * check is one primary-key read in the database the service already uses, it keeps working while
 * user-service is down or slow, and it needs no service-to-service call on the hot path. The cost
 * is the event delay (milliseconds through the outbox relay and the stream), and an account that
 * was never suspended has no row at all.
 */
public class AccountStanding {

  /** {@code https://dbay.dev/problems/account-suspended}, a FORBIDDEN refusal (403). */
  public static final URI SUSPENDED = ProblemTypes.of("account-suspended");

  private final JdbcTemplate jdbc;

  public AccountStanding(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public boolean isSuspended(String userId) {
    List<Boolean> rows =
        jdbc.queryForList(
            "SELECT suspended FROM platform_account_standing WHERE user_id = ?",
            Boolean.class,
            userId);
    return !rows.isEmpty() && Boolean.TRUE.equals(rows.get(0));
  }

  /** The suspended accounts among these, in one query (a batch of many users' requests). */
  public Set<String> suspendedAmong(Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(
        jdbc.queryForList(
            "SELECT user_id FROM platform_account_standing WHERE suspended AND user_id = ANY (?)",
            String.class,
            (Object) userIds.toArray(String[]::new)));
  }

  /** Throws a 403 {@code account-suspended} problem when the account is suspended. */
  public void requireActive(String userId) {
    if (userId != null && isSuspended(userId)) {
      throw new DomainException(
          DomainException.Kind.FORBIDDEN,
          "account-suspended",
          "This account is suspended: it cannot move money or bid.");
    }
  }

  /** Records a change unless a newer one is already known (events may arrive late or twice). */
  public void record(String userId, boolean suspended, Instant changedAt) {
    jdbc.update(
        """
        INSERT INTO platform_account_standing (user_id, suspended, changed_at) VALUES (?, ?, ?)
        ON CONFLICT (user_id) DO UPDATE SET suspended = EXCLUDED.suspended, changed_at = EXCLUDED.changed_at
        WHERE platform_account_standing.changed_at < EXCLUDED.changed_at""",
        userId,
        suspended,
        Timestamp.from(changedAt));
  }
}
