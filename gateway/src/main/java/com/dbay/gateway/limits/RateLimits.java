package com.dbay.gateway.limits;

import com.dbay.gateway.GatewayProperties;
import java.net.InetSocketAddress;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Token buckets in Redis (Spring Cloud Gateway's {@link RedisRateLimiter}). A limit is given per
 * minute; below one per second the bucket refills one token per second and each request costs
 * {@code 60 / perMinute} tokens, which is how the limiter expresses slow rates.
 */
public final class RateLimits {

  private RateLimits() {}

  public static RedisRateLimiter limiter(GatewayProperties.Limit limit) {
    if (limit.perMinute() >= 60) {
      int perSecond = limit.perMinute() / 60;
      return new RedisRateLimiter(perSecond, Math.max(limit.burst(), perSecond), 1);
    }
    int cost = costPerRequest(limit);
    return new RedisRateLimiter(1, Math.max(limit.burst(), 1) * cost, cost);
  }

  /** Seconds until the next request of this limit fits again, at least 1. */
  public static long retryAfterSeconds(GatewayProperties.Limit limit) {
    return limit.perMinute() >= 60 ? 1 : costPerRequest(limit);
  }

  private static int costPerRequest(GatewayProperties.Limit limit) {
    return (int) Math.ceil(60.0 / Math.max(limit.perMinute(), 1));
  }

  /** Signed-in callers by user id, everyone else by client address. */
  public static KeyResolver userOrIp(String scope) {
    return exchange -> exchange.getPrincipal()
        .filter(JwtAuthenticationToken.class::isInstance)
        .map(p -> scope + ":user:" + ((JwtAuthenticationToken) p).getToken().getSubject())
        .switchIfEmpty(Mono.fromSupplier(() -> scope + ":ip:" + clientIp(exchange)));
  }

  /** By client address only: used where there is no user yet (login, registration). */
  public static KeyResolver ip(String scope) {
    return exchange -> Mono.just(scope + ":ip:" + clientIp(exchange));
  }

  /**
   * Credential endpoints by client address, one bucket per kind (login, register, refresh), so
   * that signing up a few accounts does not use up the login attempts.
   */
  public static KeyResolver credentials() {
    return exchange -> {
      String path = exchange.getRequest().getPath().value();
      String kind = path.contains("/login") ? "login" : path.contains("/register") ? "register" : "refresh";
      return Mono.just(kind + ":ip:" + clientIp(exchange));
    };
  }

  /**
   * The socket's peer address. X-Forwarded-For is not trusted: the gateway is the edge locally,
   * and in AWS API Gateway throttles before the services.
   */
  static String clientIp(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
  }
}
