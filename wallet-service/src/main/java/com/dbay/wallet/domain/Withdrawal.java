package com.dbay.wallet.domain;

import static com.dbay.wallet.domain.AccountKind.AVAILABLE;
import static com.dbay.wallet.domain.AccountKind.HOT_WALLET;
import static com.dbay.wallet.domain.AccountKind.WITHDRAWALS_IN_FLIGHT;

import com.dbay.platform.events.AggregateRoot;
import com.dbay.platform.money.Doge;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A user's request to send coins to an outside address. The funds (amount + fee reserve) leave
 * AVAILABLE at request time and wait in WITHDRAWALS_IN_FLIGHT. Once approved the wallet plans its
 * one transaction (coins, outputs, fee) and the signer signs exactly that plan; the first signed
 * transaction that matches the plan is kept, any other is refused, so retries re-broadcast the same
 * bytes, never a new transaction with other inputs (which could pay twice). Before planning it may
 * still be rejected (funds back); after that only settlement remains. A transaction that does not
 * confirm for long is flagged STUCK for an operator: its funds stay in flight and it still settles
 * (once) if it confirms later.
 *
 * <p>Every state change records its event ({@link WithdrawalEvent}) in the method that makes it;
 * the repository publishes them when it saves the withdrawal, in the same transaction.
 */
public final class Withdrawal extends AggregateRoot {

  public enum Status {
    PENDING_APPROVAL,
    APPROVED,
    /** Coins chosen and reserved for it, outputs and fee fixed; waiting for the signer. */
    PLANNED,
    SIGNED,
    BROADCAST,
    /**
     * Signed and sent, but unconfirmed for longer than expected; still watched, never re-signed.
     */
    STUCK,
    COMPLETED,
    REJECTED
  }

  private final WithdrawalId id;
  private final UserId user;
  private final String address;
  private final Doge amount;
  private final Doge feeReserve;
  private final Instant requestedAt;
  private Status status;
  private String txid;
  private String rawTransaction;
  private Doge networkFee;
  private String rejectionReason;
  private WithdrawalPlan plan;

  private Withdrawal(
      WithdrawalId id,
      UserId user,
      String address,
      Doge amount,
      Doge feeReserve,
      Instant requestedAt,
      Status status,
      String txid,
      String rawTransaction,
      Doge networkFee,
      String rejectionReason,
      WithdrawalPlan plan) {
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
    this.plan = plan;
  }

  /**
   * A new request (records WithdrawalRequested); its funds are reserved by posting {@link
   * #reservation()}.
   */
  public static Withdrawal request(
      WithdrawalId id,
      UserId user,
      String address,
      Doge amount,
      Doge feeReserve,
      boolean needsApproval,
      Instant now) {
    Withdrawal withdrawal =
        new Withdrawal(
            id,
            user,
            address,
            amount,
            feeReserve,
            now,
            needsApproval ? Status.PENDING_APPROVAL : Status.APPROVED,
            null,
            null,
            null,
            null,
            null);
    withdrawal.registerEvent(
        new WithdrawalRequested(
            id.toString(), user.value(), withdrawal.status.name(), amount, address, null));
    return withdrawal;
  }

  /** A stored withdrawal as it was saved (records nothing); {@code plan} is null before PLANNED. */
  public static Withdrawal restore(
      WithdrawalId id,
      UserId user,
      String address,
      Doge amount,
      Doge feeReserve,
      Instant requestedAt,
      Status status,
      String txid,
      String rawTransaction,
      Doge networkFee,
      String rejectionReason,
      WithdrawalPlan plan) {
    return new Withdrawal(
        id,
        user,
        address,
        amount,
        feeReserve,
        requestedAt,
        status,
        txid,
        rawTransaction,
        networkFee,
        rejectionReason,
        plan);
  }

  /** Takes amount + fee reserve from AVAILABLE into WITHDRAWALS_IN_FLIGHT. */
  public Posting reservation() {
    return Posting.builder(PostingType.WITHDRAWAL_RESERVED, postingReference())
        .move(
            AccountId.user(user, AVAILABLE), AccountId.platform(WITHDRAWALS_IN_FLIGHT), reserved())
        .build();
  }

  public void approve() {
    if (status == Status.APPROVED) {
      return;
    }
    requireStatus(Status.PENDING_APPROVAL, "approve");
    status = Status.APPROVED;
    // WithdrawalRequested again, now APPROVED: the bus rule starts the WithdrawalWorkflow on it.
    registerEvent(
        new WithdrawalRequested(id.toString(), user.value(), status.name(), amount, address, txid));
  }

  /** Refuses the withdrawal before its coins were chosen and gives the reserved funds back. */
  public Posting reject(String reason) {
    if (status != Status.PENDING_APPROVAL && status != Status.APPROVED) {
      throw new WalletException.InvalidState(
          "withdrawal-state",
          "withdrawal " + id + " is " + status + " and can no longer be rejected");
    }
    status = Status.REJECTED;
    rejectionReason = reason;
    registerEvent(
        new WithdrawalRejected(id.toString(), user.value(), status.name(), amount, address, txid));
    return Posting.builder(PostingType.WITHDRAWAL_CANCELLED, postingReference())
        .move(
            AccountId.platform(WITHDRAWALS_IN_FLIGHT), AccountId.user(user, AVAILABLE), reserved())
        .build();
  }

  /**
   * Fixes the one transaction: it must pay exactly the amount to the address (plus change to the
   * wallet) with a fee within the reserve. Only once, only when approved.
   */
  public void plan(WithdrawalPlan planned) {
    requireStatus(Status.APPROVED, "plan");
    List<WithdrawalPlan.Output> payments =
        planned.outputs().stream().filter(o -> !o.isChange()).toList();
    if (payments.size() != 1
        || !payments.getFirst().address().equals(address)
        || !payments.getFirst().amount().equals(amount)) {
      throw new WalletException.InvalidState(
          "withdrawal-plan", "the plan does not pay " + amount.toString() + " DOGE to " + address);
    }
    if (planned.fee().isNegative() || planned.fee().isGreaterThan(feeReserve)) {
      throw new WalletException.InvalidState(
          "fee-above-reserve",
          "network fee "
              + planned.fee().toString()
              + " exceeds the reserve "
              + feeReserve.toString());
    }
    this.plan = planned;
    this.networkFee = planned.fee();
    status = Status.PLANNED;
    registerEvent(
        new WithdrawalPlanned(id.toString(), user.value(), status.name(), amount, address, txid));
  }

  /**
   * Records the signed transaction if it is exactly the planned one. The first accepted signature
   * is the only one: the same bytes again change nothing (false), other bytes are refused.
   *
   * @return true when this call recorded it
   */
  public boolean acceptSignature(SignedTransfer signed) {
    if (rawTransaction != null) {
      if (rawTransaction.equalsIgnoreCase(signed.rawHex())) {
        return false;
      }
      throw new WalletException.InvalidState(
          "withdrawal-signed",
          "withdrawal "
              + id
              + " already has its signed transaction "
              + txid
              + "; another one is never accepted");
    }
    requireStatus(Status.PLANNED, "record a signature for");
    List<String> differences = plan.differences(signed);
    if (!differences.isEmpty()) {
      throw new WalletException.InvalidRequest(
          "signature-not-as-planned",
          "rawTransaction",
          "the signed transaction is not the planned one: " + String.join("; ", differences));
    }
    this.txid = Objects.requireNonNull(signed.txid());
    this.rawTransaction = signed.rawHex().toLowerCase(java.util.Locale.ROOT);
    this.networkFee = plan.fee();
    status = Status.SIGNED;
    registerEvent(
        new WithdrawalSigned(id.toString(), user.value(), status.name(), amount, address, txid));
    return true;
  }

  /**
   * Its transaction has not confirmed for too long: flagged for an operator. Nothing is re-signed
   * and the funds stay in flight; it still settles if the transaction confirms later.
   *
   * @return true when this call flagged it (false: already flagged)
   */
  public boolean markStuck() {
    if (status == Status.STUCK) {
      return false;
    }
    if (status != Status.SIGNED && status != Status.BROADCAST) {
      throw new WalletException.InvalidState(
          "withdrawal-state",
          "cannot flag withdrawal " + id + " in status " + status + " as stuck");
    }
    status = Status.STUCK;
    registerEvent(
        new WithdrawalStuck(id.toString(), user.value(), status.name(), amount, address, txid));
    return true;
  }

  public void markBroadcast() {
    if (status == Status.BROADCAST || status == Status.STUCK) {
      return;
    }
    requireStatus(Status.SIGNED, "broadcast");
    status = Status.BROADCAST;
    registerEvent(
        new WithdrawalBroadcast(id.toString(), user.value(), status.name(), amount, address, txid));
  }

  /**
   * The transaction is confirmed: the coins left custody (amount + real fee, so the HOT_WALLET
   * mirror rises by that much) and the unused part of the fee reserve returns to the user.
   */
  public Posting settle() {
    if (status != Status.SIGNED && status != Status.BROADCAST && status != Status.STUCK) {
      throw new WalletException.InvalidState(
          "withdrawal-not-broadcast", "withdrawal " + id + " is " + status + " and cannot settle");
    }
    status = Status.COMPLETED;
    registerEvent(
        new WithdrawalCompleted(id.toString(), user.value(), status.name(), amount, address, txid));
    return Posting.builder(PostingType.WITHDRAWAL_SETTLED, postingReference())
        .move(
            AccountId.platform(WITHDRAWALS_IN_FLIGHT),
            AccountId.platform(HOT_WALLET),
            amount.plus(networkFee))
        .move(
            AccountId.platform(WITHDRAWALS_IN_FLIGHT),
            AccountId.user(user, AVAILABLE),
            feeReserve.minus(networkFee))
        .build();
  }

  private void requireStatus(Status expected, String action) {
    if (status != expected) {
      throw new WalletException.InvalidState(
          "withdrawal-state", "cannot " + action + " withdrawal " + id + " in status " + status);
    }
  }

  public Doge reserved() {
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

  public Doge amount() {
    return amount;
  }

  public Doge feeReserve() {
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

  public Doge networkFee() {
    return networkFee;
  }

  public String rejectionReason() {
    return rejectionReason;
  }

  /** The planned transaction, from PLANNED on; null before. */
  public WithdrawalPlan plan() {
    return plan;
  }
}
