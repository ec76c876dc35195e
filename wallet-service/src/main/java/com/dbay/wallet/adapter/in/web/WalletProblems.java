package com.dbay.wallet.adapter.in.web;

import com.dbay.platform.problem.ProblemTypes;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problems for what only this web adapter knows: callers that are not signed in or not
 * allowed, a missing header, an unreachable Dogecoin node. The domain's refusals ({@code
 * WalletException}, a platform {@code DomainException}) and everything generic are mapped by the
 * platform's handler, in one place.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackages = "com.dbay.wallet")
public class WalletProblems {

  public static final String TYPE_BASE = ProblemTypes.BASE;
  private static final Logger log = LoggerFactory.getLogger(WalletProblems.class);

  @ExceptionHandler(CallerIdentity.Unauthenticated.class)
  ProblemDetail unauthenticated(CallerIdentity.Unauthenticated e) {
    return problem(HttpStatus.UNAUTHORIZED, "unauthorized", e.getMessage());
  }

  @ExceptionHandler(CallerIdentity.Forbidden.class)
  ProblemDetail forbidden(CallerIdentity.Forbidden e) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
  }

  @ExceptionHandler(MissingRequestHeaderException.class)
  ProblemDetail missingHeader(MissingRequestHeaderException e) {
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            code(e.getHeaderName()),
            "the header " + e.getHeaderName() + " is required");
    problem.setProperty(
        "errors", List.of(Map.of("field", e.getHeaderName(), "message", "required")));
    return problem;
  }

  /**
   * The Dogecoin node or signer is not reachable or not configured: retry later, nothing was
   * written.
   */
  @ExceptionHandler(IllegalStateException.class)
  ProblemDetail unavailable(IllegalStateException e) {
    log.warn("wallet dependency unavailable: {}", e.getMessage());
    return problem(
        HttpStatus.SERVICE_UNAVAILABLE,
        "service-unavailable",
        "the Dogecoin node is not available; try again later");
  }

  private static String code(String header) {
    return "Idempotency-Key".equalsIgnoreCase(header)
        ? "idempotency-key-required"
        : "missing-header";
  }

  static ProblemDetail problem(HttpStatus status, String code, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(ProblemTypes.of(code));
    problem.setTitle(status.getReasonPhrase());
    return problem;
  }
}
