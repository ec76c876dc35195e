package com.dbay.gateway.limits;

import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * 414 for a request line and 431 for headers over the gateway's limits, as problem+json.
 *
 * <p>Netty refuses what is over its own decoder limits with a bare 414/431 and no body, and offers
 * no hook to shape that answer. So Netty's limits are set well above these ({@code
 * server.netty.max-initial-line-length}, {@code server.max-http-request-header-size} in
 * application.yml) and the refusal happens here, where the problem handler writes it; only a
 * request beyond Netty's far larger limits still gets Netty's bare answer.
 */
public class RequestHeadSizeFilter implements WebFilter, Ordered {

  private final long maxTargetBytes;
  private final long maxHeaderBytes;

  public RequestHeadSizeFilter(long maxTargetBytes, long maxHeaderBytes) {
    this.maxTargetBytes = maxTargetBytes;
    this.maxHeaderBytes = maxHeaderBytes;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    var uri = exchange.getRequest().getURI();
    long target =
        (uri.getRawPath() == null ? 0 : uri.getRawPath().length())
            + (uri.getRawQuery() == null ? 0 : uri.getRawQuery().length() + 1);
    if (target > maxTargetBytes) {
      return Mono.error(
          new ResponseStatusException(
              HttpStatus.URI_TOO_LONG,
              "The request's path and query are longer than " + maxTargetBytes + " bytes"));
    }
    long headers = 0;
    for (Map.Entry<String, List<String>> header : exchange.getRequest().getHeaders().headerSet()) {
      for (String value : header.getValue()) {
        headers += header.getKey().length() + value.length() + 4; // ": " and CRLF
      }
    }
    if (headers > maxHeaderBytes) {
      return Mono.error(
          new ResponseStatusException(
              HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
              "The request's headers are larger than " + maxHeaderBytes + " bytes"));
    }
    return chain.filter(exchange);
  }
}
