package com.dbay.dogecoin;

import java.util.Objects;

/** An output to create: pay {@code value} koinu to {@code address}. */
public record Payment(DogecoinAddress address, long value) {
  public Payment {
    Objects.requireNonNull(address, "address");
    if (value <= 0) {
      throw new IllegalArgumentException("payment value must be positive");
    }
  }
}
