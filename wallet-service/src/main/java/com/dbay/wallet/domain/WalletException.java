package com.dbay.wallet.domain;

/**
 * A business rule refused an operation. {@link #code()} is stable (adapters map it to a problem
 * type), the message is for humans.
 */
public class WalletException extends RuntimeException {

  private final String code;

  public WalletException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The request itself is malformed (amount format, address, percentages...). */
  public static final class InvalidRequest extends WalletException {
    private final String field;

    public InvalidRequest(String code, String field, String message) {
      super(code, message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /** An account would go below zero. */
  public static final class InsufficientFunds extends WalletException {
    private final AccountId account;

    public InsufficientFunds(AccountId account) {
      super("insufficient-funds", "not enough funds in " + account.kind().name().toLowerCase(java.util.Locale.ROOT) + " balance");
      this.account = account;
    }

    public AccountId account() {
      return account;
    }
  }

  /** The object is not in a state that allows the operation (escrow already released, hold captured...). */
  public static final class InvalidState extends WalletException {
    public InvalidState(String code, String message) {
      super(code, message);
    }
  }

  /** A limit of the platform refuses the operation (daily withdrawal limit...). */
  public static final class LimitExceeded extends WalletException {
    public LimitExceeded(String code, String message) {
      super(code, message);
    }
  }

  public static final class NotFound extends WalletException {
    public NotFound(String what) {
      super("not-found", what + " not found");
    }
  }

  /** The same idempotency key came back with other parameters. */
  public static final class IdempotencyKeyReused extends WalletException {
    public IdempotencyKeyReused() {
      super("idempotency-key-reused", "this Idempotency-Key was already used with different parameters");
    }
  }
}
