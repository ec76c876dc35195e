package com.dbay.wallet.domain;

import static com.dbay.wallet.domain.AccountKind.AVAILABLE;
import static com.dbay.wallet.domain.AccountKind.HOT_WALLET;
import static com.dbay.wallet.domain.AccountKind.WITHDRAWALS_IN_FLIGHT;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's request to send coins to an outside address. The funds (amount + fee reserve) leave
 * AVAILABLE at request time and wait in WITHDRAWALS_IN_FLIGHT. One withdrawal is signed exactly
 * once; retries re-broadcast the same bytes, never a new transaction with other inputs (which could
 * pay twice). Before signing it may still be rejected (funds back); after signing only settlement
 * remains.
 */
public final class Withdrawal {

  public enum Status {
    PENDING_APPROVAL,
    APPROVED,
    SIGNED,
    BROADCAST,
    COMPLETED,
    REJECTED
  }

  private final WithdrawalId id;
  private final UserId user;
  private final String address;
  private final Money amount;
  private final Money feeReserve;
  private final Instant requestedAt;
  private Status status;
  private String txid;
  private String rawTransaction;
  private Money networkFee;
  private String rejectionReason;

  public Withdrawal(WithdrawalId id, UserId user, String address, Money amount, Money feeReserve, Instant requestedAt, Status status,
      String txid, String rawTransaction, Money networkFee, String rejectionReason) {
    this.id = Objects.requireNonNull(id);
    this.user = Objects.requireNonNull(user);
    this.address = Objects.requireNonNull(address);
    this.amount = Objects.requireNonNull(amount);
    this.feeReserve = Objects.requireNonNull(feeReserve);
    this.requestedAt = Objects.requireNonNull(requestedAt);
    this.status = Objects.requireNonNull(status);
    this.txid = txid;
    this.rawTransaction = rawTransaction;
    this.networkFee = networkFee;
    this.rejectionReason = rejectionReason;
  }

  public static Withdrawal request(WithdrawalId id, UserId user, String address, Money amount, Money feeReserve, boolean needsApproval, Instant now) {
    return new Withdrawal(id, user, address, amount, feeReserve, now, needsApproval ? Status.PENDING_APPROVAL : Status.APPROVED, null, null, null, null);
  }

  /** Takes amount + fee reserve from AVAILABLE into WITHDRAWALS_IN_FLIGHT. */
  public Posting reservation() {
    return Posting.builder(PostingType.WITHDRAWAL_RESERVED, postingReference())
        .move(AccountId.user(user, AVAILABLE), AccountId.platform(WITHDRAWALS_IN_FLIGHT), reserved())
        .build();
  }

  public void approve() {
    if (status == Status.APPROVED) {
      return;
    }
    requireStatus(Status.PENDING_APPROVAL, "approve");
    status = Status.APPROVED;
  }

  /** Refuses the withdrawal before anything was signed and gives the reserved funds back. */
  public Posting reject(String reason) {
    if (status != Status.PENDING_APPROVAL && status != Status.APPROVED) {
      throw new WalletException.InvalidState("withdrawal-signed", "withdrawal " + id + " is " + status + " and can no longer be rejected");
    }
    status = Status.REJECTED;
    rejectionReason = reason;
    return Posting.builder(PostingType.WITHDRAWAL_CANCELLED, postingReference())
        .move(AccountId.platform(WITHDRAWALS_IN_FLIGHT), AccountId.user(user, AVAILABLE), reserved())
        .build();
  }

  /** Records the one signed transaction of this withdrawal. Refuses a second one. */
  public void recordSigned(String txid, String rawTransaction, Money fee) {
    requireStatus(Status.APPROVED, "sign");
    if (fee.isNegative() || fee.isGreaterThan(feeReserve)) {
      throw new WalletException.InvalidState("fee-above-reserve", "network fee " + fee.toDecimalString() + " exceeds the reserve " + feeReserve.toDecimalString());
    }
    this.txid = Objects.requireNonNull(txid);
    this.rawTransaction = Objects.requireNonNull(rawTransaction);
    this.networkFee = fee;
    status = Status.SIGNED;
  }

  public void markBroadcast() {
    if (status == Status.BROADCAST) {
      return;
    }
    requireStatus(Status.SIGNED, "broadcast");
    status = Status.BROADCAST;
  }

  /**
   * The transaction is confirmed: the coins left custody (amount + real fee, so the HOT_WALLET
   * mirror rises by that much) and the unused part of the fee reserve returns to the user.
   */
  public Posting settle() {
    if (status != Status.SIGNED && status != Status.BROADCAST) {
      throw new WalletException.InvalidState("withdrawal-not-broadcast", "withdrawal " + id + " is " + status + " and cannot settle");
    }
    status = Status.COMPLETED;
    return Posting.builder(PostingType.WITHDRAWAL_SETTLED, postingReference())
        .move(AccountId.platform(WITHDRAWALS_IN_FLIGHT), AccountId.platform(HOT_WALLET), amount.plus(networkFee))
        .move(AccountId.platform(WITHDRAWALS_IN_FLIGHT), AccountId.user(user, AVAILABLE), feeReserve.minus(networkFee))
        .build();
  }

  private void requireStatus(Status expected, String action) {
    if (status != expected) {
      throw new WalletException.InvalidState("withdrawal-state", "cannot " + action + " withdrawal " + id + " in status " + status);
    }
  }

  public Money reserved() {
    return amount.plus(feeReserve);
  }

  private String postingReference() {
    return "withdrawal:" + id;
  }

  public WithdrawalId id() {
    return id;
  }

  public UserId user() {
    return user;
  }

  public String address() {
    return address;
  }

  public Money amount() {
    return amount;
  }

  public Money feeReserve() {
    return feeReserve;
  }

  public Instant requestedAt() {
    return requestedAt;
  }

  public Status status() {
    return status;
  }

  public String txid() {
    return txid;
  }

  public String rawTransaction() {
    return rawTransaction;
  }

  public Money networkFee() {
    return networkFee;
  }

  public String rejectionReason() {
    return rejectionReason;
  }
}
