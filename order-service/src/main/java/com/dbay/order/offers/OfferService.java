package com.dbay.order.offers;

import com.dbay.order.orders.EscrowWallet;
import com.dbay.order.orders.ListingPurchases;
import com.dbay.order.orders.Order;
import com.dbay.order.orders.Orders;
import com.dbay.order.orders.ShippingAddress;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.money.Doge;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.DomainException.Kind;
import com.dbay.platform.problem.FieldProblem;
import com.dbay.platform.starter.events.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Best Offer (#14). An offer's money is a wallet hold ({@code offer-<id>}) from the moment it opens
 * until it ends: released when it is declined, withdrawn, voided or expires; captured into the
 * order's escrow when it is accepted. Like checkout, no database transaction stays open across a
 * call to the wallet or listing-service, and each remote step is keyed so that repeating it moves
 * nothing twice:
 *
 * <ul>
 *   <li>making: the offer is committed PENDING under the buyer's Idempotency-Key, then the hold is
 *       placed, then it opens (OfferMade); a refused hold leaves it FAILED with nothing held;
 *   <li>accepting: the offer becomes ACCEPTING with its order id, then listing-service takes the
 *       units at the agreed price (the listing's row lock: never oversold), the wallet funds the
 *       order's escrow from the hold, and the order is stored with the offer ACCEPTED. Sold out (or
 *       the listing ended): the offer is VOID and its hold released;
 *   <li>ending without an order: the change is committed, then the hold released; a release that
 *       fails is retried by {@link #sweep}.
 * </ul>
 */
@Service
public class OfferService {

  /** At most this many offers per buyer and listing (eBay's rule). */
  public static final int MAX_OFFERS_PER_LISTING = 3;

  public static final int MAX_QUANTITY = 100;

  /** How long an offer may stay PENDING or ACCEPTING before the sweep finishes it. */
  static final Duration STALE_AFTER = Duration.ofMinutes(2);

  private static final Logger log = LoggerFactory.getLogger(OfferService.class);

  private final Offers offers;
  private final ListingOfferTerms terms;
  private final WalletHolds holds;
  private final ListingPurchases listings;
  private final EscrowWallet escrow;
  private final Orders orders;
  private final Outbox outbox;
  private final TransactionTemplate transactions;

  /** Its own transaction: a release may run after a caller's transaction committed. */
  private final TransactionTemplate ownTransactions;

  private final Clock clock;

  OfferService(
      Offers offers,
      ListingOfferTerms terms,
      WalletHolds holds,
      ListingPurchases listings,
      EscrowWallet escrow,
      Orders orders,
      Outbox outbox,
      TransactionTemplate transactions,
      Clock clock) {
    this.offers = offers;
    this.terms = terms;
    this.holds = holds;
    this.listings = listings;
    this.escrow = escrow;
    this.orders = orders;
    this.outbox = outbox;
    this.transactions = transactions;
    this.ownTransactions = new TransactionTemplate(transactions.getTransactionManager());
    this.ownTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** The offer, and whether this call made it (false: the key's earlier offer). */
  public record Made(Offer offer, boolean createdNow) {}

  /** What the buyer sends. */
  public record Proposal(
      String listingId,
      String amount,
      Integer quantity,
      String shippingService,
      ShippingAddress shippingAddress,
      String message) {}

  public Made make(Identity buyer, String key, Proposal p) {
    requireKey(key);
    List<FieldProblem> problems = new ArrayList<>();
    if (p.listingId() == null || !p.listingId().matches("[0-9a-fA-F-]{36}")) {
      problems.add(new FieldProblem("listingId", "must be a listing id"));
    }
    Doge amount = null;
    try {
      amount = p.amount() == null ? null : Doge.parse(p.amount());
    } catch (IllegalArgumentException e) {
      // named below
    }
    if (amount == null || !amount.isPositive()) {
      problems.add(new FieldProblem("amount", "must be a positive DOGE amount, e.g. \"12.5\""));
    }
    int units = p.quantity() == null ? 1 : p.quantity();
    if (units < 1 || units > MAX_QUANTITY) {
      problems.add(new FieldProblem("quantity", "must be between 1 and " + MAX_QUANTITY));
    }
    if (p.shippingAddress() == null) {
      problems.add(new FieldProblem("shippingAddress", "is required"));
    } else {
      problems.addAll(p.shippingAddress().problems());
    }
    String message = p.message() == null || p.message().isBlank() ? null : p.message().strip();
    if (message != null
        && (message.length() > Offer.MAX_MESSAGE
            || message.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t'))) {
      problems.add(
          new FieldProblem(
              "message", "must be at most " + Offer.MAX_MESSAGE + " characters of text"));
    }
    if (!problems.isEmpty()) {
      throw new DomainException(
          Kind.INVALID,
          "validation",
          "Invalid request",
          problems.getFirst().field() + " " + problems.getFirst().message() + ".",
          problems,
          Map.of());
    }
    Offer earlier = earlier(buyer.userId(), key, p.listingId(), units, amount);
    if (earlier != null) {
      return new Made(earlier, false);
    }
    OfferTerms t = terms.of(p.listingId());
    if (!t.active()) {
      throw new DomainException(
          Kind.CONFLICT, "listing-not-active", "This listing is not on sale at a fixed price.");
    }
    OfferTerms.Shipping shipping = shipping(t, p.shippingService());
    Offer offer =
        Offer.pending(
            UUID.randomUUID().toString(),
            t,
            buyer.userId(),
            units,
            amount,
            shipping == null ? null : shipping.service(),
            shipping == null ? Doge.ZERO : shipping.cost(),
            p.shippingAddress().normalized(),
            message,
            clock.instant());
    if (units > t.quantityAvailable()) {
      throw new DomainException(
          Kind.CONFLICT,
          t.quantityAvailable() == 0 ? "sold-out" : "not-enough-quantity",
          t.quantityAvailable() == 0
              ? "This listing is sold out."
              : "Only " + t.quantityAvailable() + " left.");
    }
    final Doge offered = amount;
    Offer raced =
        transactions.execute(
            st -> {
              offers.lockBuyerOnListing(buyer.userId(), p.listingId());
              Offer again = earlier(buyer.userId(), key, p.listingId(), units, offered);
              if (again != null) {
                return again;
              }
              if (offers.madeBy(buyer.userId(), p.listingId()) >= MAX_OFFERS_PER_LISTING) {
                throw new DomainException(
                    Kind.UNPROCESSABLE,
                    "offer-limit-reached",
                    "Offer limit reached",
                    "You can make at most "
                        + MAX_OFFERS_PER_LISTING
                        + " offers on one listing; buy it at the price instead.",
                    List.of(),
                    Map.of());
              }
              offers.insert(offer, key);
              return null;
            });
    if (raced != null) {
      return new Made(raced, false);
    }
    try {
      holds.set(offer, offer.total());
    } catch (DomainException refused) {
      if (refused.kind() != Kind.UNAVAILABLE) {
        // Refused by the wallet (not enough funds, a suspended account): nothing is held.
        change(offer.id(), (o, now) -> o.failed(now));
      }
      // Unreachable: the hold may or may not exist; the sweep releases it and ends the offer.
      throw refused;
    }
    Offer open = change(offer.id(), (o, now) -> o.opened(now));
    if (t.autoAcceptPrice() != null && offered.compareTo(t.autoAcceptPrice()) >= 0) {
      return new Made(acceptNow(open.id(), open.sellerId(), null), true);
    }
    return new Made(open, true);
  }

  /** The party whose answer the offer awaits accepts it: the order is made from the held funds. */
  public Offer accept(Identity actor, String key, String offerId) {
    requireKey(key);
    Offer replay = replay(actor.userId(), key, offerId, "accept");
    if (replay != null) {
      return replay;
    }
    Offer offer = visible(offerId, actor.userId());
    if (offer.status() == Offer.Status.COUNTERED && offer.buyerId().equals(actor.userId())) {
      // Try the guards first (nothing moves for a refused accept), then size the hold to the
      // counter: refused clearly (insufficient-funds) when the buyer's balance cannot cover it.
      Offer.restore(
              offer.id(),
              offer.listingId(),
              offer.buyerId(),
              offer.sellerId(),
              offer.quantity(),
              offer.amount(),
              offer.shippingService(),
              offer.shippingCost(),
              offer.address(),
              offer.message(),
              offer.createdAt(),
              offer.status(),
              offer.counterAmount(),
              offer.expiresAt(),
              offer.updatedAt(),
              offer.orderId(),
              offer.acceptedBy(),
              offer.endReason(),
              offer.holdOpen())
          .beginAccept(actor.userId(), "dry-run", clock.instant());
      holds.set(offer, offer.total());
    }
    return acceptNow(offerId, actor.userId(), key);
  }

  private Offer acceptNow(String offerId, String actorId, String key) {
    String orderId = UUID.randomUUID().toString();
    Offer accepting =
        transactions.execute(
            st -> {
              Offer o = offers.lock(offerId).orElseThrow();
              if (key != null
                  && !offers.recordStep(actorId, key, offerId, "accept", clock.instant())) {
                return null;
              }
              o.beginAccept(actorId, orderId, clock.instant());
              offers.update(o);
              return o;
            });
    if (accepting == null) {
      return replay(actorId, key, offerId, "accept");
    }
    return complete(accepting);
  }

  /**
   * Finishes an ACCEPTING offer: units, escrow from the hold, the order. Each step is keyed by the
   * offer's order id, so the sweep may run it again after a crash or an outage.
   */
  Offer complete(Offer offer) {
    ListingPurchases.Purchase bought;
    try {
      bought =
          listings.take(
              offer.listingId(),
              offer.orderId(),
              offer.buyerId(),
              offer.quantity(),
              offer.agreedAmount(),
              offer.shippingService());
    } catch (DomainException refused) {
      if (refused.kind() != Kind.UNAVAILABLE) {
        endWithoutOrder(offer.id(), slug(refused));
      }
      throw refused;
    }
    try {
      escrow.fund(
          offer.orderId(),
          offer.buyerId(),
          offer.sellerId(),
          bought.total(),
          offer.holdReference());
    } catch (DomainException refused) {
      if (refused.kind() != Kind.UNAVAILABLE) {
        try {
          listings.giveBack(offer.listingId(), offer.orderId());
          endWithoutOrder(offer.id(), slug(refused));
        } catch (RuntimeException e) {
          log.warn(
              "offer {}: units not given back yet, the sweep retries: {}",
              offer.id(),
              e.toString());
        }
      }
      throw refused;
    }
    return transactions.execute(
        st -> {
          Offer o = offers.lock(offer.id()).orElseThrow();
          if (o.status() != Offer.Status.ACCEPTING) {
            return o; // finished by someone else (the sweep) meanwhile
          }
          if (orders.find(o.orderId()).isEmpty()) {
            Order order =
                Order.paid(
                    o.orderId(),
                    Order.Source.OFFER,
                    o.listingId(),
                    o.buyerId(),
                    o.sellerId(),
                    bought.unitPrice().times(bought.quantity()),
                    new Order.Delivery(
                        bought.quantity(),
                        bought.shippingService(),
                        bought.shippingCost(),
                        o.address()),
                    clock.instant());
            orders.insert(order);
            outbox.publishRecorded(order);
          }
          o.accepted(clock.instant());
          offers.update(o);
          outbox.publishRecorded(o);
          return o;
        });
  }

  /** The listing refused the units (sold out, ended) or the wallet the escrow: VOID, hold back. */
  private void endWithoutOrder(String offerId, String reason) {
    Offer ended = change(offerId, (o, now) -> o.voided(reason, now));
    release(ended);
  }

  /**
   * The listing ended or has no unit left: every OPEN or COUNTERED offer on it becomes VOID ({@code
   * reason} sold-out or listing-not-active, OfferVoided recorded) and its hold is given back. Safe
   * to repeat and to race the expiry sweep or an acceptance: offers are changed under their row
   * lock and only while still open (an ACCEPTING one is left to its acceptance, which the listing
   * then refuses), and a hold is released at most once ({@code hold_open}, and the wallet's key
   * {@code offer-<id>-release}). Inside a caller's transaction (an event subscriber's, with its
   * dedupe) the holds are released after it commits, with those of the listing's offers that ended
   * earlier and still owe theirs; a release that fails is left to the sweep. Answers how many
   * offers it voided.
   */
  public int voidOpenOffersOf(String listingId, String reason) {
    List<Offer> voided =
        transactions.execute(
            st -> {
              List<Offer> ended = new ArrayList<>();
              for (Offer o : offers.lockOpenOn(listingId)) {
                o.voided(reason, clock.instant());
                offers.update(o);
                outbox.publishRecorded(o);
                ended.add(o);
              }
              return ended;
            });
    Runnable releases =
        () -> {
          // Also the holds of offers ended before and not given back yet (a void by a concurrent
          // delivery still releasing, a failed release): the wallet's key makes a repeat a no-op.
          try {
            ownTransactions.execute(st -> offers.owingReleaseOn(listingId)).forEach(this::release);
          } catch (RuntimeException e) {
            log.warn("listing {}: holds not released yet, the sweep retries: {}", listingId, e);
          }
        };
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              releases.run();
            }
          });
    } else {
      releases.run();
    }
    if (!voided.isEmpty()) {
      log.info("listing {} {}: {} open offer(s) voided", listingId, reason, voided.size());
    }
    return voided.size();
  }

  /** The party whose answer the offer awaits declines it; the hold is released. */
  public Offer decline(Identity actor, String key, String offerId) {
    return step(actor, key, offerId, "decline", (o, now) -> o.decline(actor.userId(), now));
  }

  /** The buyer takes back an unanswered offer; the hold is released. */
  public Offer withdraw(Identity actor, String key, String offerId) {
    return step(actor, key, offerId, "withdraw", (o, now) -> o.withdraw(actor.userId(), now));
  }

  /**
   * The seller counters with {@code amount} per unit (at most the listing's price, checked against
   * listing-service's current price): the buyer's other open offers on the listing become VOID.
   */
  public Offer counter(Identity actor, String key, String offerId, String amountText) {
    requireKey(key);
    Doge amount;
    try {
      amount = amountText == null ? null : Doge.parse(amountText);
    } catch (IllegalArgumentException e) {
      amount = null;
    }
    if (amount == null) {
      throw Offer.invalid("amount", "must be a positive DOGE amount, e.g. \"12.5\"");
    }
    Offer replay = replay(actor.userId(), key, offerId, "counter");
    if (replay != null) {
      return replay;
    }
    Offer offer = visible(offerId, actor.userId());
    Doge price = terms.of(offer.listingId()).price();
    final Doge counter = amount;
    List<Offer> voided = new ArrayList<>();
    Offer countered =
        transactions.execute(
            st -> {
              Offer o = offers.lock(offerId).orElseThrow();
              if (!offers.recordStep(actor.userId(), key, offerId, "counter", clock.instant())) {
                return null;
              }
              o.counter(actor.userId(), counter, price, clock.instant());
              offers.update(o);
              outbox.publishRecorded(o);
              for (Offer other : offers.lockOtherOpen(o.buyerId(), o.listingId(), o.id())) {
                other.voided("countered", clock.instant());
                offers.update(other);
                outbox.publishRecorded(other);
                voided.add(other);
              }
              return o;
            });
    if (countered == null) {
      return replay(actor.userId(), key, offerId, "counter");
    }
    voided.forEach(this::release);
    return countered;
  }

  private Offer step(
      Identity actor,
      String key,
      String offerId,
      String step,
      BiConsumer<Offer, java.time.Instant> how) {
    requireKey(key);
    Offer replay = replay(actor.userId(), key, offerId, step);
    if (replay != null) {
      return replay;
    }
    visible(offerId, actor.userId());
    Offer ended =
        transactions.execute(
            st -> {
              Offer o = offers.lock(offerId).orElseThrow();
              if (!offers.recordStep(actor.userId(), key, offerId, step, clock.instant())) {
                return null;
              }
              how.accept(o, clock.instant());
              offers.update(o);
              outbox.publishRecorded(o);
              return o;
            });
    if (ended == null) {
      return replay(actor.userId(), key, offerId, step);
    }
    release(ended);
    return offers.find(offerId).orElseThrow();
  }

  /** The offer if {@code userId} is one of its two parties; anyone else: 404. */
  public Offer visible(String offerId, String userId) {
    return offers
        .find(offerId)
        .filter(o -> o.isParty(userId))
        .filter(o -> o.status() != Offer.Status.PENDING && o.status() != Offer.Status.FAILED)
        .orElseThrow(
            () -> new DomainException(Kind.NOT_FOUND, "not-found", "There is no offer like that."));
  }

  public List<Offer> of(String userId, boolean asSeller, int limit) {
    return offers.of(userId, asSeller, limit);
  }

  /**
   * The sweep: expires offers past their 48 hours, finishes acceptances and placements a crash or
   * an outage left, and releases the holds of ended offers that still have one. Answers how many
   * offers it changed.
   */
  public int sweep(int limit) {
    int changed = 0;
    for (String id : offers.due(clock.instant(), limit)) {
      try {
        Offer expired =
            transactions.execute(
                st -> {
                  Offer o = offers.lockIfFree(id).orElse(null);
                  if (o == null || !o.isDue(clock.instant())) {
                    return null;
                  }
                  o.expire(clock.instant());
                  offers.update(o);
                  outbox.publishRecorded(o);
                  return o;
                });
        if (expired != null) {
          changed++;
          release(expired);
        }
      } catch (RuntimeException e) {
        log.warn("offer {} not expired yet, next sweep retries: {}", id, e.toString());
      }
    }
    for (String id : offers.unfinished(clock.instant().minus(STALE_AFTER), limit)) {
      try {
        Offer o = offers.find(id).orElseThrow();
        switch (o.status()) {
          case PENDING -> {
            holds.release(o);
            change(id, (x, now) -> x.failed(now));
          }
          case ACCEPTING -> complete(o);
          default -> release(o);
        }
        changed++;
      } catch (RuntimeException e) {
        log.warn("offer {} not finished yet, next sweep retries: {}", id, e.toString());
      }
    }
    return changed;
  }

  /** Gives the ended offer's hold back and notes it; a failure is left to the sweep. */
  private void release(Offer ended) {
    if (!ended.owesRelease()) {
      return;
    }
    try {
      holds.release(ended);
      ownTransactions.executeWithoutResult(
          st ->
              offers
                  .lock(ended.id())
                  .filter(Offer::owesRelease)
                  .ifPresent(
                      o -> {
                        o.holdReleased();
                        offers.update(o);
                      }));
    } catch (RuntimeException e) {
      log.warn(
          "hold of offer {} not released yet, the sweep retries: {}", ended.id(), e.toString());
    }
  }

  /** Loads the offer under its row lock, applies {@code how}, saves it with its events. */
  private Offer change(String offerId, BiConsumer<Offer, java.time.Instant> how) {
    return transactions.execute(
        st -> {
          Offer o = offers.lock(offerId).orElseThrow();
          how.accept(o, clock.instant());
          offers.update(o);
          outbox.publishRecorded(o);
          return o;
        });
  }

  /** The key's earlier offer (null: none): the same offer again, or 422 for another. */
  private Offer earlier(String buyerId, String key, String listingId, int units, Doge amount) {
    return offers
        .attempt(buyerId, key)
        .map(
            a -> {
              if (!a.listingId().equalsIgnoreCase(listingId)
                  || a.quantity() != units
                  || !a.amount().equals(amount)) {
                throw keyReused();
              }
              Offer o = offers.find(a.offerId()).orElseThrow();
              if (o.status() == Offer.Status.FAILED) {
                throw new DomainException(
                    Kind.CONFLICT,
                    "offer-failed",
                    "This offer was refused by the wallet; nothing is held. Make a new one with a new key.");
              }
              if (o.status() == Offer.Status.PENDING) {
                throw new DomainException(
                    Kind.CONFLICT,
                    "idempotency-key-in-progress",
                    "This offer is still being placed. Retry shortly with the same key.");
              }
              return o;
            })
        .orElse(null);
  }

  /** The offer as it is now when the actor's key was already used for this step on it. */
  private Offer replay(String actorId, String key, String offerId, String step) {
    return offers
        .stepOf(actorId, key)
        .map(
            s -> {
              if (!s.equals(offerId + " " + step)) {
                throw keyReused();
              }
              return visible(offerId, actorId);
            })
        .orElse(null);
  }

  private static OfferTerms.Shipping shipping(OfferTerms t, String service) {
    if (service == null) {
      return t.shippingOptions().stream()
          .min(Comparator.comparing(OfferTerms.Shipping::cost))
          .orElse(null);
    }
    return t.shippingOptions().stream()
        .filter(s -> s.service().equals(service))
        .findFirst()
        .orElseThrow(() -> Offer.invalid("shippingService", "is not one of the listing's options"));
  }

  private static String slug(DomainException e) {
    String t = e.type().toString();
    return t.substring(t.lastIndexOf('/') + 1);
  }

  private static void requireKey(String key) {
    if (key == null || !key.matches("[\\x21-\\x7E]{1,255}")) {
      throw new DomainException(
          Kind.INVALID,
          "idempotency-key-required",
          "Idempotency-Key required",
          "Offers move money: send an Idempotency-Key header (a new UUID per intended step).",
          List.of(),
          Map.of());
    }
  }

  private static DomainException keyReused() {
    return new DomainException(
        Kind.UNPROCESSABLE,
        "idempotency-key-reused",
        "Idempotency-Key reused",
        "This Idempotency-Key was already used for something else. Use a new key.",
        List.of(),
        Map.of());
  }
}
