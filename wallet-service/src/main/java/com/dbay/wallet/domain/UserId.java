package com.dbay.wallet.domain;

import java.util.Objects;

public record UserId(String value) {

  public UserId {
    Objects.requireNonNull(value, "user id");
    if (value.isBlank() || value.length() > 64 || value.equals(AccountId.PLATFORM_OWNER)) {
      throw new WalletException.InvalidRequest("invalid-user", "userId", "invalid user id");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
