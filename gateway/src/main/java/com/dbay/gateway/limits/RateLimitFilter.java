package com.dbay.gateway.limits;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A route's rate limit: the request goes on while its key has permits, otherwise 429 as
 * problem+json (through {@code ProblemExceptionHandler}) with {@code Retry-After}.
 */
public class RateLimitFilter implements GatewayFilter {

  private final SharedRateLimiter limiter;
  private final KeyResolver keys;
  private final String retryAfter;

  public RateLimitFilter(SharedRateLimiter limiter, KeyResolver keys) {
    this.limiter = limiter;
    this.keys = keys;
    this.retryAfter = Long.toString(limiter.retryAfterSeconds());
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    return keys.resolve(exchange)
        .switchIfEmpty(
            Mono.error(
                () ->
                    new ResponseStatusException(
                        HttpStatus.FORBIDDEN, "The caller cannot be identified for rate limiting")))
        .flatMap(limiter::acquire)
        .flatMap(allowed -> allowed ? chain.filter(exchange) : tooMany(exchange));
  }

  private Mono<Void> tooMany(ServerWebExchange exchange) {
    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter);
    return Mono.error(
        new ResponseStatusException(
            HttpStatus.TOO_MANY_REQUESTS,
            "Too many requests (" + limiter.name() + " limit); try again in " + retryAfter + " s"));
  }
}
