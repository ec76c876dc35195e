package com.dbay.user.auth;

import java.time.Instant;

/**
 * Published (source {@code dbay.user}) when one login ends: logout, or reuse of a spent refresh
 * token. {@code sessionId} is the refresh-token family, carried as {@code sid} by that login's
 * access tokens.
 */
public record SessionRevoked(String userId, String sessionId, Instant revokedAt) {

  public static final String TYPE = "SessionRevoked";
}
