package com.dbay.platform.identity;

import java.util.List;

/**
 * Headers the gateway sets after validating a token. Clients' copies of these are always removed at
 * the edge; a service trusts them only together with a valid {@link GatewayProof}.
 */
public final class IdentityHeaders {

  public static final String USER_ID = "X-User-ID";
  public static final String COGNITO_SUB = "X-Cognito-Sub";
  public static final String COGNITO_USERNAME = "X-Cognito-Username";
  public static final String COGNITO_EMAIL = "X-Cognito-Email";

  /** Comma-separated roles, e.g. {@code USER,ADMIN}. */
  public static final String ROLES = "X-User-Roles";

  /** Seconds since the epoch at which the gateway signed the request. */
  public static final String PROOF_TIMESTAMP = "X-Gateway-Timestamp";

  /**
   * Base64url HMAC-SHA256 over the identity, method, path and timestamp: see {@link GatewayProof}.
   */
  public static final String PROOF_SIGNATURE = "X-Gateway-Signature";

  public static final String CORRELATION_ID = "X-Correlation-ID";

  /** Every header a client must never be able to set by itself. */
  public static final List<String> ALL_IDENTITY =
      List.of(
          USER_ID,
          COGNITO_SUB,
          COGNITO_USERNAME,
          COGNITO_EMAIL,
          ROLES,
          PROOF_TIMESTAMP,
          PROOF_SIGNATURE);

  private IdentityHeaders() {}
}
