package com.dbay.platform.money;

import java.math.BigDecimal;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An amount of Dogecoin held as a whole number of koinu (1 DOGE = 100,000,000 koinu), so that no
 * arithmetic on money ever goes through floating point. Its text form, in JSON and everywhere else,
 * is a plain decimal string with exactly eight places ({@code "12.50000000"}); parsing accepts up
 * to eight places and nothing that could be misread: no exponent, no sign but a leading minus, no
 * grouping, no NaN or infinity, no blank.
 *
 * <p>Negative amounts exist (ledger deltas, refunds in arithmetic) but {@link #parse} refuses them:
 * what arrives from outside is never negative unless the caller asks for it with {@link
 * #parseSigned}.
 *
 * <p>The JSON form is bound by annotation, so every Jackson mapper (services, Lambda handlers,
 * tests) reads and writes it the same way without registering anything; see {@link DogeJson}.
 */
@JsonSerialize(using = DogeJson.Serializer.class)
@JsonDeserialize(using = DogeJson.Deserializer.class)
public record Doge(long koinu) implements Comparable<Doge> {

  public static final long KOINU_PER_DOGE = 100_000_000L;
  public static final int SCALE = 8;
  public static final Doge ZERO = new Doge(0);

  /** Longest accepted text: a sign, 11 integer digits (> max long koinu / 10^8) and 8 places. */
  private static final int MAX_TEXT_LENGTH = 32;

  public static Doge ofKoinu(long koinu) {
    return new Doge(koinu);
  }

  /** Whole DOGE, e.g. {@code Doge.ofDoge(10)} is 10.00000000. */
  public static Doge ofDoge(long doge) {
    return new Doge(Math.multiplyExact(doge, KOINU_PER_DOGE));
  }

  /** A non-negative amount from its decimal text; see the class comment for the accepted form. */
  public static Doge parse(String text) {
    Doge amount = parseSigned(text);
    if (amount.koinu < 0) {
      throw new InvalidAmountException("amount must not be negative");
    }
    return amount;
  }

  /** Like {@link #parse} but a leading minus is allowed. */
  public static Doge parseSigned(String text) {
    if (text == null || text.isEmpty()) {
      throw new InvalidAmountException("amount must not be empty");
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new InvalidAmountException("amount is too large");
    }
    int i = 0;
    boolean negative = false;
    if (text.charAt(0) == '-') {
      negative = true;
      i = 1;
    }
    int dot = text.indexOf('.', i);
    String whole = dot < 0 ? text.substring(i) : text.substring(i, dot);
    String fraction = dot < 0 ? "" : text.substring(dot + 1);
    if (whole.isEmpty() || !allDigits(whole)) {
      throw new InvalidAmountException("amount must be a decimal number like 12.5 or 12.50000000");
    }
    if (dot >= 0 && (fraction.isEmpty() || !allDigits(fraction))) {
      throw new InvalidAmountException("amount must be a decimal number like 12.5 or 12.50000000");
    }
    if (fraction.length() > SCALE) {
      throw new InvalidAmountException(
          "amount has more than 8 decimal places (1 koinu = 0.00000001 DOGE)");
    }
    long koinu;
    try {
      long wholeDoge = Long.parseLong(whole);
      long fractionKoinu = Long.parseLong((fraction + "00000000").substring(0, SCALE));
      koinu = Math.addExact(Math.multiplyExact(wholeDoge, KOINU_PER_DOGE), fractionKoinu);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new InvalidAmountException("amount is too large");
    }
    return new Doge(negative ? -koinu : koinu);
  }

  /** Exact conversion; refuses anything that is not a whole number of koinu. */
  public static Doge of(BigDecimal doge) {
    try {
      return new Doge(doge.movePointRight(SCALE).longValueExact());
    } catch (ArithmeticException e) {
      throw new InvalidAmountException("amount must be a whole number of koinu and fit in 64 bits");
    }
  }

  public BigDecimal toBigDecimal() {
    return BigDecimal.valueOf(koinu, SCALE);
  }

  public Doge plus(Doge other) {
    return new Doge(Math.addExact(koinu, other.koinu));
  }

  public Doge minus(Doge other) {
    return new Doge(Math.subtractExact(koinu, other.koinu));
  }

  public Doge negate() {
    return new Doge(Math.negateExact(koinu));
  }

  public Doge times(long factor) {
    return new Doge(Math.multiplyExact(koinu, factor));
  }

  public boolean isNegative() {
    return koinu < 0;
  }

  public boolean isZero() {
    return koinu == 0;
  }

  public boolean isPositive() {
    return koinu > 0;
  }

  public boolean isGreaterThan(Doge other) {
    return koinu > other.koinu;
  }

  public boolean isLessThan(Doge other) {
    return koinu < other.koinu;
  }

  public static Doge max(Doge a, Doge b) {
    return a.koinu >= b.koinu ? a : b;
  }

  public static Doge min(Doge a, Doge b) {
    return a.koinu <= b.koinu ? a : b;
  }

  @Override
  public int compareTo(Doge other) {
    return Long.compare(koinu, other.koinu);
  }

  /** Exactly eight places, e.g. {@code 12.50000000}, {@code -0.00000001}. */
  @Override
  public String toString() {
    long abs = Math.abs(koinu);
    // Long.MIN_VALUE has no positive counterpart; BigDecimal handles it exactly.
    if (abs < 0) {
      return toBigDecimal().toPlainString();
    }
    String fraction = Long.toString(abs % KOINU_PER_DOGE);
    return (koinu < 0 ? "-" : "")
        + abs / KOINU_PER_DOGE
        + "."
        + "0".repeat(SCALE - fraction.length())
        + fraction;
  }

  private static boolean allDigits(String s) {
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
