package com.dbay.listing.web;

import com.dbay.listing.shared.Refusal;
import com.dbay.platform.problem.ProblemTypes;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one place a listing rule's refusal becomes HTTP: not found 404, not allowed 403, invalid content
 * 422 with every field in {@code errors}, wrong state 409 with the rule's own type.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusalProblems {

  @ExceptionHandler(Refusal.class)
  ResponseEntity<ProblemDetail> refused(Refusal r) {
    HttpStatus status = switch (r.kind()) {
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case NOT_ALLOWED -> HttpStatus.FORBIDDEN;
      case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
      case WRONG_STATE -> HttpStatus.CONFLICT;
    };
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, r.getMessage());
    problem.setType(ProblemTypes.of(r.code()));
    problem.setTitle(switch (r.kind()) {
      case NOT_FOUND -> "Not found";
      case NOT_ALLOWED -> "Forbidden";
      case INVALID -> "The listing breaks a rule";
      case WRONG_STATE -> "Not possible now";
    });
    if (!r.errors().isEmpty()) {
      problem.setProperty("errors", r.errors());
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
