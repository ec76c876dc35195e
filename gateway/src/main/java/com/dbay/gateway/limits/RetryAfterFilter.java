package com.dbay.gateway.limits;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The built-in rate limiter answers 429 without {@code Retry-After}; clients need it to back off
 * politely. The route's limit decides the value (stored as an exchange attribute by the route).
 */
public class RetryAfterFilter implements WebFilter, Ordered {

  public static final String ATTRIBUTE = RetryAfterFilter.class.getName() + ".seconds";

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    var response = exchange.getResponse();
    response.beforeCommit(
        () -> {
          if (HttpStatus.TOO_MANY_REQUESTS.equals(response.getStatusCode())
              && !response.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)) {
            Long seconds = exchange.getAttribute(ATTRIBUTE);
            response
                .getHeaders()
                .set(HttpHeaders.RETRY_AFTER, Long.toString(seconds == null ? 1 : seconds));
          }
          return Mono.empty();
        });
    return chain.filter(exchange);
  }
}
