package com.dbay.wallet.application.service;

import com.dbay.platform.money.Doge;
import com.dbay.platform.problem.DomainException;
import com.dbay.wallet.application.port.out.Holds;
import com.dbay.wallet.application.port.out.IdempotencyStore;
import com.dbay.wallet.application.port.out.Ledger;
import com.dbay.wallet.application.port.out.UnitOfWork;
import com.dbay.wallet.domain.Hold;
import com.dbay.wallet.domain.Posting;
import com.dbay.wallet.domain.UserId;
import com.dbay.wallet.domain.WalletException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

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
    return unitOfWork.inTransactionOf(user, () -> set(caller, key, user, reference, amount));
  }

  public HoldView releaseHold(String caller, String key, UserId user, String reference) {
    Fingerprint.requireKey(key);
    return unitOfWork.inTransactionOf(user, () -> release(caller, key, user, reference));
  }

  /** The most hold changes one {@link #setHolds} call takes. */
  public static final int MAX_BATCH = 64;

  /**
   * Sets many holds in one transaction and one durable commit, each change on its own: a change
   * that is refused (insufficient funds, a captured hold, a reused key) is undone alone and
   * answered with its refusal, the others take effect. Each change is idempotent by its own key,
   * with the fingerprints of {@link #setHold} and {@link #releaseHold} (an amount of zero releases,
   * like {@link #releaseHold}: a missing or captured hold is left alone), so a change may be
   * repeated through either. The request is checked as a whole first (400, nothing written): 1 to
   * {@link #MAX_BATCH} changes (PostgreSQL keeps up to 64 subtransactions of a transaction in its
   * fast path; one change is one subtransaction), each hold and each key at most once.
   *
   * <p>Correctness needs no per-user lane here: the balance rows are locked by {@code ledger_post}
   * like in every other posting, so a change never drives AVAILABLE below zero and never holds
   * twice whatever runs beside it. The changes run sorted by (user, reference), so two batches lock
   * the same users' rows in the same order; a deadlock that still happens (a batch beside another
   * user's lane) reruns the whole batch.
   */
  public List<HoldResult> setHolds(String caller, List<HoldChange> changes) {
    check(changes);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.comparing((Integer i) -> changes.get(i).user().value())
            .thenComparing(i -> changes.get(i).reference()));
    List<Supplier<HoldView>> pieces = new ArrayList<>();
    for (int i : order) {
      HoldChange c = changes.get(i);
      pieces.add(
          c.amount().isZero()
              ? () -> release(caller, c.key(), c.user(), c.reference())
              : () -> set(caller, c.key(), c.user(), c.reference(), c.amount()));
    }
    List<UnitOfWork.Piece<HoldView>> done = unitOfWork.eachInOneTransaction(pieces);
    HoldResult[] results = new HoldResult[changes.size()];
    for (int n = 0; n < order.size(); n++) {
      UnitOfWork.Piece<HoldView> piece = done.get(n);
      results[order.get(n)] = new HoldResult(piece.value(), piece.refusal());
    }
    return List.of(results);
  }

  /** Refuses a malformed batch as a whole (400, nothing written); see {@link #setHolds}. */
  public static void check(List<HoldChange> changes) {
    if (changes == null || changes.isEmpty() || changes.size() > MAX_BATCH) {
      throw new WalletException.InvalidRequest(
          "invalid-batch", "items", "a batch has 1 to " + MAX_BATCH + " hold changes");
    }
    Set<List<String>> holdsSeen = new HashSet<>();
    Set<String> keysSeen = new HashSet<>();
    for (HoldChange change : changes) {
      Fingerprint.requireKey(change.key());
      Hold.none(change.user(), change.reference()); // checks the reference
      if (change.amount().isNegative()) {
        throw new WalletException.InvalidRequest(
            "invalid-amount", "amount", "a hold cannot be negative");
      }
      if (!holdsSeen.add(List.of(change.user().value(), change.reference()))) {
        throw new WalletException.InvalidRequest(
            "invalid-batch", "items", "each hold may change at most once per batch");
      }
      if (!keysSeen.add(change.key())) {
        throw new WalletException.InvalidRequest(
            "invalid-batch", "items", "each idempotency key may occur at most once per batch");
      }
    }
  }

  private HoldView set(String caller, String key, UserId user, String reference, Doge amount) {
    String fingerprint = Fingerprint.of("set-hold", user, reference, amount.koinu());
    // A successful set always ends in this state, so the result is stored with the claim.
    HoldView result =
        new HoldView(user.value(), reference, amount.koinu(), Hold.Status.OPEN.name());
    Optional<HoldView> first = idempotency.claim(caller, key, fingerprint, HoldView.class, result);
    if (first.isPresent()) {
      return first.get();
    }
    Hold before = holds.replaceAmount(user, reference, amount);
    Optional<Posting> posting = before.changeTo(amount);
    // The balance rows are the most contended locks (one user bidding in many auctions): take them
    // last, so that they are held only from here to the commit. A refusal rolls everything back.
    posting.ifPresent(p -> ledger.post(p, caller));
    return result;
  }

  private HoldView release(String caller, String key, UserId user, String reference) {
    String fingerprint = Fingerprint.of("release-hold", user, reference);
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
  }

  public HoldView get(UserId user, String reference) {
    return HoldView.of(
        holds.find(user, reference).orElseThrow(() -> new WalletException.NotFound("hold")));
  }

  /** One hold change of a batch: the hold of (user, reference) set to exactly {@code amount}. */
  public record HoldChange(UserId user, String reference, Doge amount, String key) {}

  /** A change's answer: the hold as it now is, or the refusal that left it as it was. */
  public record HoldResult(HoldView hold, DomainException refusal) {}

  public record HoldView(String userId, String reference, long amount, String status) {
    static HoldView of(Hold hold) {
      return new HoldView(
          hold.user().value(), hold.reference(), hold.amount().koinu(), hold.status().name());
    }
  }
}
