package com.dbay.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens that already validated, until they expire (at most {@code maxAge}), so that a
 * client's stream of requests costs one RSA check and one claims check instead of one per request.
 * Only the exact same token string hits; anything else goes to the full check, and failures are
 * never cached.
 */
public class CachingJwtDecoder implements ReactiveJwtDecoder {

  private final ReactiveJwtDecoder delegate;
  private final Cache<String, Jwt> valid;
  private final Clock clock;

  public CachingJwtDecoder(
      ReactiveJwtDecoder delegate, Duration maxAge, long maxEntries, Clock clock) {
    this.delegate = delegate;
    this.clock = clock;
    this.valid =
        Caffeine.newBuilder()
            .maximumSize(maxEntries)
            .expireAfter(
                new Expiry<String, Jwt>() {
                  @Override
                  public long expireAfterCreate(String token, Jwt jwt, long now) {
                    Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
                    return (left.compareTo(maxAge) < 0 ? left : maxAge).toNanos();
                  }

                  @Override
                  public long expireAfterUpdate(String token, Jwt jwt, long now, long current) {
                    return current;
                  }

                  @Override
                  public long expireAfterRead(String token, Jwt jwt, long now, long current) {
                    return current;
                  }
                })
            .build();
  }

  @Override
  public Mono<Jwt> decode(String token) {
    Jwt hit = valid.getIfPresent(token);
    if (hit != null
        && hit.getExpiresAt() != null
        && Instant.now(clock).isBefore(hit.getExpiresAt())) {
      return Mono.just(hit);
    }
    return delegate
        .decode(token)
        .doOnNext(
            jwt -> {
              if (jwt.getExpiresAt() != null) {
                valid.put(token, jwt);
              }
            });
  }
}
