package com.dbay.wallet.adapter.in.web;

import com.dbay.wallet.domain.WalletException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * RFC 9457 problems with stable types: {@code https://dbay.dev/problems/<code>}, the code being the
 * domain's (insufficient-funds, daily-limit-exceeded, idempotency-key-reused, ...).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackages = "com.dbay.wallet")
public class WalletProblems {

  public static final String TYPE_BASE = "https://dbay.dev/problems/";
  private static final Logger log = LoggerFactory.getLogger(WalletProblems.class);

  @ExceptionHandler(WalletException.class)
  ProblemDetail wallet(WalletException e) {
    HttpStatus status = switch (e) {
      case WalletException.InvalidRequest ignored -> HttpStatus.BAD_REQUEST;
      case WalletException.InsufficientFunds ignored -> HttpStatus.CONFLICT;
      case WalletException.InvalidState ignored -> HttpStatus.CONFLICT;
      case WalletException.NotFound ignored -> HttpStatus.NOT_FOUND;
      default -> HttpStatus.UNPROCESSABLE_CONTENT;
    };
    ProblemDetail problem = problem(status, e.code(), e.getMessage());
    if (e instanceof WalletException.InvalidRequest invalid && invalid.field() != null) {
      problem.setProperty("errors", List.of(Map.of("field", invalid.field(), "message", e.getMessage())));
    }
    return problem;
  }

  @ExceptionHandler(CallerIdentity.Unauthenticated.class)
  ProblemDetail unauthenticated(CallerIdentity.Unauthenticated e) {
    return problem(HttpStatus.UNAUTHORIZED, "unauthenticated", e.getMessage());
  }

  @ExceptionHandler(CallerIdentity.Forbidden.class)
  ProblemDetail forbidden(CallerIdentity.Forbidden e) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
  }

  @ExceptionHandler(MissingRequestHeaderException.class)
  ProblemDetail missingHeader(MissingRequestHeaderException e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "idempotency-key-required".equals(code(e.getHeaderName())) ? "idempotency-key-required" : "missing-header",
        "the header " + e.getHeaderName() + " is required");
    problem.setProperty("errors", List.of(Map.of("field", e.getHeaderName(), "message", "required")));
    return problem;
  }

  @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
  ProblemDetail unreadable(Exception e) {
    return problem(HttpStatus.BAD_REQUEST, "malformed-request", "the request could not be read: check the JSON body and parameters");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ProblemDetail noResource(NoResourceFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "no such endpoint");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ProblemDetail method(HttpRequestMethodNotSupportedException e) {
    return problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", e.getMessage());
  }

  @ExceptionHandler(IllegalStateException.class)
  ProblemDetail unavailable(IllegalStateException e) {
    log.warn("wallet dependency unavailable: {}", e.getMessage());
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", e.getMessage());
  }

  private static String code(String header) {
    return "Idempotency-Key".equalsIgnoreCase(header) ? "idempotency-key-required" : "missing-header";
  }

  static ProblemDetail problem(HttpStatus status, String code, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + code));
    problem.setTitle(status.getReasonPhrase());
    return problem;
  }
}
