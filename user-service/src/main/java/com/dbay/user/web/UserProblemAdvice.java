package com.dbay.user.web;

import com.dbay.platform.problem.ProblemTypes;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 answers for this service's own problems and for request bodies that do not bind. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class UserProblemAdvice {

  public static final String TYPE_BASE = ProblemTypes.BASE;

  @ExceptionHandler(UserProblem.class)
  ResponseEntity<ProblemDetail> problem(UserProblem e) {
    return answer(e.status(), e.type(), e.getMessage(), e.errors());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
    Map<String, String> errors = new LinkedHashMap<>();
    e.getBindingResult().getFieldErrors().forEach(f -> errors.putIfAbsent(f.getField(), f.getDefaultMessage()));
    return answer(HttpStatus.BAD_REQUEST, "validation", "The request has invalid fields.", errors);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    return answer(HttpStatus.BAD_REQUEST, "malformed-body", "The request body is not valid JSON of the expected shape.", Map.of());
  }

  static ResponseEntity<ProblemDetail> answer(HttpStatus status, String type, String detail, Map<String, String> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + type));
    problem.setTitle(status.getReasonPhrase());
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (status == HttpStatus.UNAUTHORIZED) {
      builder.header("WWW-Authenticate", "Bearer");
    }
    return builder.body(problem);
  }
}
