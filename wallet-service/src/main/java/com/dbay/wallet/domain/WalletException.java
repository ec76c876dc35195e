package com.dbay.wallet.domain;

import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.FieldProblem;
import java.util.List;
import java.util.Map;

/**
 * The wallet's refusals, named as the domain names them. Each is a platform {@link DomainException}
 * of a fixed kind with a stable slug (insufficient-funds, daily-limit-exceeded, ...); nothing here
 * knows HTTP: the platform's handler maps the kind to a status.
 */
public abstract class WalletException extends DomainException {

  WalletException(Kind kind, String code, String message, List<FieldProblem> errors) {
    super(kind, code, null, message, errors, Map.of());
  }

  /** The stable slug of the problem type, e.g. {@code insufficient-funds}. */
  public String code() {
    return slug();
  }

  /** The request itself is malformed (amount format, address, percentages...). */
  public static final class InvalidRequest extends WalletException {
    private final String field;

    public InvalidRequest(String code, String field, String message) {
      super(
          Kind.INVALID,
          code,
          message,
          field == null ? List.of() : List.of(new FieldProblem(field, message)));
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
      super(
          Kind.CONFLICT,
          "insufficient-funds",
          "not enough funds in "
              + account.kind().name().toLowerCase(java.util.Locale.ROOT)
              + " balance",
          List.of());
      this.account = account;
    }

    public AccountId account() {
      return account;
    }
  }

  /**
   * The object is not in a state that allows the operation (escrow already released, hold
   * captured...).
   */
  public static final class InvalidState extends WalletException {
    public InvalidState(String code, String message) {
      super(Kind.CONFLICT, code, message, List.of());
    }
  }

  /** A limit of the platform refuses the operation (daily withdrawal limit...). */
  public static final class LimitExceeded extends WalletException {
    public LimitExceeded(String code, String message) {
      super(Kind.UNPROCESSABLE, code, message, List.of());
    }
  }

  public static final class NotFound extends WalletException {
    public NotFound(String what) {
      super(Kind.NOT_FOUND, "not-found", what + " not found", List.of());
    }
  }

  /** The same idempotency key came back with other parameters. */
  public static final class IdempotencyKeyReused extends WalletException {
    public IdempotencyKeyReused() {
      super(
          Kind.UNPROCESSABLE,
          "idempotency-key-reused",
          "this Idempotency-Key was already used with different parameters",
          List.of());
    }
  }
}
