package com.dbay.gateway.security;

import com.dbay.platform.identity.Revocations;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Refuses tokens that validate but were revoked since they were issued: the user was suspended
 * (every token issued up to then) or the login they belong to was logged out (their {@code sid}).
 * user-service writes the deny-list ({@link Revocations}) from its own events within milliseconds
 * of the change, so a revoked token stops working at once instead of at its expiry.
 *
 * <p>It wraps the caching decoder, so the one Redis round trip (an MGET of two keys) is made on
 * every request, cached signature checks or not. When Redis does not answer within {@code timeout}
 * the token is let through and the failure logged: a Redis outage must not sign everybody out, the
 * token still expires within its short lifetime, and the money paths re-check the account in the
 * service (see platform README, "Account standing").
 */
public class RevocationCheckingJwtDecoder implements ReactiveJwtDecoder {

  private static final Logger log = LoggerFactory.getLogger(RevocationCheckingJwtDecoder.class);

  private final ReactiveJwtDecoder delegate;
  private final ReactiveStringRedisTemplate redis;
  private final Duration timeout;

  public RevocationCheckingJwtDecoder(
      ReactiveJwtDecoder delegate, ReactiveStringRedisTemplate redis, Duration timeout) {
    this.delegate = delegate;
    this.redis = redis;
    this.timeout = timeout;
  }

  @Override
  public Mono<Jwt> decode(String token) {
    return delegate.decode(token).flatMap(this::unlessRevoked);
  }

  private Mono<Jwt> unlessRevoked(Jwt jwt) {
    String subject = jwt.getSubject();
    String session = jwt.getClaimAsString(Revocations.SESSION_CLAIM);
    if (subject == null) {
      return Mono.just(jwt);
    }
    List<String> keys =
        session == null
            ? List.of(Revocations.userKey(subject))
            : List.of(Revocations.userKey(subject), Revocations.sessionKey(session));
    return redis
        .opsForValue()
        .multiGet(keys)
        .timeout(timeout)
        .map(
            values -> {
              long issuedAt = jwt.getIssuedAt() == null ? 0 : jwt.getIssuedAt().getEpochSecond();
              boolean userRevoked = Revocations.revokedBy(values.get(0), issuedAt);
              boolean sessionRevoked = values.size() > 1 && values.get(1) != null;
              if (userRevoked || sessionRevoked) {
                throw new BadJwtException("The token was revoked");
              }
              return jwt;
            })
        .onErrorResume(
            e -> !(e instanceof BadJwtException),
            e -> {
              log.warn(
                  "Deny-list unavailable ({}); token of {} let through", e.toString(), subject);
              return Mono.just(jwt);
            });
  }
}
