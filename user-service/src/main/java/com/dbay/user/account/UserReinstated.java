package com.dbay.user.account;

import java.time.Instant;

/** Published (source {@code dbay.user}) when an admin lifts a suspension. */
public record UserReinstated(String userId, Instant reinstatedAt) {

  public static final String TYPE = "UserReinstated";
}
