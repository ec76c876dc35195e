package com.dbay.platform.starter.servicecall;

import com.dbay.platform.problem.ProblemTypes;
import com.dbay.platform.starter.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets a call reach an {@link InternalApi} handler only when it proved one of the named callers:
 * 401 {@code caller-unauthenticated} without a valid proof, 403 {@code caller-forbidden} for a part
 * not on the list. Every refusal is logged with what the caller claimed. A handler under an {@code
 * /internal/} path that declares no callers is refused to everybody: forgetting the declaration
 * closes the endpoint rather than opening it.
 */
public class InternalApiInterceptor implements HandlerInterceptor {

  static final String UNAUTHENTICATED = "caller-unauthenticated";
  static final String FORBIDDEN = "caller-forbidden";
  private static final Logger log = LoggerFactory.getLogger(InternalApiInterceptor.class);

  private final ProblemWriter problems;
  private final boolean closeUndeclared;

  /**
   * @param closeUndeclared refuse {@code /internal/} handlers without a declaration ({@code
   *     dbay.service-calls.close-undeclared-internal}, true by default; a service still guarding
   *     its internal API by other means may turn it off while it moves over)
   */
  public InternalApiInterceptor(ProblemWriter problems, boolean closeUndeclared) {
    this.problems = problems;
    this.closeUndeclared = closeUndeclared;
  }

  static Optional<InternalApi> declaration(HandlerMethod method) {
    InternalApi onMethod =
        AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), InternalApi.class);
    if (onMethod != null) {
      return Optional.of(onMethod);
    }
    return Optional.ofNullable(
        AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), InternalApi.class));
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws Exception {
    if (!(handler instanceof HandlerMethod method)) {
      return true;
    }
    Optional<InternalApi> declared = declaration(method);
    String claimed = request.getHeader(com.dbay.platform.servicecall.ServiceCallHeaders.CALLER);
    if (declared.isEmpty()) {
      boolean proofOnly =
          method.hasMethodAnnotation(GatewayProofOnly.class)
              || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), GatewayProofOnly.class);
      if (closeUndeclared && request.getRequestURI().contains("/internal/") && !proofOnly) {
        log.warn(
            "Refused {} {}: internal handler {} declares no @InternalApi callers (claimed caller: {})",
            request.getMethod(),
            request.getRequestURI(),
            method.getShortLogMessage(),
            claimed);
        refuse(
            response, HttpStatus.FORBIDDEN, FORBIDDEN, "This internal endpoint accepts no caller.");
        return false;
      }
      return true;
    }
    Optional<String> caller = VerifiedCaller.of(request);
    if (caller.isEmpty()) {
      Object why = request.getAttribute(VerifiedCaller.FAILURE_ATTRIBUTE);
      log.warn(
          "Refused {} {}: no authenticated calling part (claimed caller: {}, {})",
          request.getMethod(),
          request.getRequestURI(),
          claimed,
          why == null ? "no caller headers" : why);
      refuse(
          response,
          HttpStatus.UNAUTHORIZED,
          UNAUTHENTICATED,
          "This internal endpoint needs a signed call from an allowed part.");
      return false;
    }
    if (Arrays.stream(declared.get().callers()).noneMatch(caller.get()::equals)) {
      log.warn(
          "Refused {} {}: caller {} is not allowed (allowed: {})",
          request.getMethod(),
          request.getRequestURI(),
          caller.get(),
          String.join(",", declared.get().callers()));
      refuse(
          response, HttpStatus.FORBIDDEN, FORBIDDEN, "The calling part may not use this endpoint.");
      return false;
    }
    return true;
  }

  private void refuse(HttpServletResponse response, HttpStatus status, String type, String detail)
      throws java.io.IOException {
    problems.write(response, ProblemWriter.problem(status, ProblemTypes.of(type), detail));
  }
}
