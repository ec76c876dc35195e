package com.dbay.wallet.application.service;

import com.dbay.platform.money.Doge;
import com.dbay.wallet.application.port.out.AddressValidator;
import com.dbay.wallet.application.port.out.ChainClient;
import com.dbay.wallet.application.port.out.HotWalletCoins;
import com.dbay.wallet.application.port.out.IdempotencyStore;
import com.dbay.wallet.application.port.out.Ledger;
import com.dbay.wallet.application.port.out.TransactionReader;
import com.dbay.wallet.application.port.out.UnitOfWork;
import com.dbay.wallet.application.port.out.Withdrawals;
import com.dbay.wallet.domain.SignedTransfer;
import com.dbay.wallet.domain.UserId;
import com.dbay.wallet.domain.WalletException;
import com.dbay.wallet.domain.Withdrawal;
import com.dbay.wallet.domain.WithdrawalId;
import com.dbay.wallet.domain.WithdrawalPlan;
import com.dbay.wallet.domain.WithdrawalPolicy;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Withdrawals: requested by users (funds reserved at once), approved by an admin above the
 * threshold, then driven by the WithdrawalWorkflow: the wallet plans the one transaction (it holds
 * no private key), the signer (blockchain-broadcaster) signs exactly that plan and the wallet keeps
 * the first matching signature; the same bytes are broadcast as often as needed, a transaction that
 * does not confirm for long is flagged STUCK, and the withdrawal settles once when confirmed.
 */
public final class WithdrawalService {

  // java.util.logging: the application layer stays free of frameworks; Spring Boot routes it to the
  // service log.
  private static final Logger log = Logger.getLogger(WithdrawalService.class.getName());

  private final UnitOfWork unitOfWork;
  private final IdempotencyStore idempotency;
  private final Withdrawals withdrawals;
  private final Ledger ledger;
  private final AddressValidator addresses;
  private final HotWalletCoins coins;
  private final TransactionReader transactions;
  private final ChainClient chain;
  private final WithdrawalPolicy policy;
  private final Clock clock;

  /**
   * The withdrawal's events are its own ({@link Withdrawal} records them, {@link Withdrawals}
   * publishes them).
   */
  public WithdrawalService(
      UnitOfWork unitOfWork,
      IdempotencyStore idempotency,
      Withdrawals withdrawals,
      Ledger ledger,
      AddressValidator addresses,
      HotWalletCoins coins,
      TransactionReader transactions,
      ChainClient chain,
      WithdrawalPolicy policy,
      Clock clock) {
    this.unitOfWork = unitOfWork;
    this.idempotency = idempotency;
    this.withdrawals = withdrawals;
    this.ledger = ledger;
    this.addresses = addresses;
    this.coins = coins;
    this.transactions = transactions;
    this.chain = chain;
    this.policy = policy;
    this.clock = clock;
  }

  public WithdrawalView request(UserId user, String key, String address, Doge amount) {
    Fingerprint.requireKey(key);
    switch (addresses.check(address == null ? "" : address.strip())) {
      case MALFORMED ->
          throw new WalletException.InvalidRequest(
              "invalid-address", "address", "not a valid Dogecoin address");
      case WRONG_NETWORK ->
          throw new WalletException.InvalidRequest(
              "wrong-network-address",
              "address",
              "the address belongs to another Dogecoin network");
      case VALID -> {}
    }
    String target = address.strip();
    if (!amount.isPositive()) {
      throw new WalletException.InvalidRequest(
          "invalid-amount", "amount", "amount must be greater than zero");
    }
    String caller = "user:" + user.value();
    String fingerprint = Fingerprint.of("withdraw", user, target, amount.koinu());
    return unitOfWork.inTransaction(
        () ->
            idempotency.once(
                caller,
                key,
                fingerprint,
                WithdrawalView.class,
                () -> {
                  withdrawals.lockUser(user);
                  LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
                  boolean needsApproval =
                      policy.check(amount, withdrawals.requestedOn(user, today));
                  Withdrawal withdrawal =
                      Withdrawal.request(
                          WithdrawalId.random(),
                          user,
                          target,
                          amount,
                          policy.feeReserve(),
                          needsApproval,
                          clock.instant());
                  ledger.post(withdrawal.reservation(), caller);
                  withdrawals.insert(withdrawal);
                  return WithdrawalView.of(withdrawal);
                }));
  }

  /**
   * The withdrawal, if the requester owns it or is an admin; otherwise it does not exist for them.
   */
  public WithdrawalView get(UserId requester, boolean admin, WithdrawalId id) {
    Withdrawal withdrawal =
        withdrawals.find(id).orElseThrow(() -> new WalletException.NotFound("withdrawal"));
    if (!admin && !withdrawal.user().equals(requester)) {
      throw new WalletException.NotFound("withdrawal");
    }
    return WithdrawalView.of(withdrawal);
  }

  public WithdrawalView approve(WithdrawalId id) {
    return unitOfWork.inTransaction(
        () -> {
          Withdrawal withdrawal = lock(id);
          withdrawal.approve();
          withdrawals.save(withdrawal);
          return WithdrawalView.of(withdrawal);
        });
  }

  public WithdrawalView reject(WithdrawalId id, String reason) {
    return unitOfWork.inTransaction(
        () -> {
          Withdrawal withdrawal = lock(id);
          if (withdrawal.status() == Withdrawal.Status.REJECTED) {
            return WithdrawalView.of(withdrawal);
          }
          ledger.post(withdrawal.reject(reason), "withdrawals");
          withdrawals.save(withdrawal);
          return WithdrawalView.of(withdrawal);
        });
  }

  /**
   * Plans the withdrawal's one transaction under its row lock and stores the plan before anyone may
   * sign it; its coins are marked spent by it in the same transaction. Called again (a workflow
   * retry) it returns the stored plan unchanged; before approval it plans nothing.
   */
  public PlannedWithdrawal plan(WithdrawalId id) {
    return unitOfWork.inTransaction(
        () -> {
          Withdrawal withdrawal = lock(id);
          if (withdrawal.status() == Withdrawal.Status.APPROVED) {
            withdrawal.plan(coins.plan(id, withdrawal.address(), withdrawal.amount()));
            withdrawals.save(withdrawal);
          }
          return PlannedWithdrawal.of(withdrawal);
        });
  }

  /**
   * Keeps the signer's transaction if it is exactly the planned one (same inputs, same outputs and
   * amounts, so the same fee; valid signatures). The first accepted one is the withdrawal's only
   * transaction: the same bytes again return it, other bytes are refused (409 withdrawal-signed).
   */
  public PlannedWithdrawal recordSignature(WithdrawalId id, String rawTransaction) {
    Withdrawal current =
        withdrawals.find(id).orElseThrow(() -> new WalletException.NotFound("withdrawal"));
    if (current.rawTransaction() != null
        && rawTransaction != null
        && current.rawTransaction().equalsIgnoreCase(rawTransaction.strip())) {
      return PlannedWithdrawal.of(current);
    }
    if (current.plan() == null) {
      throw new WalletException.InvalidState(
          "withdrawal-state",
          "withdrawal " + id + " is " + current.status() + " and has no plan to sign");
    }
    // Decoding and verifying signatures is CPU work: done before taking the row lock.
    SignedTransfer signed = transactions.read(rawTransaction, current.plan());
    return unitOfWork.inTransaction(
        () -> {
          Withdrawal withdrawal = lock(id);
          if (withdrawal.acceptSignature(signed)) {
            withdrawals.save(withdrawal);
          }
          return PlannedWithdrawal.of(withdrawal);
        });
  }

  /**
   * The transaction has had no confirmation for {@code unconfirmedPolls} block intervals: flags the
   * withdrawal STUCK once (event WithdrawalStuck, a warning in the log). Nothing is re-signed; the
   * funds stay in flight and the workflow keeps re-broadcasting the same bytes.
   */
  public WithdrawalView flagStuck(WithdrawalId id, int unconfirmedPolls) {
    return unitOfWork.inTransaction(
        () -> {
          Withdrawal withdrawal = lock(id);
          if (withdrawal.markStuck()) {
            withdrawals.save(withdrawal);
            log.warning(
                "withdrawal "
                    + id
                    + " is stuck: transaction "
                    + withdrawal.txid()
                    + " unconfirmed after "
                    + unconfirmedPolls
                    + " block intervals; it stays in flight and is re-broadcast as it is");
          }
          return WithdrawalView.of(withdrawal);
        });
  }

  public static final int MAX_PAGE = 100;

  /** The user's own withdrawals, newest first (the wallet page's list and status timelines). */
  public List<WithdrawalView> ofUser(UserId user, int limit) {
    return withdrawals.requestedBy(user, Math.max(1, Math.min(limit, MAX_PAGE))).stream()
        .map(WithdrawalView::of)
        .toList();
  }

  /**
   * What the user may still withdraw today (UTC day), and the rules the withdraw form shows before
   * sending.
   */
  public Limits limits(UserId user) {
    Doge today =
        withdrawals.requestedOn(user, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    Doge left = Doge.max(Doge.ZERO, policy.dailyLimit().minus(today));
    return new Limits(
        policy.minimum(),
        policy.dailyLimit(),
        left,
        policy.approvalThreshold(),
        policy.feeReserve());
  }

  public record Limits(
      Doge minimum,
      Doge dailyLimit,
      Doge dailyRemaining,
      Doge approvalThreshold,
      Doge feeReserve) {}

  /** For admins: withdrawals in a status (e.g. STUCK, PENDING_APPROVAL), oldest first. */
  public List<WithdrawalView> withStatus(Withdrawal.Status status, int limit) {
    return withdrawals.withStatus(status, limit).stream()
        .map(withdrawals::find)
        .flatMap(Optional::stream)
        .map(WithdrawalView::of)
        .toList();
  }

  /** Sends the stored bytes; safe to repeat (the node treats a known transaction as sent). */
  public WithdrawalView broadcast(WithdrawalId id) {
    Withdrawal stored =
        withdrawals.find(id).orElseThrow(() -> new WalletException.NotFound("withdrawal"));
    if (stored.rawTransaction() == null) {
      throw new WalletException.InvalidState(
          "withdrawal-state", "withdrawal " + id + " is " + stored.status() + ", not signed");
    }
    chain.broadcast(stored.rawTransaction());
    return unitOfWork.inTransaction(
        () -> {
          Withdrawal withdrawal = lock(id);
          withdrawal.markBroadcast();
          withdrawals.save(withdrawal);
          return WithdrawalView.of(withdrawal);
        });
  }

  /**
   * Settles once the transaction has {@code required} confirmations; returns the current state
   * either way.
   */
  public WithdrawalView settleIfConfirmed(WithdrawalId id, int required) {
    Withdrawal stored =
        withdrawals.find(id).orElseThrow(() -> new WalletException.NotFound("withdrawal"));
    if (stored.status() == Withdrawal.Status.COMPLETED || stored.txid() == null) {
      return WithdrawalView.of(stored);
    }
    int confirmations = chain.confirmations(stored.txid()).orElse(0);
    if (confirmations < required) {
      return WithdrawalView.of(stored);
    }
    return unitOfWork.inTransaction(
        () -> {
          Withdrawal withdrawal = lock(id);
          if (withdrawal.status() == Withdrawal.Status.COMPLETED) {
            return WithdrawalView.of(withdrawal);
          }
          ledger.post(withdrawal.settle(), "withdrawals");
          withdrawals.save(withdrawal);
          // Only now is the change a coin to spend: a later withdrawal never builds on a
          // transaction that
          // might still fail to reach a block (and would then take every withdrawal after it down
          // too).
          coins.confirmed(withdrawal.plan(), withdrawal.txid());
          return WithdrawalView.of(withdrawal);
        });
  }

  private Withdrawal lock(WithdrawalId id) {
    return withdrawals.lock(id).orElseThrow(() -> new WalletException.NotFound("withdrawal"));
  }

  /**
   * The withdrawal with its plan (null before PLANNED) and its one signed transaction (null until
   * signed).
   */
  public record PlannedWithdrawal(
      WithdrawalView withdrawal, WithdrawalPlan plan, String rawTransaction) {
    static PlannedWithdrawal of(Withdrawal w) {
      return new PlannedWithdrawal(WithdrawalView.of(w), w.plan(), w.rawTransaction());
    }
  }

  public record WithdrawalView(
      String id,
      String userId,
      String address,
      long amount,
      long feeReserve,
      Long networkFee,
      String status,
      String txid,
      String requestedAt,
      String rejectionReason) {
    static WithdrawalView of(Withdrawal w) {
      return new WithdrawalView(
          w.id().toString(),
          w.user().value(),
          w.address(),
          w.amount().koinu(),
          w.feeReserve().koinu(),
          w.networkFee() == null ? null : w.networkFee().koinu(),
          w.status().name(),
          w.txid(),
          w.requestedAt().toString(),
          w.rejectionReason());
    }
  }
}
