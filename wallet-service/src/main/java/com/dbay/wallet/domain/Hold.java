package com.dbay.wallet.domain;

import static com.dbay.wallet.domain.AccountKind.AVAILABLE;
import static com.dbay.wallet.domain.AccountKind.ESCROW;
import static com.dbay.wallet.domain.AccountKind.HELD;

import com.dbay.platform.money.Doge;
import java.util.Objects;
import java.util.Optional;

/**
 * Funds reserved by one user for one purpose, e.g. the maximum of their leading bid on one auction.
 * There is at most one hold per (user, reference): changing it moves only the difference, so a
 * bidder who raises from 100 to 150 DOGE has 50 more taken from AVAILABLE, not another 150.
 * Released holds (amount zero) may be set again (outbid, then bidding again); a captured hold,
 * whose money became an order's escrow, is closed for good.
 */
public final class Hold {

  public enum Status {
    OPEN,
    CAPTURED
  }

  private final UserId user;
  private final String reference;
  private Doge amount;
  private Status status;

  public Hold(UserId user, String reference, Doge amount, Status status) {
    this.user = Objects.requireNonNull(user);
    this.reference = requireReference(reference);
    this.amount = Objects.requireNonNull(amount);
    this.status = Objects.requireNonNull(status);
    if (amount.isNegative()) {
      throw new IllegalArgumentException("a hold is never negative");
    }
  }

  public static Hold none(UserId user, String reference) {
    return new Hold(user, reference, Doge.ZERO, Status.OPEN);
  }

  static String requireReference(String reference) {
    if (reference == null || reference.isBlank() || reference.length() > 128) {
      throw new WalletException.InvalidRequest(
          "invalid-reference", "reference", "reference must be 1 to 128 characters");
    }
    return reference;
  }

  /** Sets the hold to exactly {@code target}; the posting moves the difference, if any. */
  public Optional<Posting> changeTo(Doge target) {
    requireOpen();
    if (target.isNegative()) {
      throw new WalletException.InvalidRequest(
          "invalid-amount", "amount", "a hold cannot be negative");
    }
    Doge difference = target.minus(amount);
    PostingType type =
        target.isZero()
            ? PostingType.HOLD_RELEASED
            : amount.isZero() ? PostingType.HOLD_PLACED : PostingType.HOLD_CHANGED;
    Posting.Builder posting = Posting.builder(type, postingReference());
    if (difference.isPositive()) {
      posting.move(account(AVAILABLE), account(HELD), difference);
    } else {
      posting.move(account(HELD), account(AVAILABLE), difference.negate());
    }
    amount = target;
    return posting.buildIfAny();
  }

  public Optional<Posting> release() {
    if (status == Status.CAPTURED) {
      // Releasing after the money went to escrow is a late duplicate from the caller: nothing to
      // do.
      return Optional.empty();
    }
    return changeTo(Doge.ZERO);
  }

  /**
   * Turns the hold into an order's escrow: {@code price} moves from HELD to ESCROW and whatever was
   * held above it (a winning maximum bid above the final price) goes back to AVAILABLE.
   */
  public Posting capture(Doge price, String orderId) {
    requireOpen();
    if (!price.isPositive()) {
      throw new WalletException.InvalidRequest(
          "invalid-amount", "amount", "the escrow amount must be greater than zero");
    }
    if (price.isGreaterThan(amount)) {
      throw new WalletException.InvalidState(
          "hold-too-small",
          "the hold of "
              + amount.toString()
              + " DOGE does not cover "
              + price.toString()
              + " DOGE");
    }
    Posting posting =
        Posting.builder(PostingType.ESCROW_FUNDED, Escrow.postingReference(orderId))
            .move(account(HELD), account(ESCROW), price)
            .move(account(HELD), account(AVAILABLE), amount.minus(price))
            .build();
    amount = Doge.ZERO;
    status = Status.CAPTURED;
    return posting;
  }

  private void requireOpen() {
    if (status == Status.CAPTURED) {
      throw new WalletException.InvalidState(
          "hold-captured", "hold " + reference + " was already turned into escrow");
    }
  }

  private AccountId account(AccountKind kind) {
    return AccountId.user(user, kind);
  }

  private String postingReference() {
    return "hold:" + reference;
  }

  public UserId user() {
    return user;
  }

  public String reference() {
    return reference;
  }

  public Doge amount() {
    return amount;
  }

  public Status status() {
    return status;
  }
}
