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

/** The gateway's own refusals (400, 403, 404, 413, 502...) as RFC 9457 problem+json. */
@Order(-2)
public class ProblemExceptionHandler implements WebExceptionHandler {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
    if (!(ex instanceof ResponseStatusException rse) || exchange.getResponse().isCommitted()) {
      return Mono.error(ex);
    }
    HttpStatusCode status = rse.getStatusCode();
    String slug = switch (status.value()) {
      case 400 -> "bad-request";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 413 -> "body-too-large";
      case 429 -> "rate-limited";
      default -> status.is5xxServerError() ? "upstream-unavailable" : "error";
    };
    var body = new java.util.LinkedHashMap<String, Object>();
    body.put("type", ProblemTypes.BASE + slug);
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
