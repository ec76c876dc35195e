package com.dbay.gateway.limits;

import com.dbay.gateway.GatewayProperties;
import java.net.InetSocketAddress;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What a limit is keyed by, and how long a refused client should wait. A limit is a token bucket
 * per key ({@link SharedRateLimiter}): {@code burst} tokens, refilled at {@code perMinute / 60} a
 * second, one token per request.
 */
public final class RateLimits {

  private RateLimits() {}

  /**
   * Seconds until an empty bucket of this limit has a token again, at least 1: {@code 60 /
   * perMinute} rounded up (10 for 6 a minute). An upper bound, so a client that waits it succeeds.
   */
  public static long retryAfterSeconds(GatewayProperties.Limit limit) {
    return (long) Math.ceil(60.0 / Math.max(limit.perMinute(), 1));
  }

  /** Signed-in callers by user id, everyone else by client address. */
  public static KeyResolver userOrIp(String scope) {
    return exchange ->
        exchange
            .getPrincipal()
            .filter(JwtAuthenticationToken.class::isInstance)
            .map(p -> scope + ":user:" + ((JwtAuthenticationToken) p).getToken().getSubject())
            .switchIfEmpty(Mono.fromSupplier(() -> scope + ":ip:" + clientIp(exchange)));
  }

  /** By client address only: used where there is no user yet (login, registration). */
  public static KeyResolver ip(String scope) {
    return exchange -> Mono.just(scope + ":ip:" + clientIp(exchange));
  }

  /**
   * Credential endpoints by client address, one bucket per kind (login, register, refresh), so that
   * signing up a few accounts does not use up the login attempts.
   */
  public static KeyResolver credentials() {
    return exchange -> {
      String path = exchange.getRequest().getPath().value();
      String kind =
          path.contains("/login") ? "login" : path.contains("/register") ? "register" : "refresh";
      return Mono.just(kind + ":ip:" + clientIp(exchange));
    };
  }

  /**
   * The socket's peer address. X-Forwarded-For is not trusted: the gateway is the edge locally, and
   * in AWS API Gateway throttles before the services.
   */
  static String clientIp(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    return remote == null || remote.getAddress() == null
        ? "unknown"
        : remote.getAddress().getHostAddress();
  }
}
