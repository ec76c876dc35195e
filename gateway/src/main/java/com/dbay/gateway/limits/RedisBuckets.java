package com.dbay.gateway.limits;

import com.dbay.gateway.GatewayProperties;
import com.dbay.platform.ratelimit.TokenBucketScript;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The token buckets themselves, in Redis, shared by every gateway instance: the source of truth of
 * every limit. One script call takes up to {@code want} permits from a bucket at once (fewer when
 * fewer are left), so an instance can serve a small batch of requests before it asks again.
 *
 * <p>Redis's own clock drives the refill, so instances with drifting clocks still agree. When Redis
 * fails or does not answer within {@code timeout}, it is not asked again for {@code retryAfter}: a
 * limiter then falls back to its own local buckets instead of paying the timeout on every request.
 */
public class RedisBuckets {

  private static final Logger log = LoggerFactory.getLogger(RedisBuckets.class);

  /**
   * The platform's token bucket ({@link TokenBucketScript}: ARGV tokens per ms, capacity, wanted).
   */
  static final RedisScript<List> RESERVE = RedisScript.of(TokenBucketScript.RESERVE, List.class);

  /** What the shared bucket gave: {@code available} is false when Redis could not be asked. */
  public record Reservation(long granted, long waitMillis, boolean available) {
    static final Reservation UNAVAILABLE = new Reservation(0, 0, false);
  }

  private final ReactiveStringRedisTemplate redis;
  private final Duration timeout;
  private final long retryAfterNanos;
  private final LongSupplier nanoClock;

  /** System.nanoTime() from which Redis is asked again after a failure; 0 while it answers. */
  private volatile long downUntil;

  /** Whether a call has succeeded since the last failure, i.e. the client has a connection. */
  private volatile boolean connected;

  public RedisBuckets(
      ReactiveStringRedisTemplate redis,
      Duration timeout,
      Duration retryAfter,
      LongSupplier nanoClock) {
    this.redis = redis;
    this.timeout = timeout;
    this.retryAfterNanos = retryAfter.toNanos();
    this.nanoClock = nanoClock;
  }

  public RedisBuckets(ReactiveStringRedisTemplate redis, Duration timeout, Duration retryAfter) {
    this(redis, timeout, retryAfter, System::nanoTime);
  }

  /** False for a while after Redis failed or was too slow. */
  public boolean available() {
    long until = downUntil;
    return until == 0 || nanoClock.getAsLong() - until >= 0;
  }

  static String key(String bucket) {
    // The prefix is the one Spring Cloud Gateway's limiter used, so tools and tests that look for
    // rate-limit keys find these too; the braces keep a bucket on one Redis Cluster slot.
    return "request_rate_limiter.{" + bucket + "}.bucket";
  }

  /** Takes up to {@code want} permits (at least one is wanted) from the bucket; never fails. */
  public Mono<Reservation> reserve(String bucket, GatewayProperties.Limit limit, int want) {
    if (!available()) {
      return Mono.just(Reservation.UNAVAILABLE);
    }
    List<String> args =
        List.of(
            BigDecimal.valueOf(limit.perMinute() / 60_000.0).toPlainString(),
            Integer.toString(capacity(limit)),
            Integer.toString(Math.max(want, 1)));
    Mono<List> call = Mono.defer(() -> redis.execute(RESERVE, List.of(key(bucket)), args).next());
    if (!connected) {
      // Until a connection is open, getting one blocks until Redis answers or the connect timeout
      // passes: not on the calling (event-loop) thread. Once it is open, commands do not block
      // (while Redis is away the client queues them and reconnects), so the hop is skipped.
      call = call.subscribeOn(Schedulers.boundedElastic());
    }
    return call.timeout(timeout)
        .map(
            result -> {
              connected = true;
              if (downUntil != 0) {
                downUntil = 0;
                log.info(
                    "Redis answers again: rate limits are shared across gateway instances again");
              }
              return new Reservation(
                  ((Number) result.get(0)).longValue(), ((Number) result.get(1)).longValue(), true);
            })
        .onErrorResume(
            e -> {
              if (downUntil == 0) {
                log.warn(
                    "Redis did not answer the rate limiter ({}); limiting per instance only, next try in {} ms",
                    e.toString(),
                    retryAfterNanos / 1_000_000);
              }
              downUntil = nanoClock.getAsLong() + retryAfterNanos;
              connected = false;
              return Mono.just(Reservation.UNAVAILABLE);
            })
        .defaultIfEmpty(Reservation.UNAVAILABLE);
  }

  static int capacity(GatewayProperties.Limit limit) {
    return Math.max(limit.burst(), 1);
  }
}
