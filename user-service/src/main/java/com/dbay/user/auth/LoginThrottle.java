package com.dbay.user.auth;

import com.dbay.user.UserProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing at user-service itself, whoever calls it (the gateway limits per client
 * address too, but a caller on the service port bypasses the gateway). Two subjects are counted:
 * the account (normalised username or email, existing or not, so the answer does not reveal which
 * exist) and the source address. After a few free failures each further failure doubles a waiting
 * time, during which every attempt for that subject is answered 429 with {@code Retry-After}, even
 * with the right password (otherwise the throttle would tell a guesser when a guess was right).
 *
 * <p>There is no lockout: the account's wait is capped low ({@code account-max-delay}), so an
 * attacker can slow a victim's logins but never lock the victim out, while the source's wait grows
 * much longer ({@code source-max-delay}). Failures are forgotten {@code window} after the last one;
 * a successful login clears its account's count (not its source's: one valid account must not reset
 * a guessing source). Counts live in Redis so that every instance shares them.
 */
@Component
public class LoginThrottle {

  private static final String PREFIX = "dbay:login-throttle:";

  private final StringRedisTemplate redis;
  private final UserProperties.LoginThrottle config;
  private final Clock clock;

  public LoginThrottle(StringRedisTemplate redis, UserProperties properties, Clock clock) {
    this.redis = redis;
    this.config = properties.loginThrottle();
    this.clock = clock;
  }

  /** Refused for now: try again after {@code retryAfter}. */
  public static final class Throttled extends RuntimeException {
    private final Duration retryAfter;

    Throttled(Duration retryAfter) {
      super("login throttled", null, false, false);
      this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
      return retryAfter;
    }
  }

  /**
   * Runs {@code login} unless the account or the source is waiting; counts a failure when it throws
   * what {@code wrongCredentials} accepts (not, e.g., "suspended"), clears the account when it
   * succeeds.
   */
  public <T> T guard(
      String account,
      String source,
      Predicate<RuntimeException> wrongCredentials,
      Supplier<T> login) {
    String accountKey = PREFIX + "account:" + normalise(account);
    String sourceKey = PREFIX + "source:" + (source == null ? "unknown" : source);
    long now = clock.millis();
    long wait = Math.max(waitLeft(accountKey, now), waitLeft(sourceKey, now));
    if (wait > 0) {
      throw new Throttled(Duration.ofMillis(wait));
    }
    T result;
    try {
      result = login.get();
    } catch (RuntimeException e) {
      if (wrongCredentials.test(e)) {
        fail(accountKey, config.accountFreeFailures(), config.accountMaxDelay(), now);
        fail(sourceKey, config.sourceFreeFailures(), config.sourceMaxDelay(), now);
      }
      throw e;
    }
    redis.delete(List.of(accountKey + ":count", accountKey + ":until"));
    return result;
  }

  private long waitLeft(String key, long now) {
    String until = redis.opsForValue().get(key + ":until");
    if (until == null) {
      return 0;
    }
    try {
      return Math.max(0, Long.parseLong(until) - now);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private void fail(String key, int free, Duration max, long now) {
    Long count = redis.opsForValue().increment(key + ":count");
    redis.expire(key + ":count", config.window());
    if (count == null || count <= free) {
      return;
    }
    // 1st failure beyond the free ones: base delay; then doubling, capped.
    int doublings = (int) Math.min(30, count - free - 1);
    long delay = Math.min(max.toMillis(), config.baseDelay().toMillis() << doublings);
    redis.opsForValue().set(key + ":until", Long.toString(now + delay), Duration.ofMillis(delay));
  }

  private static String normalise(String account) {
    String name = account == null ? "" : account.trim().toLowerCase(Locale.ROOT);
    // Bounded key size whatever the input (the body limits it to 254 characters anyway).
    return name.length() > 254 ? name.substring(0, 254) : name;
  }
}
