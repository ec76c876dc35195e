package com.dbay.wallet.application.service;

import com.dbay.platform.money.Doge;
import com.dbay.wallet.application.port.out.Holds;
import com.dbay.wallet.application.port.out.IdempotencyStore;
import com.dbay.wallet.application.port.out.Ledger;
import com.dbay.wallet.application.port.out.UnitOfWork;
import com.dbay.wallet.domain.Hold;
import com.dbay.wallet.domain.Posting;
import com.dbay.wallet.domain.UserId;
import com.dbay.wallet.domain.WalletException;
import java.util.Optional;

/** Holds for bids: placed, raised, lowered and released by the auction service. */
public final class HoldService {

  private final UnitOfWork unitOfWork;
  private final IdempotencyStore idempotency;
  private final Holds holds;
  private final Ledger ledger;

  public HoldService(
      UnitOfWork unitOfWork, IdempotencyStore idempotency, Holds holds, Ledger ledger) {
    this.unitOfWork = unitOfWork;
    this.idempotency = idempotency;
    this.holds = holds;
    this.ledger = ledger;
  }

  /** Sets the user's hold for this reference to exactly {@code amount} (zero releases it). */
  public HoldView setHold(String caller, String key, UserId user, String reference, Doge amount) {
    Fingerprint.requireKey(key);
    if (amount.isNegative()) {
      throw new WalletException.InvalidRequest(
          "invalid-amount", "amount", "a hold cannot be negative");
    }
    String fingerprint = Fingerprint.of("set-hold", user, reference, amount.koinu());
    // A successful set always ends in this state, so the result is stored with the claim.
    HoldView result =
        new HoldView(user.value(), reference, amount.koinu(), Hold.Status.OPEN.name());
    return unitOfWork.inTransactionOf(
        user,
        () -> {
          Optional<HoldView> first =
              idempotency.claim(caller, key, fingerprint, HoldView.class, result);
          if (first.isPresent()) {
            return first.get();
          }
          Hold before = holds.replaceAmount(user, reference, amount);
          Optional<Posting> posting = before.changeTo(amount);
          // The balance rows are the most contended locks (one user bidding in many auctions): take
          // them
          // last, so that they are held only from here to the commit. A refusal rolls everything
          // back.
          posting.ifPresent(p -> ledger.post(p, caller));
          return result;
        });
  }

  public HoldView releaseHold(String caller, String key, UserId user, String reference) {
    Fingerprint.requireKey(key);
    String fingerprint = Fingerprint.of("release-hold", user, reference);
    return unitOfWork.inTransactionOf(
        user,
        () -> {
          Optional<HoldView> first = idempotency.claim(caller, key, fingerprint, HoldView.class);
          if (first.isPresent()) {
            return first.get();
          }
          Optional<Hold> existing = holds.lock(user, reference);
          HoldView result = HoldView.of(existing.orElseGet(() -> Hold.none(user, reference)));
          Optional<Posting> posting = Optional.empty();
          if (existing.isPresent()) {
            Hold hold = existing.get();
            posting = hold.release();
            holds.save(hold);
            result = HoldView.of(hold);
          }
          idempotency.remember(caller, key, result);
          posting.ifPresent(p -> ledger.post(p, caller));
          return result;
        });
  }

  public HoldView get(UserId user, String reference) {
    return HoldView.of(
        holds.find(user, reference).orElseThrow(() -> new WalletException.NotFound("hold")));
  }

  public record HoldView(String userId, String reference, long amount, String status) {
    static HoldView of(Hold hold) {
      return new HoldView(
          hold.user().value(), hold.reference(), hold.amount().koinu(), hold.status().name());
    }
  }
}
