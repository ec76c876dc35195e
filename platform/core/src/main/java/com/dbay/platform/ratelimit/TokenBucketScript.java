package com.dbay.platform.ratelimit;

/**
 * The one token-bucket script of DBay's Redis-backed rate limits (the gateway's per-route limits,
 * messaging's messages per user): one copy, so a fix to the arithmetic reaches every limit.
 *
 * <p>KEYS[1] the bucket (hash: {@code t} = tokens, {@code ts} = Redis time in ms of the last
 * change); ARGV: tokens per ms, capacity, permits wanted. Returns {@code {granted, ms until the
 * next permit when none granted}}. It runs on Redis's clock, so instances with drifting clocks
 * agree; the key expires when the bucket would be full again, which is the same as absent.
 */
public final class TokenBucketScript {

  public static final String RESERVE =
      """
      local rate = tonumber(ARGV[1])
      local capacity = tonumber(ARGV[2])
      local want = tonumber(ARGV[3])
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
      local granted = math.min(want, math.floor(tokens))
      tokens = tokens - granted
      redis.call('HSET', KEYS[1], 't', string.format('%.17g', tokens), 'ts', now)
      redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / rate) + 1000)
      local wait = 0
      if granted == 0 then
        wait = math.ceil((1 - tokens) / rate)
      end
      return {granted, wait}
      """;

  private TokenBucketScript() {}
}
