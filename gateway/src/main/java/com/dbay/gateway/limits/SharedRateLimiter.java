package com.dbay.gateway.limits;

import com.dbay.gateway.GatewayProperties;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/**
 * One limit (requests per minute and burst, per key) enforced by the shared token buckets in {@link
 * RedisBuckets}, without a Redis round trip per request: an instance takes a small batch of permits
 * from the shared bucket at a time and hands them out locally.
 *
 * <p>The bound: every request let through used a permit taken from the shared bucket, so the total
 * never exceeds what the bucket gave out. An instance holds at most {@code batch} permits (it asks
 * for the next ones when fewer than half are left, so that requests need not wait for Redis, and
 * asks for no more than tops it up to {@code batch}); so over any window of time the requests let
 * through exceed what the bucket allows in that window by at most {@code batch} per instance: the
 * permits held when the window began. Held permits are dropped after {@code lease}, so they cannot
 * be saved up; dropped or unused permits only make the limit stricter. {@code batch} is a tenth of
 * the burst, at least 1 and at most {@code maxBatch}; with a batch of 1 every request is one Redis
 * call and the limit is exact.
 *
 * <p>When the shared bucket is empty, the key is refused locally until Redis says a permit is due
 * (at most {@code lease}), so a flood over the limit does not become a flood of Redis calls.
 *
 * <p>While Redis is unavailable ({@link RedisBuckets#available()}), each instance enforces the same
 * limit alone with a local bucket per key: the limit still holds per instance, and across {@code n}
 * instances at most {@code n} times over, until Redis answers again.
 */
public class SharedRateLimiter {

  private static final Mono<Boolean> ALLOWED = Mono.just(true);
  private static final Mono<Boolean> DENIED = Mono.just(false);

  private final String name;
  private final GatewayProperties.Limit limit;
  private final RedisBuckets buckets;
  private final int batch;
  private final int refillBelow;
  private final long leaseNanos;
  private final LongSupplier nanoClock;
  private final Cache<String, Lease> leases;

  public SharedRateLimiter(
      String name,
      GatewayProperties.Limit limit,
      RedisBuckets buckets,
      int maxBatch,
      Duration lease,
      LongSupplier nanoClock) {
    if (limit.perMinute() < 1) {
      throw new IllegalArgumentException(
          "a rate limit needs at least one request per minute: " + name);
    }
    this.name = name;
    this.limit = limit;
    this.buckets = buckets;
    this.batch = batchFor(limit, maxBatch);
    this.refillBelow = batch / 2;
    this.leaseNanos = lease.toNanos();
    this.nanoClock = nanoClock;
    // A key idle for longer than its bucket takes to fill up again has nothing worth remembering.
    long fillMillis = (long) Math.ceil(RedisBuckets.capacity(limit) * 60_000.0 / limit.perMinute());
    this.leases =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMillis(Math.max(fillMillis, lease.toMillis()) + 1_000))
            .build();
  }

  public SharedRateLimiter(
      String name,
      GatewayProperties.Limit limit,
      RedisBuckets buckets,
      int maxBatch,
      Duration lease) {
    this(name, limit, buckets, maxBatch, lease, System::nanoTime);
  }

  /** How many permits are taken from the shared bucket at once. */
  public static int batchFor(GatewayProperties.Limit limit, int maxBatch) {
    return Math.max(1, Math.min(maxBatch, RedisBuckets.capacity(limit) / 10));
  }

  public int batch() {
    return batch;
  }

  public String name() {
    return name;
  }

  /** Seconds a refused client should wait: one permit's worth of refill, at least 1. */
  public long retryAfterSeconds() {
    return RateLimits.retryAfterSeconds(limit);
  }

  /** True when the request under {@code key} may go on, and the permit is used. */
  public Mono<Boolean> acquire(String key) {
    Lease lease = leases.get(key, k -> new Lease());
    CompletableFuture<RedisBuckets.Reservation> pending;
    CompletableFuture<RedisBuckets.Reservation> started = null;
    int want;
    synchronized (lease) {
      long now = nanoClock.getAsLong();
      if (lease.takeHeld(now)) {
        // Ask for the next batch before this one runs out, so that requests do not wait for Redis.
        want =
            lease.refill == null && lease.held < refillBelow && buckets.available()
                ? batch - lease.held
                : 0;
        if (want == 0) {
          return ALLOWED;
        }
        started = lease.refill = new CompletableFuture<>();
        pending = null;
      } else if (now - lease.emptyUntil < 0) {
        return DENIED;
      } else if (!buckets.available()) {
        return lease.fallback(now).tryTake(now) ? ALLOWED : DENIED;
      } else if (lease.refill == null) {
        started = pending = lease.refill = new CompletableFuture<>();
        want = batch;
      } else {
        pending = lease.refill;
        want = 0;
      }
    }
    if (started != null) {
      CompletableFuture<RedisBuckets.Reservation> refill = started;
      // Subscribed outside the lock: a reservation may complete on this very thread.
      buckets
          .reserve(key, limit, want)
          .subscribe(
              r -> settle(lease, refill, r),
              e -> settle(lease, refill, RedisBuckets.Reservation.UNAVAILABLE));
    }
    if (pending == null) {
      return ALLOWED;
    }
    // The reservation goes on if the waiting request goes away: its permits are the key's, not the
    // request's.
    return Mono.fromFuture(pending, true).flatMap(r -> afterRefill(key, lease, r));
  }

  private void settle(
      Lease lease, CompletableFuture<RedisBuckets.Reservation> refill, RedisBuckets.Reservation r) {
    synchronized (lease) {
      long now = nanoClock.getAsLong();
      if (r.available()) {
        lease.local = null;
        if (r.granted() > 0) {
          // Permits still held are kept: they were asked for together with these, at most batch in
          // all.
          lease.held = (now - lease.heldUntil < 0 ? lease.held : 0) + (int) r.granted();
          lease.heldUntil = now + leaseNanos;
        } else if (lease.held == 0) {
          lease.emptyUntil = now + Math.min(Math.max(r.waitMillis(), 1) * 1_000_000, leaseNanos);
        }
      }
      if (lease.refill == refill) {
        lease.refill = null;
      }
    }
    refill.complete(r);
  }

  private Mono<Boolean> afterRefill(String key, Lease lease, RedisBuckets.Reservation r) {
    synchronized (lease) {
      long now = nanoClock.getAsLong();
      if (!r.available()) {
        return lease.fallback(now).tryTake(now) ? ALLOWED : DENIED;
      }
      if (lease.takeHeld(now)) {
        return ALLOWED;
      }
      if (r.granted() == 0) {
        return DENIED;
      }
    }
    // Requests that waited on the same reservation took its permits first: ask for the next batch.
    return Mono.defer(() -> acquire(key));
  }

  /** What one instance knows about one key. Guarded by its own monitor. */
  private final class Lease {
    int held;
    long heldUntil;
    long emptyUntil = nanoClock.getAsLong();
    CompletableFuture<RedisBuckets.Reservation> refill;
    LocalBucket local;

    boolean takeHeld(long now) {
      if (held > 0 && now - heldUntil < 0) {
        held--;
        return true;
      }
      held = 0;
      return false;
    }

    LocalBucket fallback(long now) {
      if (local == null) {
        local = new LocalBucket(limit, now);
      }
      return local;
    }
  }

  /**
   * The same token bucket as the shared one, in this instance only: used while Redis is
   * unavailable.
   */
  static final class LocalBucket {
    private final double perNano;
    private final double capacity;
    private double tokens;
    private long last;

    LocalBucket(GatewayProperties.Limit limit, long now) {
      this.perNano = limit.perMinute() / 60e9;
      this.capacity = RedisBuckets.capacity(limit);
      this.tokens = capacity;
      this.last = now;
    }

    boolean tryTake(long now) {
      tokens = Math.min(capacity, tokens + Math.max(0, now - last) * perNano);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    }
  }
}
