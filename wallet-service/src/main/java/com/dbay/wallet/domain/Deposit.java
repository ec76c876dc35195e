package com.dbay.wallet.domain;

import static com.dbay.wallet.domain.AccountKind.AVAILABLE;
import static com.dbay.wallet.domain.AccountKind.HOT_WALLET;
import static com.dbay.wallet.domain.AccountKind.PENDING_DEPOSITS;

import com.dbay.platform.money.Doge;
import java.util.Objects;
import java.util.Optional;

/**
 * Coins sent to a user's deposit address. When seen on chain they enter custody but wait in
 * PENDING_DEPOSITS; once confirmed deeply enough they are credited to the user's AVAILABLE, exactly
 * once. A reorg that drops the transaction before then cancels it.
 */
public final class Deposit {

  public enum Status {
    PENDING,
    CREDITED,
    CANCELLED
  }

  private final DepositId id;
  private final UserId user;
  private final String address;
  private final Doge amount;
  private final int requiredConfirmations;
  private int confirmations;
  private Status status;
  private String blockHash;
  private long blockHeight;

  public Deposit(
      DepositId id,
      UserId user,
      String address,
      Doge amount,
      int requiredConfirmations,
      int confirmations,
      Status status,
      String blockHash,
      long blockHeight) {
    this.id = Objects.requireNonNull(id);
    this.user = Objects.requireNonNull(user);
    this.address = Objects.requireNonNull(address);
    this.amount = Objects.requireNonNull(amount);
    this.requiredConfirmations = requiredConfirmations;
    this.confirmations = confirmations;
    this.status = Objects.requireNonNull(status);
    this.blockHash = Objects.requireNonNull(blockHash);
    this.blockHeight = blockHeight;
  }

  public static Deposit detected(
      DepositId id,
      UserId user,
      String address,
      Doge amount,
      ConfirmationPolicy policy,
      String blockHash,
      long blockHeight) {
    if (!amount.isPositive()) {
      throw new WalletException.InvalidRequest(
          "invalid-amount", "amount", "a deposit must be positive");
    }
    return new Deposit(
        id,
        user,
        address,
        amount,
        policy.required(amount),
        0,
        Status.PENDING,
        blockHash,
        blockHeight);
  }

  /**
   * The transaction was seen (again) in a block of the best chain. A pending deposit follows it to
   * its new block; a deposit cancelled by a reorg and mined again comes back to life (the detection
   * is posted again), so the user is not robbed by a reorg that merely reorders blocks.
   */
  public Optional<Posting> seenIn(String hash, long height) {
    if (status == Status.CREDITED || (hash.equals(blockHash) && status == Status.PENDING)) {
      return Optional.empty();
    }
    blockHash = hash;
    blockHeight = height;
    confirmations = 0;
    if (status == Status.CANCELLED) {
      status = Status.PENDING;
      return Optional.of(detection());
    }
    return Optional.empty();
  }

  public Posting detection() {
    return Posting.builder(PostingType.DEPOSIT_DETECTED, postingReference())
        .move(AccountId.platform(HOT_WALLET), AccountId.platform(PENDING_DEPOSITS), amount)
        .build();
  }

  /** Records the current depth; returns the crediting posting the first time it is deep enough. */
  public Optional<Posting> observe(int currentConfirmations) {
    if (status != Status.PENDING) {
      return Optional.empty();
    }
    confirmations = Math.max(confirmations, currentConfirmations);
    if (confirmations < requiredConfirmations) {
      return Optional.empty();
    }
    status = Status.CREDITED;
    return Optional.of(
        Posting.builder(PostingType.DEPOSIT_CREDITED, postingReference())
            .move(AccountId.platform(PENDING_DEPOSITS), AccountId.user(user, AVAILABLE), amount)
            .build());
  }

  /** The transaction left the best chain before it was credited: it never happened. */
  public Optional<Posting> cancelOnReorg() {
    if (status == Status.CANCELLED) {
      return Optional.empty();
    }
    if (status == Status.CREDITED) {
      throw new WalletException.InvalidState(
          "deposit-credited",
          "deposit " + id + " was already credited; a reorg this deep needs an operator");
    }
    status = Status.CANCELLED;
    return Optional.of(
        Posting.builder(PostingType.DEPOSIT_REORGED, postingReference())
            .move(AccountId.platform(PENDING_DEPOSITS), AccountId.platform(HOT_WALLET), amount)
            .build());
  }

  private String postingReference() {
    return "deposit:" + id;
  }

  public DepositId id() {
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

  public int requiredConfirmations() {
    return requiredConfirmations;
  }

  public int confirmations() {
    return confirmations;
  }

  public Status status() {
    return status;
  }

  public String blockHash() {
    return blockHash;
  }

  public long blockHeight() {
    return blockHeight;
  }
}
