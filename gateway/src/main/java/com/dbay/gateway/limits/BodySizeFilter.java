package com.dbay.gateway.limits;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 413 for bodies over the limit: at once when {@code Content-Length} says so, otherwise (chunked)
 * as soon as the streamed body passes it, before the service has read it all.
 */
public class BodySizeFilter implements WebFilter, Ordered {

  private final long maxBody;
  private final long maxUpload;
  private final List<String> uploadPatterns;
  private final AntPathMatcher matcher = new AntPathMatcher();

  public BodySizeFilter(long maxBody, long maxUpload, List<String> uploadPatterns) {
    this.maxBody = maxBody;
    this.maxUpload = maxUpload;
    this.uploadPatterns = uploadPatterns;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 20;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    var headers = exchange.getRequest().getHeaders();
    long declared = headers.getContentLength();
    if (declared >= 0 && declared <= maxBody) {
      return chain.filter(exchange);
    }
    if (declared < 0 && !headers.containsHeader("Transfer-Encoding")) {
      return chain.filter(exchange); // no body at all
    }
    String path = exchange.getRequest().getPath().value();
    long limit =
        uploadPatterns.stream().anyMatch(p -> matcher.match(p, path)) ? maxUpload : maxBody;
    if (declared > limit) {
      return Mono.error(tooLarge(limit));
    }
    if (declared >= 0) {
      return chain.filter(exchange);
    }
    ServerHttpRequestDecorator counted =
        new ServerHttpRequestDecorator(exchange.getRequest()) {
          @Override
          public Flux<DataBuffer> getBody() {
            long[] seen = {0};
            return super.getBody()
                .handle(
                    (buffer, sink) -> {
                      seen[0] += buffer.readableByteCount();
                      if (seen[0] > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(tooLarge(limit));
                      } else {
                        sink.next(buffer);
                      }
                    });
          }
        };
    return chain.filter(exchange.mutate().request(counted).build());
  }

  private static ResponseStatusException tooLarge(long limit) {
    return new ResponseStatusException(
        HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than " + limit + " bytes");
  }
}
