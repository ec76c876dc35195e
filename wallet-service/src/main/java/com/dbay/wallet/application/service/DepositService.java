package com.dbay.wallet.application.service;

import com.dbay.platform.money.Doge;
import com.dbay.wallet.application.port.out.DepositAddressDeriver;
import com.dbay.wallet.application.port.out.DepositAddresses;
import com.dbay.wallet.application.port.out.Deposits;
import com.dbay.wallet.application.port.out.HotWallet;
import com.dbay.wallet.application.port.out.Ledger;
import com.dbay.wallet.application.port.out.UnitOfWork;
import com.dbay.wallet.application.port.out.WalletEvents;
import com.dbay.wallet.domain.ConfirmationPolicy;
import com.dbay.wallet.domain.Deposit;
import com.dbay.wallet.domain.DepositAddress;
import com.dbay.wallet.domain.DepositId;
import com.dbay.wallet.domain.UserId;
import com.dbay.wallet.domain.WalletException;
import java.util.List;
import java.util.Optional;

/**
 * Deposit addresses and deposits: what the deposit-watcher and the DepositConfirmationWorkflow
 * call. Every step is keyed by (txid, vout), so repeats and out-of-order retries change nothing.
 */
public final class DepositService {

  public static final int MAX_PAGE = 100;

  private static final String CALLER = "deposits";

  private final UnitOfWork unitOfWork;
  private final DepositAddresses addresses;
  private final DepositAddressDeriver deriver;
  private final Deposits deposits;
  private final Ledger ledger;
  private final ConfirmationPolicy confirmations;
  private final WalletEvents events;
  private final HotWallet hotWallet;

  public DepositService(
      UnitOfWork unitOfWork,
      DepositAddresses addresses,
      DepositAddressDeriver deriver,
      Deposits deposits,
      Ledger ledger,
      ConfirmationPolicy confirmations) {
    this(
        unitOfWork,
        addresses,
        deriver,
        deposits,
        ledger,
        confirmations,
        WalletEvents.NONE,
        HotWallet.NONE);
  }

  public DepositService(
      UnitOfWork unitOfWork,
      DepositAddresses addresses,
      DepositAddressDeriver deriver,
      Deposits deposits,
      Ledger ledger,
      ConfirmationPolicy confirmations,
      WalletEvents events,
      HotWallet hotWallet) {
    this.events = events;
    this.hotWallet = hotWallet;
    this.unitOfWork = unitOfWork;
    this.addresses = addresses;
    this.deriver = deriver;
    this.deposits = deposits;
    this.ledger = ledger;
    this.confirmations = confirmations;
  }

  /** The user's one deposit address, derived at a fresh index on first use. */
  public DepositAddress depositAddress(UserId user) {
    Optional<DepositAddress> existing = addresses.find(user);
    if (existing.isPresent()) {
      return existing.get();
    }
    return unitOfWork.inTransaction(
        () -> {
          long index = addresses.nextIndex();
          DepositAddress fresh =
              new DepositAddress(user, index, deriver.deriveAddress(index), deriver.network());
          if (addresses.insert(fresh)) {
            return fresh;
          }
          // Lost a race with another request of the same user: the index stays burnt, never reused.
          return addresses.find(user).orElseThrow();
        });
  }

  /** Whether the address is one of the users' deposit addresses. */
  public boolean isDepositAddress(String address) {
    return address != null && addresses.findByAddress(address).isPresent();
  }

  /**
   * Records an output seen on chain. Outputs to addresses that are not users' deposit addresses
   * (change, strangers) are ignored. Returns the deposit, new or already known.
   */
  public Optional<DepositView> recordDetected(
      DepositId id, String address, Doge amount, String blockHash, long blockHeight) {
    Optional<DepositAddress> owner = addresses.findByAddress(address);
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        unitOfWork.inTransaction(
            () -> {
              Deposit deposit =
                  Deposit.detected(
                      id,
                      owner.get().user(),
                      address,
                      amount,
                      confirmations,
                      blockHash,
                      blockHeight);
              if (deposits.insert(deposit)) {
                ledger.post(deposit.detection(), CALLER);
                return DepositView.of(deposit);
              }
              Deposit known = deposits.lock(id).orElseThrow();
              known.seenIn(blockHash, blockHeight).ifPresent(p -> ledger.post(p, CALLER));
              deposits.save(known);
              return DepositView.of(known);
            }));
  }

  /** Records the deposit's depth; credits the user exactly once when it is deep enough. */
  public DepositView observe(DepositId id, int currentConfirmations) {
    return unitOfWork.inTransaction(
        () -> {
          Deposit deposit =
              deposits.lock(id).orElseThrow(() -> new WalletException.NotFound("deposit"));
          deposit
              .observe(currentConfirmations)
              .ifPresent(
                  p -> {
                    ledger.post(p, CALLER);
                    events.depositCredited(deposit);
                    hotWallet.credited(
                        deposit, addresses.findByAddress(deposit.address()).orElseThrow().index());
                  });
          deposits.save(deposit);
          return DepositView.of(deposit);
        });
  }

  /** The deposit's transaction left the best chain before it was credited. */
  public DepositView cancelOnReorg(DepositId id) {
    return unitOfWork.inTransaction(
        () -> {
          Deposit deposit =
              deposits.lock(id).orElseThrow(() -> new WalletException.NotFound("deposit"));
          deposit.cancelOnReorg().ifPresent(p -> ledger.post(p, CALLER));
          deposits.save(deposit);
          return DepositView.of(deposit);
        });
  }

  /** The user's deposits, newest first, for their wallet page. */
  public List<DepositView> depositsOf(UserId user, int limit) {
    return deposits.ofUser(user, Math.max(1, Math.min(limit, MAX_PAGE))).stream()
        .map(DepositView::of)
        .toList();
  }

  /** The sum of the user's deposits seen on chain and waiting for their confirmations. */
  public Doge pendingTotal(UserId user) {
    return deposits.pendingTotal(user);
  }

  public record DepositView(
      String txid,
      int vout,
      String userId,
      String address,
      long amount,
      int confirmations,
      int requiredConfirmations,
      String status) {
    static DepositView of(Deposit d) {
      return new DepositView(
          d.id().txid(),
          d.id().vout(),
          d.user().value(),
          d.address(),
          d.amount().koinu(),
          d.confirmations(),
          d.requiredConfirmations(),
          d.status().name());
    }
  }
}
