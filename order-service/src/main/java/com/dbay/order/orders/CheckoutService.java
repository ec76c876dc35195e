package com.dbay.order.orders;

import com.dbay.platform.identity.Identity;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.DomainException.Kind;
import com.dbay.platform.problem.FieldProblem;
import com.dbay.platform.starter.events.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Buying a fixed-price item (checkout, the listing's Buy It Now): three stores in order, each step
 * undone when a later one fails, so no unit and no koinu is lost:
 *
 * <ol>
 *   <li>listing-service takes the units (its row lock: never oversold; refused: nothing moved);
 *   <li>the wallet moves price + shipping from the buyer's available balance into the order's
 *       escrow (refused, e.g. not enough funds: the units go back);
 *   <li>the order is stored PAID_IN_ESCROW with OrderCreated (failed: the escrow is refunded and
 *       the units go back).
 * </ol>
 *
 * Before anything moves, an attempt is committed under the buyer's Idempotency-Key: the same key
 * again answers the same order, and an attempt a crash left PENDING without its order is undone by
 * {@link #recoverStale}. Each remote step is keyed by the order id, so repeating one moves nothing
 * twice. No database transaction stays open across a remote call.
 */
@Service
public class CheckoutService {

  public static final int MAX_QUANTITY = 100;

  /** How long a checkout may take before the recovery sweep treats it as crashed. */
  public static final Duration STALE_AFTER = Duration.ofMinutes(5);

  private static final Logger log = LoggerFactory.getLogger(CheckoutService.class);

  private final ListingPurchases listings;
  private final EscrowWallet escrow;
  private final Orders orders;
  private final Outbox outbox;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final CheckoutAttempts attempts;

  public CheckoutService(
      ListingPurchases listings,
      EscrowWallet escrow,
      Orders orders,
      Outbox outbox,
      TransactionTemplate transactions,
      Clock clock,
      CheckoutAttempts attempts) {
    this.listings = listings;
    this.escrow = escrow;
    this.orders = orders;
    this.outbox = outbox;
    this.transactions = transactions;
    this.clock = clock;
    this.attempts = attempts;
  }

  /** The order, and whether this call made it (false: the key's earlier order). */
  public record Bought(Order order, boolean createdNow) {}

  public Bought checkout(
      Identity buyer,
      String key,
      String listingId,
      Integer quantity,
      String shippingService,
      ShippingAddress address) {
    if (key == null || !key.matches("[\\x21-\\x7E]{1,255}")) {
      throw new DomainException(
          Kind.INVALID,
          "idempotency-key-required",
          "Idempotency-Key required",
          "A purchase moves money: send an Idempotency-Key header (a new UUID per intended purchase).",
          List.of(),
          Map.of());
    }
    List<FieldProblem> problems = new ArrayList<>();
    if (listingId == null || !listingId.matches("[0-9a-fA-F-]{36}")) {
      problems.add(new FieldProblem("listingId", "must be a listing id"));
    }
    int units = quantity == null ? 1 : quantity;
    if (units < 1 || units > MAX_QUANTITY) {
      problems.add(new FieldProblem("quantity", "must be between 1 and " + MAX_QUANTITY));
    }
    if (address == null) {
      problems.add(new FieldProblem("shippingAddress", "is required"));
    } else {
      problems.addAll(address.problems());
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
    String orderId = UUID.randomUUID().toString();
    Order earlier = begin(orderId, buyer.userId(), key, listingId, units);
    if (earlier != null) {
      return new Bought(earlier, false);
    }
    ListingPurchases.Purchase bought;
    try {
      bought = listings.take(listingId, orderId, buyer.userId(), units, null, shippingService);
    } catch (RuntimeException refused) {
      undone(orderId);
      throw refused;
    }
    try {
      escrow.fund(orderId, buyer.userId(), bought.sellerId(), bought.total(), null);
    } catch (RuntimeException refused) {
      if (giveBack(bought, refused)) {
        undone(orderId);
      }
      throw refused;
    }
    try {
      return new Bought(
          transactions.execute(
              status -> {
                Order order =
                    Order.paid(
                        orderId,
                        Order.Source.FIXED_PRICE,
                        listingId,
                        buyer.userId(),
                        bought.sellerId(),
                        bought.unitPrice().times(bought.quantity()),
                        new Order.Delivery(
                            bought.quantity(),
                            bought.shippingService(),
                            bought.shippingCost(),
                            address.normalized()),
                        clock.instant());
                orders.insert(order);
                outbox.publishRecorded(order);
                attempts.finish(orderId, "DONE", clock.instant());
                return order;
              }),
          true);
    } catch (RuntimeException failed) {
      try {
        escrow.refund(orderId);
      } catch (RuntimeException alsoFailed) {
        // Left PENDING: the recovery sweep refunds it.
        log.warn(
            "order {} not stored, refund retried by the sweep: {}", orderId, alsoFailed.toString());
        throw failed;
      }
      if (giveBack(bought, failed)) {
        undone(orderId);
      }
      throw failed;
    }
  }

  /**
   * Claims the buyer's key for a new attempt; answers the key's earlier order when it has one
   * (null: go ahead). A key still in flight is 409; the same key for another purchase 422; a key
   * whose attempt was undone (refused, e.g. not enough funds) is tried again.
   */
  private Order begin(String orderId, String buyerId, String key, String listingId, int units) {
    return transactions.execute(
        status -> {
          if (attempts.begin(orderId, buyerId, key, listingId, units, clock.instant())) {
            return null;
          }
          CheckoutAttempts.Attempt a = attempts.find(buyerId, key).orElseThrow();
          if (!a.listingId().equals(listingId) || a.quantity() != units) {
            throw new DomainException(
                Kind.UNPROCESSABLE,
                "idempotency-key-reused",
                "Idempotency-Key reused",
                "This Idempotency-Key was already used for a different purchase. Use a new key.",
                List.of(),
                Map.of());
          }
          if (a.status().equals("DONE")) {
            return orders.find(a.orderId()).orElseThrow();
          }
          if (a.status().equals("UNDONE")
              && attempts.retry(buyerId, key, orderId, clock.instant())) {
            return null;
          }
          throw new DomainException(
              Kind.CONFLICT,
              "idempotency-key-in-progress",
              "Request in progress",
              "This purchase is still being processed. Retry shortly with the same key.",
              List.of(),
              Map.of());
        });
  }

  /**
   * Undoes checkouts a crash left half done (at most {@code limit}): PENDING attempts older than
   * {@link #STALE_AFTER} without their order get their escrow refunded (if it was funded) and their
   * units given back (if they were taken). Answers how many were undone.
   */
  public int recoverStale(int limit) {
    int undone = 0;
    for (CheckoutAttempts.Stale s : attempts.stale(clock.instant().minus(STALE_AFTER), limit)) {
      try {
        try {
          escrow.refund(s.orderId());
        } catch (DomainException e) {
          if (!e.type().toString().endsWith("/escrow-not-funded")) {
            throw e;
          }
          // The crash came before the payment: nothing to refund.
        }
        listings.giveBack(s.listingId(), s.orderId());
        transactions.executeWithoutResult(
            st -> attempts.finish(s.orderId(), "UNDONE", clock.instant()));
        undone++;
      } catch (RuntimeException e) {
        log.warn("checkout {} not undone yet, next sweep retries: {}", s.orderId(), e.toString());
      }
    }
    return undone;
  }

  private void undone(String orderId) {
    try {
      transactions.executeWithoutResult(st -> attempts.finish(orderId, "UNDONE", clock.instant()));
    } catch (RuntimeException e) {
      // Left PENDING: the sweep undoes it again, which changes nothing (both steps are keyed).
      log.warn("checkout {} undone but not marked: {}", orderId, e.toString());
    }
  }

  /** Gives the units back; false when the listing could not be reached (the sweep retries). */
  private boolean giveBack(ListingPurchases.Purchase bought, RuntimeException cause) {
    try {
      listings.giveBack(bought.listingId(), bought.orderId());
      return true;
    } catch (RuntimeException e) {
      // Left for the sweep too: it gives the units back once the listing answers.
      log.warn(
          "order {} failed ({}); its units of listing {} are given back by the sweep: {}",
          bought.orderId(),
          cause.getMessage(),
          bought.listingId(),
          e.toString());
      return false;
    }
  }
}
