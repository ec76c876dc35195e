package com.dbay.wallet.domain;

import java.util.Objects;
import java.util.UUID;

public record WithdrawalId(UUID value) {

  public WithdrawalId {
    Objects.requireNonNull(value);
  }

  public static WithdrawalId random() {
    return new WithdrawalId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
