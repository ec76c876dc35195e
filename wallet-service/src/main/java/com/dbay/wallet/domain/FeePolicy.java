package com.dbay.wallet.domain;

import com.dbay.platform.money.Doge;
import java.math.BigInteger;

/**
 * The platform fee taken from what a seller receives, in basis points (250 = 2.5%). The fee is
 * rounded UP to the next koinu (at most one koinu in the platform's favour, so that a sale can
 * never be sliced into fee-free pieces) and never exceeds the amount it is taken from.
 */
public record FeePolicy(int basisPoints) {

  public FeePolicy {
    if (basisPoints < 0 || basisPoints > 10_000) {
      throw new IllegalArgumentException("fee rate must be between 0 and 10000 basis points");
    }
  }

  public Doge feeOn(Doge gross) {
    if (gross.isNegative()) {
      throw new IllegalArgumentException("fee on a negative amount");
    }
    return new Doge(ceilFraction(gross.koinu(), basisPoints));
  }

  /** ceil(amount * bps / 10000) without overflow. */
  static long ceilFraction(long amount, long basisPoints) {
    BigInteger[] qr =
        BigInteger.valueOf(amount)
            .multiply(BigInteger.valueOf(basisPoints))
            .divideAndRemainder(BigInteger.valueOf(10_000));
    return qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
  }
}
