package com.dbay.user.auth;

import com.dbay.platform.events.EventPattern;
import com.dbay.platform.identity.Revocations;
import com.dbay.platform.starter.events.EventSubscriber;
import com.dbay.user.UserProperties;
import com.dbay.user.account.UserSuspended;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds the gateway's deny-list ({@link Revocations}) from this service's own events. Going through
 * the outbox rather than writing Redis inside the request means an entry exists exactly when the
 * suspension or logout committed, and a Redis hiccup is retried by the event consumer instead of
 * being lost. Entries live as long as the tokens they refuse could still be valid (token lifetime
 * plus the gateway's clock skew, counted from the revocation), then vanish by themselves.
 */
@Configuration(proxyBeanMethods = false)
class DenyList {

  /** More than the gateway's accepted clock skew (30 s). */
  static final Duration SKEW_MARGIN = Duration.ofMinutes(1);

  @Bean
  EventSubscriber denyListWriter(
      StringRedisTemplate redis, JsonMapper json, UserProperties properties, Clock clock) {
    Duration tokenLifetime = properties.jwt().accessTokenTtl().plus(SKEW_MARGIN);
    return EventSubscriber.of(
        "user.deny-list",
        EventPattern.source("dbay.user").detailType(UserSuspended.TYPE, SessionRevoked.TYPE),
        event -> {
          if (UserSuspended.TYPE.equals(event.detailType())) {
            UserSuspended suspended = event.detailAs(UserSuspended.class, json);
            Duration left = remaining(suspended.suspendedAt(), tokenLifetime, clock);
            if (!left.isZero()) {
              String at = Long.toString(suspended.suspendedAt().getEpochSecond());
              redis.opsForValue().set(Revocations.userKey(suspended.userId()), at, left);
              if (suspended.cognitoSub() != null && !suspended.cognitoSub().isBlank()) {
                // Cognito tokens carry the pool's sub, which the gateway checks under the same key.
                redis.opsForValue().set(Revocations.userKey(suspended.cognitoSub()), at, left);
              }
            }
          } else {
            SessionRevoked revoked = event.detailAs(SessionRevoked.class, json);
            Duration left = remaining(revoked.revokedAt(), tokenLifetime, clock);
            if (!left.isZero()) {
              redis
                  .opsForValue()
                  .set(Revocations.sessionKey(revoked.sessionId()), revoked.userId(), left);
            }
          }
        });
  }

  /** How long tokens issued before {@code at} can still be presented; zero when none can. */
  static Duration remaining(Instant at, Duration tokenLifetime, Clock clock) {
    Duration left = Duration.between(clock.instant(), at.plus(tokenLifetime));
    return left.isNegative() || left.isZero() ? Duration.ZERO : left;
  }
}
