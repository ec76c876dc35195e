package com.dbay.gateway.routing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Internal endpoints ({@code /api/v1/<service>/internal/...}) are not part of the public API: 404.
 * Neither are actuator endpoints other than health, the gateway's own ({@code /actuator/...}) or a
 * service's reached through its route (any {@code actuator} segment under {@code /api/}): metrics,
 * environment and route tables are for operators, who read them on the loopback service ports.
 * Paths that could be read differently here and in the service (dot segments, encoded slashes,
 * matrix parameters, doubled slashes) are refused outright, so the check cannot be walked around.
 */
public class EdgePathFilter implements WebFilter, Ordered {

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String raw = exchange.getRequest().getURI().getRawPath();
    if (raw == null
        || !(raw.startsWith("/api/") || raw.toLowerCase(Locale.ROOT).startsWith("/actuator"))) {
      return chain.filter(exchange);
    }
    String lower = raw.toLowerCase(Locale.ROOT);
    if (lower.contains("%2f")
        || lower.contains("%5c")
        || lower.contains("%2e")
        || lower.contains("%25")
        || raw.contains(";")
        || raw.contains("//")
        || raw.contains("\\")
        || raw.contains("/./")
        || raw.contains("/../")
        || raw.endsWith("/.")
        || raw.endsWith("/..")) {
      return Mono.error(
          new ResponseStatusException(HttpStatus.BAD_REQUEST, "The path is not in canonical form"));
    }
    String[] segments =
        URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8)
            .toLowerCase(Locale.ROOT)
            .split("/");
    // "", "api", "v1", "<service>", "internal", ...
    if (segments.length > 4 && "internal".equals(segments[4])) {
      return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "No such endpoint"));
    }
    if ("actuator".equals(segments[1])
        ? !(segments.length > 2 && "health".equals(segments[2]))
        : java.util.Arrays.asList(segments).contains("actuator")) {
      return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "No such endpoint"));
    }
    return chain.filter(exchange);
  }
}
