package com.dbay.messaging.conversation;

import com.dbay.platform.ratelimit.TokenBucketScript;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Messages per user: a token bucket in Redis, shared by every instance (the gateway's general limit
 * counts requests, not messages, and is far above what a person types), through the platform's
 * {@link TokenBucketScript} (the gateway's limits use the same script). When Redis cannot be asked,
 * sending is allowed (and logged): the limit is against floods, and refusing every message while
 * Redis is away would be worse.
 */
@Component
class SendRateLimit {

  private static final Logger log = LoggerFactory.getLogger(SendRateLimit.class);

  /** The platform's token bucket, asked for one permit. */
  static final RedisScript<List> TAKE = RedisScript.of(TokenBucketScript.RESERVE, List.class);

  private final StringRedisTemplate redis;
  private final MessagingProperties properties;

  SendRateLimit(StringRedisTemplate redis, MessagingProperties properties) {
    this.redis = redis;
    this.properties = properties;
  }

  /** Takes one permit for {@code userId}; throws {@link SendingTooFast} when none is left. */
  void take(String userId) {
    List<?> answer;
    try {
      answer =
          redis.execute(
              TAKE,
              List.of("dbay:messaging:rate:{" + userId + "}"),
              java.math.BigDecimal.valueOf(properties.ratePerMinute() / 60_000.0).toPlainString(),
              Integer.toString(properties.rateBurst()),
              "1");
    } catch (RuntimeException e) {
      log.warn("the message rate limit could not be checked; allowing the message", e);
      return;
    }
    if (answer == null || answer.size() < 2) {
      return;
    }
    if (((Number) answer.get(0)).longValue() == 0) {
      long waitMillis = ((Number) answer.get(1)).longValue();
      throw new SendingTooFast(properties.ratePerMinute(), Math.max(1, (waitMillis + 999) / 1000));
    }
  }
}
