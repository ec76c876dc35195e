package com.dbay.user.account;

import java.util.UUID;

public record UserId(UUID value) {

  public static UserId random() {
    return new UserId(UUID.randomUUID());
  }

  /** Empty when the text is not a user id at all, so that callers answer 404 rather than 500. */
  public static java.util.Optional<UserId> parse(String text) {
    try {
      return java.util.Optional.of(new UserId(UUID.fromString(text)));
    } catch (IllegalArgumentException | NullPointerException e) {
      return java.util.Optional.empty();
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
