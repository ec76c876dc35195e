package com.dbay.wallet.application.service;

import com.dbay.wallet.application.port.out.AddressValidator;
import com.dbay.wallet.application.port.out.ChainClient;
import com.dbay.wallet.application.port.out.IdempotencyStore;
import com.dbay.wallet.application.port.out.Ledger;
import com.dbay.wallet.application.port.out.TransactionSigner;
import com.dbay.wallet.application.port.out.UnitOfWork;
import com.dbay.wallet.application.port.out.WalletEvents;
import com.dbay.wallet.application.port.out.Withdrawals;
import com.dbay.wallet.domain.Money;
import com.dbay.wallet.domain.UserId;
import com.dbay.wallet.domain.WalletException;
import com.dbay.wallet.domain.Withdrawal;
import com.dbay.wallet.domain.WithdrawalId;
import com.dbay.wallet.domain.WithdrawalPolicy;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Withdrawals: requested by users (funds reserved at once), approved by an admin above the
 * threshold, then driven by the WithdrawalWorkflow: sign exactly once, broadcast the same bytes as
 * often as needed, settle when confirmed.
 */
public final class WithdrawalService {

  private final UnitOfWork unitOfWork;
  private final IdempotencyStore idempotency;
  private final Withdrawals withdrawals;
  private final Ledger ledger;
  private final AddressValidator addresses;
  private final TransactionSigner signer;
  private final ChainClient chain;
  private final WithdrawalPolicy policy;
  private final Clock clock;
  private final WalletEvents events;

  public WithdrawalService(UnitOfWork unitOfWork, IdempotencyStore idempotency, Withdrawals withdrawals, Ledger ledger, AddressValidator addresses,
      TransactionSigner signer, ChainClient chain, WithdrawalPolicy policy, Clock clock) {
    this(unitOfWork, idempotency, withdrawals, ledger, addresses, signer, chain, policy, clock, WalletEvents.NONE);
  }

  public WithdrawalService(UnitOfWork unitOfWork, IdempotencyStore idempotency, Withdrawals withdrawals, Ledger ledger, AddressValidator addresses,
      TransactionSigner signer, ChainClient chain, WithdrawalPolicy policy, Clock clock, WalletEvents events) {
    this.events = events;
    this.unitOfWork = unitOfWork;
    this.idempotency = idempotency;
    this.withdrawals = withdrawals;
    this.ledger = ledger;
    this.addresses = addresses;
    this.signer = signer;
    this.chain = chain;
    this.policy = policy;
    this.clock = clock;
  }

  public WithdrawalView request(UserId user, String key, String address, Money amount) {
    Fingerprint.requireKey(key);
    switch (addresses.check(address == null ? "" : address.strip())) {
      case MALFORMED -> throw new WalletException.InvalidRequest("invalid-address", "address", "not a valid Dogecoin address");
      case WRONG_NETWORK -> throw new WalletException.InvalidRequest("wrong-network-address", "address", "the address belongs to another Dogecoin network");
      case VALID -> { }
    }
    String target = address.strip();
    if (!amount.isPositive()) {
      throw new WalletException.InvalidRequest("invalid-amount", "amount", "amount must be greater than zero");
    }
    String caller = "user:" + user.value();
    String fingerprint = Fingerprint.of("withdraw", user, target, amount.koinu());
    return unitOfWork.inTransaction(() -> idempotency.once(caller, key, fingerprint, WithdrawalView.class, () -> {
      withdrawals.lockUser(user);
      LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
      boolean needsApproval = policy.check(amount, withdrawals.requestedOn(user, today));
      Withdrawal withdrawal = Withdrawal.request(WithdrawalId.random(), user, target, amount, policy.feeReserve(), needsApproval, clock.instant());
      ledger.post(withdrawal.reservation(), caller);
      withdrawals.insert(withdrawal);
      events.withdrawalChanged(withdrawal);
      return WithdrawalView.of(withdrawal);
    }));
  }

  /** The withdrawal, if the requester owns it or is an admin; otherwise it does not exist for them. */
  public WithdrawalView get(UserId requester, boolean admin, WithdrawalId id) {
    Withdrawal withdrawal = withdrawals.find(id).orElseThrow(() -> new WalletException.NotFound("withdrawal"));
    if (!admin && !withdrawal.user().equals(requester)) {
      throw new WalletException.NotFound("withdrawal");
    }
    return WithdrawalView.of(withdrawal);
  }

  public WithdrawalView approve(WithdrawalId id) {
    return unitOfWork.inTransaction(() -> {
      Withdrawal withdrawal = lock(id);
      withdrawal.approve();
      withdrawals.save(withdrawal);
      // WithdrawalRequested again, now with status APPROVED: the bus rule starts the WithdrawalWorkflow
      events.withdrawalChanged(withdrawal);
      return WithdrawalView.of(withdrawal);
    });
  }

  public WithdrawalView reject(WithdrawalId id, String reason) {
    return unitOfWork.inTransaction(() -> {
      Withdrawal withdrawal = lock(id);
      if (withdrawal.status() == Withdrawal.Status.REJECTED) {
        return WithdrawalView.of(withdrawal);
      }
      ledger.post(withdrawal.reject(reason), "withdrawals");
      withdrawals.save(withdrawal);
      events.withdrawalChanged(withdrawal);
      return WithdrawalView.of(withdrawal);
    });
  }

  /**
   * Signs the withdrawal's one transaction, under the row lock, and stores it before anyone may
   * broadcast it. Called again (a workflow retry) it returns the stored transaction unchanged.
   */
  public WithdrawalView sign(WithdrawalId id) {
    return unitOfWork.inTransaction(() -> {
      Withdrawal withdrawal = lock(id);
      if (withdrawal.status() == Withdrawal.Status.APPROVED) {
        TransactionSigner.SignedTransaction signed = signer.sign(id, withdrawal.address(), withdrawal.amount(), withdrawal.feeReserve());
        withdrawal.recordSigned(signed.txid(), signed.rawHex(), signed.fee());
        withdrawals.save(withdrawal);
      }
      return WithdrawalView.of(withdrawal);
    });
  }

  /** The stored signed transaction (hex), once signed; the workflow broadcasts exactly these bytes. */
  public Optional<String> signedTransaction(WithdrawalId id) {
    return withdrawals.find(id).map(Withdrawal::rawTransaction);
  }

  /** Sends the stored bytes; safe to repeat (the node treats a known transaction as sent). */
  public WithdrawalView broadcast(WithdrawalId id) {
    Withdrawal stored = withdrawals.find(id).orElseThrow(() -> new WalletException.NotFound("withdrawal"));
    if (stored.status() != Withdrawal.Status.SIGNED && stored.status() != Withdrawal.Status.BROADCAST) {
      throw new WalletException.InvalidState("withdrawal-state", "withdrawal " + id + " is " + stored.status() + ", not signed");
    }
    chain.broadcast(stored.rawTransaction());
    return unitOfWork.inTransaction(() -> {
      Withdrawal withdrawal = lock(id);
      withdrawal.markBroadcast();
      withdrawals.save(withdrawal);
      return WithdrawalView.of(withdrawal);
    });
  }

  /** Settles once the transaction has {@code required} confirmations; returns the current state either way. */
  public WithdrawalView settleIfConfirmed(WithdrawalId id, int required) {
    Withdrawal stored = withdrawals.find(id).orElseThrow(() -> new WalletException.NotFound("withdrawal"));
    if (stored.status() == Withdrawal.Status.COMPLETED || stored.txid() == null) {
      return WithdrawalView.of(stored);
    }
    int confirmations = chain.confirmations(stored.txid()).orElse(0);
    if (confirmations < required) {
      return WithdrawalView.of(stored);
    }
    return unitOfWork.inTransaction(() -> {
      Withdrawal withdrawal = lock(id);
      if (withdrawal.status() == Withdrawal.Status.COMPLETED) {
        return WithdrawalView.of(withdrawal);
      }
      ledger.post(withdrawal.settle(), "withdrawals");
      withdrawals.save(withdrawal);
      events.withdrawalChanged(withdrawal);
      return WithdrawalView.of(withdrawal);
    });
  }

  private Withdrawal lock(WithdrawalId id) {
    return withdrawals.lock(id).orElseThrow(() -> new WalletException.NotFound("withdrawal"));
  }

  public record WithdrawalView(String id, String userId, String address, long amount, long feeReserve, Long networkFee, String status, String txid,
      String requestedAt, String rejectionReason) {
    static WithdrawalView of(Withdrawal w) {
      return new WithdrawalView(w.id().toString(), w.user().value(), w.address(), w.amount().koinu(), w.feeReserve().koinu(),
          w.networkFee() == null ? null : w.networkFee().koinu(), w.status().name(), w.txid(), w.requestedAt().toString(), w.rejectionReason());
    }
  }
}
