package com.dbay.lambda.websockethandler;

import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The connection registry in Redis: {@code dbay:wsconn:<id>} (hash: user) with the set {@code
 * dbay:wsconn:<id>:channels}, and per channel the set {@code dbay:wschan:<channel>} of connections.
 * Keys expire after API Gateway's longest connection (2 hours) plus a margin, so a connection whose
 * {@code $disconnect} never came does not stay forever.
 */
public final class RedisConnections implements Connections {

  static final Duration TTL = Duration.ofHours(2).plusMinutes(10);
  private final RedisCommands<String, String> redis;

  public RedisConnections(RedisCommands<String, String> redis) {
    this.redis = redis;
  }

  private static String connection(String id) {
    return "dbay:wsconn:" + id;
  }

  private static String channels(String id) {
    return "dbay:wsconn:" + id + ":channels";
  }

  private static String channel(String stored) {
    return "dbay:wschan:" + stored;
  }

  @Override
  public void connected(String connectionId, Optional<String> userId) {
    redis.hset(connection(connectionId), "user", userId.orElse(""));
    redis.expire(connection(connectionId), TTL.toSeconds());
  }

  @Override
  public void disconnected(String connectionId) {
    for (String stored : redis.smembers(channels(connectionId))) {
      redis.srem(channel(stored), connectionId);
    }
    redis.del(connection(connectionId), channels(connectionId));
  }

  @Override
  public boolean subscribe(String connectionId, String channel) {
    Optional<String> stored = stored(connectionId, channel);
    if (stored.isEmpty()) {
      return false;
    }
    redis.sadd(channel(stored.get()), connectionId);
    redis.expire(channel(stored.get()), TTL.toSeconds());
    redis.sadd(channels(connectionId), stored.get());
    redis.expire(channels(connectionId), TTL.toSeconds());
    return true;
  }

  @Override
  public void unsubscribe(String connectionId, String channel) {
    stored(connectionId, channel)
        .ifPresent(
            s -> {
              redis.srem(channel(s), connectionId);
              redis.srem(channels(connectionId), s);
            });
  }

  @Override
  public Set<String> following(String storedChannel) {
    return redis.smembers(channel(storedChannel));
  }

  private Optional<String> stored(String connectionId, String channel) {
    if (!"user".equals(channel)) {
      return Optional.of(channel);
    }
    String user = redis.hget(connection(connectionId), "user");
    return user == null || user.isEmpty() ? Optional.empty() : Optional.of("user:" + user);
  }
}
