package com.dbay.wallet.application.service;

import com.dbay.wallet.application.port.out.Holds;
import com.dbay.wallet.application.port.out.IdempotencyStore;
import com.dbay.wallet.application.port.out.Ledger;
import com.dbay.wallet.application.port.out.UnitOfWork;
import com.dbay.wallet.domain.Hold;
import com.dbay.wallet.domain.Money;
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

  public HoldService(UnitOfWork unitOfWork, IdempotencyStore idempotency, Holds holds, Ledger ledger) {
    this.unitOfWork = unitOfWork;
    this.idempotency = idempotency;
    this.holds = holds;
    this.ledger = ledger;
  }

  /** Sets the user's hold for this reference to exactly {@code amount} (zero releases it). */
  public HoldView setHold(String caller, String key, UserId user, String reference, Money amount) {
    Fingerprint.requireKey(key);
    if (amount.isNegative()) {
      throw new WalletException.InvalidRequest("invalid-amount", "amount", "a hold cannot be negative");
    }
    String fingerprint = Fingerprint.of("set-hold", user, reference, amount.koinu());
    return unitOfWork.inTransaction(() -> idempotency.once(caller, key, fingerprint, HoldView.class, () -> {
      Hold hold = holds.lockOrCreate(user, reference);
      Optional<Posting> posting = hold.changeTo(amount);
      posting.ifPresent(p -> ledger.post(p, caller));
      holds.save(hold);
      return HoldView.of(hold);
    }));
  }

  public HoldView releaseHold(String caller, String key, UserId user, String reference) {
    Fingerprint.requireKey(key);
    String fingerprint = Fingerprint.of("release-hold", user, reference);
    return unitOfWork.inTransaction(() -> idempotency.once(caller, key, fingerprint, HoldView.class, () -> {
      Optional<Hold> existing = holds.lock(user, reference);
      if (existing.isEmpty()) {
        return HoldView.of(Hold.none(user, reference));
      }
      Hold hold = existing.get();
      hold.release().ifPresent(p -> ledger.post(p, caller));
      holds.save(hold);
      return HoldView.of(hold);
    }));
  }

  public HoldView get(UserId user, String reference) {
    return HoldView.of(holds.find(user, reference).orElseThrow(() -> new WalletException.NotFound("hold")));
  }

  public record HoldView(String userId, String reference, long amount, String status) {
    static HoldView of(Hold hold) {
      return new HoldView(hold.user().value(), hold.reference(), hold.amount().koinu(), hold.status().name());
    }
  }
}
