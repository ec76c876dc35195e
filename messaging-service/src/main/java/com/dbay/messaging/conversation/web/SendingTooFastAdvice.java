package com.dbay.messaging.conversation.web;

import com.dbay.messaging.conversation.SendingTooFast;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** 429 with Retry-After: the one refusal the platform's problem kinds have no status for. */
// Before the platform's catch-all handler, which would answer any unknown exception with a 500.
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice
class SendingTooFastAdvice {

  @ExceptionHandler(SendingTooFast.class)
  ResponseEntity<ProblemDetail> tooFast(SendingTooFast e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.TOO_MANY_REQUESTS,
            "You are sending messages too fast (at most "
                + e.perMinute()
                + " a minute); try again in "
                + e.retryAfterSeconds()
                + " s.");
    problem.setType(URI.create("https://dbay.dev/problems/rate-limited"));
    problem.setTitle("Too many messages");
    problem.setProperty("retryAfterSeconds", e.retryAfterSeconds());
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header("Retry-After", Long.toString(e.retryAfterSeconds()))
        .body(problem);
  }
}
