package com.dbay.lambda.authorizer;

/**
 * API Gateway turns an authorizer failure whose message is exactly {@code Unauthorized} into 401 (a
 * Deny policy would be 403). No stack trace: it is an expected outcome, not a fault.
 */
public final class Unauthorized extends RuntimeException {

  public Unauthorized() {
    super("Unauthorized", null, false, false);
  }
}
