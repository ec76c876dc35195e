package com.dbay.platform.starter.identity;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** 401 problem+json for endpoints that need a user, whatever other advice a service adds. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class IdentityProblemAdvice {

  @ExceptionHandler(MissingIdentityException.class)
  ResponseEntity<ProblemDetail> missingIdentity(MissingIdentityException e) {
    return ResponseEntity.status(e.getStatusCode())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .header("WWW-Authenticate", "Bearer")
        .body(e.getBody());
  }
}
