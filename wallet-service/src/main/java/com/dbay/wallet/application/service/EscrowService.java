package com.dbay.wallet.application.service;

import com.dbay.platform.money.Doge;
import com.dbay.wallet.application.port.out.Escrows;
import com.dbay.wallet.application.port.out.Holds;
import com.dbay.wallet.application.port.out.IdempotencyStore;
import com.dbay.wallet.application.port.out.Ledger;
import com.dbay.wallet.application.port.out.UnitOfWork;
import com.dbay.wallet.application.port.out.WalletEvents;
import com.dbay.wallet.domain.Escrow;
import com.dbay.wallet.domain.FeePolicy;
import com.dbay.wallet.domain.Hold;
import com.dbay.wallet.domain.Posting;
import com.dbay.wallet.domain.UserId;
import com.dbay.wallet.domain.WalletException;
import java.util.function.Function;

/**
 * Escrow for orders: funded from a hold (auction won) or from AVAILABLE, then settled exactly once.
 */
public final class EscrowService {

  private final UnitOfWork unitOfWork;
  private final IdempotencyStore idempotency;
  private final Holds holds;
  private final Escrows escrows;
  private final Ledger ledger;
  private final FeePolicy fees;
  private final WalletEvents events;

  public EscrowService(
      UnitOfWork unitOfWork,
      IdempotencyStore idempotency,
      Holds holds,
      Escrows escrows,
      Ledger ledger,
      FeePolicy fees) {
    this(unitOfWork, idempotency, holds, escrows, ledger, fees, WalletEvents.NONE);
  }

  public EscrowService(
      UnitOfWork unitOfWork,
      IdempotencyStore idempotency,
      Holds holds,
      Escrows escrows,
      Ledger ledger,
      FeePolicy fees,
      WalletEvents events) {
    this.events = events;
    this.unitOfWork = unitOfWork;
    this.idempotency = idempotency;
    this.holds = holds;
    this.escrows = escrows;
    this.ledger = ledger;
    this.fees = fees;
  }

  /**
   * Opens the order's escrow with {@code amount} from the buyer: taken from the buyer's hold {@code
   * holdReference} when given (whatever the hold had above the amount is released), else from
   * AVAILABLE.
   */
  public EscrowView fund(
      String caller,
      String key,
      String orderId,
      UserId buyer,
      UserId seller,
      Doge amount,
      String holdReference) {
    Fingerprint.requireKey(key);
    Escrow escrow = Escrow.open(orderId, buyer, seller, amount);
    String fingerprint =
        Fingerprint.of("fund-escrow", orderId, buyer, seller, amount.koinu(), holdReference);
    // Funding touches only the buyer's rows, and takes a hold row before the balances as the holds
    // do:
    // in the buyer's lane it never waits for one of their hold batches while that batch waits for
    // it.
    return unitOfWork.inTransactionOf(
        buyer,
        () ->
            idempotency.once(
                caller,
                key,
                fingerprint,
                EscrowView.class,
                () -> {
                  Posting funding;
                  if (holdReference != null) {
                    Hold hold =
                        holds
                            .lock(buyer, holdReference)
                            .orElseThrow(
                                () ->
                                    new WalletException.InvalidState(
                                        "hold-too-small",
                                        "the buyer has no hold " + holdReference));
                    funding = hold.capture(amount, orderId);
                    holds.save(hold);
                  } else {
                    funding = escrow.fundFromAvailable();
                  }
                  if (!escrows.insert(escrow)) {
                    throw new WalletException.InvalidState(
                        "escrow-exists", "order " + orderId + " already has an escrow");
                  }
                  ledger.post(funding, caller);
                  return EscrowView.of(escrow);
                }));
  }

  public EscrowView release(String caller, String key, String orderId) {
    return settle(
        caller,
        key,
        orderId,
        Fingerprint.of("release-escrow", orderId),
        escrow -> escrow.release(fees));
  }

  public EscrowView refund(String caller, String key, String orderId) {
    return settle(caller, key, orderId, Fingerprint.of("refund-escrow", orderId), Escrow::refund);
  }

  /** Splits by basis points for the buyer (3000 = 30% back to the buyer). */
  public EscrowView split(String caller, String key, String orderId, int buyerBasisPoints) {
    return settle(
        caller,
        key,
        orderId,
        Fingerprint.of("split-escrow", orderId, buyerBasisPoints),
        escrow -> escrow.split(buyerBasisPoints, fees));
  }

  public EscrowView get(String orderId) {
    return EscrowView.of(
        escrows.find(orderId).orElseThrow(() -> new WalletException.NotFound("escrow")));
  }

  private EscrowView settle(
      String caller,
      String key,
      String orderId,
      String fingerprint,
      Function<Escrow, Posting> action) {
    Fingerprint.requireKey(key);
    return unitOfWork.inTransaction(
        () ->
            idempotency.once(
                caller,
                key,
                fingerprint,
                EscrowView.class,
                () -> {
                  Escrow escrow =
                      escrows
                          .lock(orderId)
                          .orElseThrow(() -> new WalletException.NotFound("escrow"));
                  Posting posting = action.apply(escrow);
                  ledger.post(posting, caller);
                  escrows.save(escrow);
                  events.escrowSettled(escrow);
                  return EscrowView.of(escrow);
                }));
  }

  public record EscrowView(
      String orderId,
      String buyerId,
      String sellerId,
      long amount,
      String status,
      Long buyerRefund,
      Long sellerPayout,
      Long fee) {
    static EscrowView of(Escrow e) {
      return new EscrowView(
          e.orderId(),
          e.buyer().value(),
          e.seller().value(),
          e.amount().koinu(),
          e.status().name(),
          e.buyerRefund() == null ? null : e.buyerRefund().koinu(),
          e.sellerPayout() == null ? null : e.sellerPayout().koinu(),
          e.fee() == null ? null : e.fee().koinu());
    }
  }
}
