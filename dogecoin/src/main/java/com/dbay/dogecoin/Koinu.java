package com.dbay.dogecoin;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** DOGE amounts as integer koinu (1 DOGE = 100,000,000 koinu) and their exact decimal strings. Never floating point. */
public final class Koinu {

  public static final long PER_DOGE = 100_000_000L;

  private Koinu() {
  }

  public static long ofDoge(long doge) {
    return Math.multiplyExact(doge, PER_DOGE);
  }

  /** "12.5" → 1,250,000,000. More than 8 decimal places is an error, never a rounding. */
  public static long parse(String decimal) {
    try {
      return fromDoge(new BigDecimal(decimal.strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a DOGE amount: '" + decimal + "'");
    }
  }

  public static long fromDoge(BigDecimal doge) {
    BigDecimal k = doge.movePointRight(8);
    try {
      return k.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("DOGE amount " + doge.toPlainString()
          + " has more than 8 decimal places or is out of range");
    }
  }

  public static BigDecimal toDoge(long koinu) {
    return BigDecimal.valueOf(koinu, 8);
  }

  /** 1,250,000,000 → "12.50000000". */
  public static String format(long koinu) {
    return toDoge(koinu).toPlainString();
  }
}
