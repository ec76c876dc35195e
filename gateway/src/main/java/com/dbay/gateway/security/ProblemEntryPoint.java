package com.dbay.gateway.security;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 as problem+json. The reason stays generic: which check failed is no business of the caller.
 */
public class ProblemEntryPoint implements ServerAuthenticationEntryPoint {

  private static final byte[] BODY =
      """
      {"type":"https://dbay.dev/problems/invalid-token","title":"Unauthorized","status":401,\
      "detail":"The bearer token is missing, malformed, expired, not yet valid, or not issued for this API."}"""
          .getBytes(StandardCharsets.UTF_8);

  @Override
  public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
    var response = exchange.getResponse();
    response.setStatusCode(HttpStatus.UNAUTHORIZED);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    response.getHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    DataBuffer buffer = response.bufferFactory().wrap(BODY);
    return response.writeWith(Mono.just(buffer));
  }
}
