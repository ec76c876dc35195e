package com.dbay.user.account;

import java.time.Instant;

/**
 * Published (source {@code dbay.user}) when an admin suspends an account. The deny-list and every
 * service's account standing act on it; {@code suspendedAt} orders it against a later
 * reinstatement. {@code cognitoSub} (null for local accounts) lets the deny-list refuse Cognito
 * tokens too, whose {@code sub} is not the app user id.
 */
public record UserSuspended(String userId, String cognitoSub, Instant suspendedAt) {

  public static final String TYPE = "UserSuspended";
}
