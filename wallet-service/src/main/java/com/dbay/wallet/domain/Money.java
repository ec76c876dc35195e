package com.dbay.wallet.domain;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * An amount of Dogecoin in koinu (1 DOGE = 100,000,000 koinu). Never floating point; outside the
 * system it is a decimal string with exactly 8 places.
 */
public record Money(long koinu) implements Comparable<Money> {

  public static final long KOINU_PER_DOGE = 100_000_000L;
  public static final Money ZERO = new Money(0);
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,12}(\\.[0-9]+)?");

  public static Money ofKoinu(long koinu) {
    return new Money(koinu);
  }

  public static Money ofDoge(long doge) {
    return new Money(Math.multiplyExact(doge, KOINU_PER_DOGE));
  }

  /**
   * Strict parse of a decimal DOGE string: digits, an optional point and at most 8 decimals. No
   * exponent, no plus sign, no spaces, no grouping; anything else is refused rather than guessed.
   */
  public static Money parse(String field, String text) {
    if (text == null || text.isEmpty()) {
      throw new WalletException.InvalidRequest("invalid-amount", field, field + " is required");
    }
    if (!DECIMAL.matcher(text).matches()) {
      throw new WalletException.InvalidRequest("invalid-amount", field, field + " must be a decimal DOGE amount like \"12.5\"");
    }
    BigDecimal value = new BigDecimal(text);
    if (value.stripTrailingZeros().scale() > 8) {
      throw new WalletException.InvalidRequest("invalid-amount", field, field + " has more than 8 decimal places");
    }
    try {
      return new Money(value.movePointRight(8).longValueExact());
    } catch (ArithmeticException e) {
      throw new WalletException.InvalidRequest("invalid-amount", field, field + " is too large");
    }
  }

  /** Parses and requires a strictly positive amount. */
  public static Money parsePositive(String field, String text) {
    Money money = parse(field, text);
    if (!money.isPositive()) {
      throw new WalletException.InvalidRequest("invalid-amount", field, field + " must be greater than zero");
    }
    return money;
  }

  public String toDecimalString() {
    return BigDecimal.valueOf(koinu, 8).toPlainString();
  }

  public Money plus(Money other) {
    return new Money(Math.addExact(koinu, other.koinu));
  }

  public Money minus(Money other) {
    return new Money(Math.subtractExact(koinu, other.koinu));
  }

  public Money negate() {
    return new Money(Math.negateExact(koinu));
  }

  public boolean isPositive() {
    return koinu > 0;
  }

  public boolean isNegative() {
    return koinu < 0;
  }

  public boolean isZero() {
    return koinu == 0;
  }

  public boolean isGreaterThan(Money other) {
    return koinu > other.koinu;
  }

  @Override
  public int compareTo(Money other) {
    return Long.compare(koinu, other.koinu);
  }

  @Override
  public String toString() {
    return toDecimalString() + " DOGE";
  }
}
