package com.dbay.dogecoin;

/** A transaction that cannot be built as asked; {@link #reason()} says why. */
public class TransactionBuildException extends RuntimeException {

  public enum Reason {
    INSUFFICIENT_FUNDS,
    DUST_OUTPUT,
    TOO_LARGE,
    INVALID
  }

  private final Reason reason;
  private final long needed;
  private final long available;

  public TransactionBuildException(Reason reason, String message) {
    this(reason, message, 0, 0);
  }

  public TransactionBuildException(Reason reason, String message, long needed, long available) {
    super(message);
    this.reason = reason;
    this.needed = needed;
    this.available = available;
  }

  public Reason reason() {
    return reason;
  }

  /** For INSUFFICIENT_FUNDS: koinu needed including the fee. */
  public long needed() {
    return needed;
  }

  /** For INSUFFICIENT_FUNDS: koinu available in the candidates. */
  public long available() {
    return available;
  }
}
