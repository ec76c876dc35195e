package com.dbay.wallet.domain;

import static com.dbay.wallet.domain.AccountKind.AVAILABLE;
import static com.dbay.wallet.domain.AccountKind.ESCROW;
import static com.dbay.wallet.domain.AccountKind.FEES;

import com.dbay.platform.money.Doge;
import java.util.Objects;

/**
 * A buyer's payment for one order, kept by the platform until it is released to the seller (minus
 * the platform fee), refunded to the buyer, or split between them by an admin ruling. It is settled
 * exactly once.
 */
public final class Escrow {

  public enum Status {
    FUNDED,
    RELEASED,
    REFUNDED,
    SPLIT
  }

  private final String orderId;
  private final UserId buyer;
  private final UserId seller;
  private final Doge amount;
  private Status status;
  private Doge buyerRefund;
  private Doge sellerPayout;
  private Doge fee;

  public Escrow(
      String orderId,
      UserId buyer,
      UserId seller,
      Doge amount,
      Status status,
      Doge buyerRefund,
      Doge sellerPayout,
      Doge fee) {
    this.orderId = requireOrderId(orderId);
    this.buyer = Objects.requireNonNull(buyer);
    this.seller = Objects.requireNonNull(seller);
    this.amount = Objects.requireNonNull(amount);
    this.status = Objects.requireNonNull(status);
    this.buyerRefund = buyerRefund;
    this.sellerPayout = sellerPayout;
    this.fee = fee;
  }

  /** A new escrow; the caller posts the funding (from a hold or from AVAILABLE). */
  public static Escrow open(String orderId, UserId buyer, UserId seller, Doge amount) {
    if (buyer.equals(seller)) {
      throw new WalletException.InvalidRequest(
          "invalid-parties", "sellerId", "buyer and seller must differ");
    }
    if (!amount.isPositive()) {
      throw new WalletException.InvalidRequest(
          "invalid-amount", "amount", "the escrow amount must be greater than zero");
    }
    return new Escrow(orderId, buyer, seller, amount, Status.FUNDED, null, null, null);
  }

  /** Funding straight from the buyer's AVAILABLE balance (e.g. Buy It Now without a prior hold). */
  public Posting fundFromAvailable() {
    return Posting.builder(PostingType.ESCROW_FUNDED, postingReference(orderId))
        .move(AccountId.user(buyer, AVAILABLE), AccountId.user(buyer, ESCROW), amount)
        .build();
  }

  public Posting release(FeePolicy fees) {
    requireFunded();
    Posting posting = payOut(PostingType.ESCROW_RELEASED, Doge.ZERO, fees);
    status = Status.RELEASED;
    return posting;
  }

  public Posting refund() {
    requireFunded();
    Posting posting = payOut(PostingType.ESCROW_REFUNDED, amount, new FeePolicy(0));
    status = Status.REFUNDED;
    return posting;
  }

  /**
   * Splits by an admin ruling: the buyer gets {@code buyerBasisPoints}/10000 of the escrow, rounded
   * UP to the koinu (the odd koinu goes back to the buyer, whose money it was), the seller gets the
   * rest minus the platform fee on the seller's part only. Nothing is created or lost: refund +
   * payout + fee = amount exactly.
   */
  public Posting split(int buyerBasisPoints, FeePolicy fees) {
    requireFunded();
    if (buyerBasisPoints < 0 || buyerBasisPoints > 10_000) {
      throw new WalletException.InvalidRequest(
          "invalid-split", "buyerPercent", "the buyer's share must be between 0 and 100 percent");
    }
    Doge toBuyer = new Doge(FeePolicy.ceilFraction(amount.koinu(), buyerBasisPoints));
    Posting posting = payOut(PostingType.ESCROW_SPLIT, toBuyer, fees);
    status = Status.SPLIT;
    return posting;
  }

  private Posting payOut(PostingType type, Doge toBuyer, FeePolicy fees) {
    Doge sellerGross = amount.minus(toBuyer);
    Doge platformFee = fees.feeOn(sellerGross);
    if (platformFee.isGreaterThan(sellerGross)) {
      platformFee = sellerGross;
    }
    Doge toSeller = sellerGross.minus(platformFee);
    AccountId escrow = AccountId.user(buyer, ESCROW);
    Posting posting =
        Posting.builder(type, postingReference(orderId))
            .move(escrow, AccountId.user(buyer, AVAILABLE), toBuyer)
            .move(escrow, AccountId.user(seller, AVAILABLE), toSeller)
            .move(escrow, AccountId.platform(FEES), platformFee)
            .build();
    buyerRefund = toBuyer;
    sellerPayout = toSeller;
    fee = platformFee;
    return posting;
  }

  private void requireFunded() {
    if (status != Status.FUNDED) {
      throw new WalletException.InvalidState(
          "escrow-settled",
          "the escrow of order "
              + orderId
              + " was already "
              + status.name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  static String postingReference(String orderId) {
    return "order:" + orderId;
  }

  static String requireOrderId(String orderId) {
    if (orderId == null || orderId.isBlank() || orderId.length() > 128) {
      throw new WalletException.InvalidRequest(
          "invalid-order", "orderId", "orderId must be 1 to 128 characters");
    }
    return orderId;
  }

  public String orderId() {
    return orderId;
  }

  public UserId buyer() {
    return buyer;
  }

  public UserId seller() {
    return seller;
  }

  public Doge amount() {
    return amount;
  }

  public Status status() {
    return status;
  }

  public Doge buyerRefund() {
    return buyerRefund;
  }

  public Doge sellerPayout() {
    return sellerPayout;
  }

  public Doge fee() {
    return fee;
  }
}
