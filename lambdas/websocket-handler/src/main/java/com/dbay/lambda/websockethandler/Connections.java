package com.dbay.lambda.websockethandler;

import java.util.Optional;
import java.util.Set;

/**
 * Where connections and their channel subscriptions live, so that fan-out can find them. Channels
 * are named as on the gateway's {@code /ws}: {@code auction:<id>}, {@code listing:<id>}, and {@code
 * user} for the connection's own user, which is stored as {@code user:<userId>} (the Redis channel
 * the services publish that user's frames on, without the {@code dbay:ws:} prefix).
 */
public interface Connections {

  /** A new connection, of a signed-in user or anonymous ({@code userId} empty). */
  void connected(String connectionId, Optional<String> userId);

  void disconnected(String connectionId);

  /** False when not allowed: {@code user} on an anonymous or unknown connection. */
  boolean subscribe(String connectionId, String channel);

  void unsubscribe(String connectionId, String channel);

  /** The connections following a stored channel ({@code auction:42}, {@code user:u-1}). */
  Set<String> following(String storedChannel);
}
