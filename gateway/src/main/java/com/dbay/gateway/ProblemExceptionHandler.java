package com.dbay.gateway;

import com.dbay.platform.problem.ProblemTypes;
import java.nio.charset.StandardCharsets;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's own refusals (400, 403, 404, 413, 502...) as RFC 9457 problem+json. WebFlux, so it
 * cannot use the servlet services' handler, but it writes the same shape with the same {@link
 * ProblemTypes}.
 */
@Order(-2)
public class ProblemExceptionHandler implements WebExceptionHandler {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
    if (!(ex instanceof ResponseStatusException rse) || exchange.getResponse().isCommitted()) {
      return Mono.error(ex);
    }
    HttpStatusCode status = rse.getStatusCode();
    // The same types the services' handler uses for the same situations, so a client branches on
    // one set.
    java.net.URI type =
        switch (status.value()) {
          case 400 -> ProblemTypes.MALFORMED_REQUEST;
          case 401 -> ProblemTypes.UNAUTHORIZED;
          case 403 -> ProblemTypes.FORBIDDEN;
          case 404 -> ProblemTypes.NOT_FOUND;
          case 405 -> ProblemTypes.METHOD_NOT_ALLOWED;
          case 413 -> ProblemTypes.PAYLOAD_TOO_LARGE;
          case 414 -> ProblemTypes.of("uri-too-long");
          case 415 -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
          case 429 -> ProblemTypes.of("rate-limited");
          case 431 -> ProblemTypes.of("headers-too-large");
          default ->
              status.is5xxServerError()
                  ? ProblemTypes.SERVICE_UNAVAILABLE
                  : ProblemTypes.MALFORMED_REQUEST;
        };
    var body = new java.util.LinkedHashMap<String, Object>();
    body.put("type", type.toString());
    body.put("title", rse.getBody().getTitle());
    body.put("status", status.value());
    body.put("detail", rse.getReason() == null ? rse.getBody().getDetail() : rse.getReason());
    var response = exchange.getResponse();
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
  }
}
