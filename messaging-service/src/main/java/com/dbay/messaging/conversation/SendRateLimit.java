package com.dbay.messaging.conversation;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Messages per user: a token bucket in Redis, shared by every instance (the gateway's general limit
 * counts requests, not messages, and is far above what a person types). The script is the gateway's
 * {@code RedisBuckets.RESERVE} reduced to one permit; it runs on Redis's clock, so instances with
 * drifting clocks agree. When Redis cannot be asked, sending is allowed (and logged): the limit is
 * against floods, and refusing every message while Redis is away would be worse.
 */
@Component
class SendRateLimit {

  private static final Logger log = LoggerFactory.getLogger(SendRateLimit.class);

  /** KEYS[1] the bucket; ARGV tokens per ms, capacity. Returns {granted 0|1, ms until a permit}. */
  static final RedisScript<List> TAKE =
      RedisScript.of(
          """
      local rate = tonumber(ARGV[1])
      local capacity = tonumber(ARGV[2])
      local time = redis.call('TIME')
      local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
      local state = redis.call('HMGET', KEYS[1], 't', 'ts')
      local tokens = tonumber(state[1])
      local last = tonumber(state[2])
      if tokens == nil or last == nil then
        tokens = capacity
        last = now
      end
      tokens = math.min(capacity, tokens + math.max(0, now - last) * rate)
      local granted = 0
      local wait = 0
      if tokens >= 1 then
        granted = 1
        tokens = tokens - 1
      else
        wait = math.ceil((1 - tokens) / rate)
      end
      redis.call('HSET', KEYS[1], 't', string.format('%.17g', tokens), 'ts', now)
      redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / rate) + 1000)
      return {granted, wait}
      """,
          List.class);

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
              Integer.toString(properties.rateBurst()));
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
