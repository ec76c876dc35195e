package com.dbay.platform.starter.servicecall;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The calling part a request proved (set by {@link ServiceCallFilter}); use it e.g. to scope
 * idempotency keys.
 */
public final class VerifiedCaller {

  static final String ATTRIBUTE = VerifiedCaller.class.getName();
  static final String FAILURE_ATTRIBUTE = VerifiedCaller.class.getName() + ".failure";

  private VerifiedCaller() {}

  public static Optional<String> of(HttpServletRequest request) {
    return Optional.ofNullable((String) request.getAttribute(ATTRIBUTE));
  }

  /**
   * The proven caller; only call this inside an {@link InternalApi} handler, where one is
   * guaranteed.
   */
  public static String require(HttpServletRequest request) {
    return of(request)
        .orElseThrow(
            () -> new IllegalStateException("no verified caller: is the handler an @InternalApi?"));
  }
}
