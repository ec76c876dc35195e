package com.dbay.user.account;

import java.time.Instant;

/**
 * Published (source {@code dbay.user}) when an admin suspends an account. The deny-list and every
 * service's account standing act on it; {@code suspendedAt} orders it against a later reinstatement.
 */
public record UserSuspended(String userId, Instant suspendedAt) {

  public static final String TYPE = "UserSuspended";
}
