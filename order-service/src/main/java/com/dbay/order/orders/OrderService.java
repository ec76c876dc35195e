package com.dbay.order.orders;

import com.dbay.platform.identity.Identity;
import com.dbay.platform.money.Doge;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.DomainException.Kind;
import com.dbay.platform.starter.events.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates orders from auction wins (once per auction), shows them to their parties, and moves them
 * through their lifecycle (ship, confirm receipt, cancel, auto-release) with the escrow behind.
 */
@Service
public class OrderService {

  public static final int MAX_PAGE = 100;

  private static final Logger log = LoggerFactory.getLogger(OrderService.class);

  private final Orders orders;
  private final Outbox outbox;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final EscrowWallet escrow;

  public OrderService(
      Orders orders,
      Outbox outbox,
      TransactionTemplate transactions,
      Clock clock,
      EscrowWallet escrow) {
    this.orders = orders;
    this.outbox = outbox;
    this.transactions = transactions;
    this.clock = clock;
    this.escrow = escrow;
  }

  /** The new or the existing order, and whether this call created it. */
  public record Created(Order order, boolean createdNow) {}

  /**
   * The order of an auction's win, created once: a repeat (settlement resuming after a crash) gets
   * the same order; a repeat with other terms is a conflict and changes nothing.
   */
  public Created createFromAuction(String listingId, String buyerId, String sellerId, Doge price) {
    return transactions.execute(
        status -> {
          Order order =
              Order.fromAuctionWin(
                  UUID.randomUUID().toString(),
                  listingId,
                  buyerId,
                  sellerId,
                  price,
                  clock.instant());
          if (orders.insertIfAbsent(order)) {
            outbox.publishRecorded(order);
            return new Created(order, true);
          }
          Order existing = orders.findByAuction(listingId).orElseThrow();
          if (!existing.buyerId().equals(buyerId)
              || !existing.sellerId().equals(sellerId)
              || !existing.price().equals(price)) {
            throw new DomainException(
                Kind.CONFLICT,
                "order-exists",
                "Order exists",
                "The auction for listing " + listingId + " already has an order with other terms.",
                List.of(),
                Map.of("orderId", existing.id()));
          }
          return new Created(existing, false);
        });
  }

  /** The order, to its buyer, its seller or an admin; to anyone else it does not exist. */
  public Order get(String orderId, Identity viewer) {
    return orders
        .find(orderId)
        .filter(o -> viewer.isAdmin() || o.involves(viewer.userId()))
        .orElseThrow(() -> notFound(orderId));
  }

  /** The seller ships the order (carrier and tracking number). */
  public Order ship(String orderId, Identity caller, String carrier, String trackingNumber) {
    return transition(
        orderId,
        caller,
        order -> order.ship(caller.userId(), carrier, trackingNumber, clock.instant()));
  }

  /**
   * The buyer confirms receipt: the escrow is released to the seller minus the platform fee, and
   * the order completes. The row stays locked while the wallet releases, so two confirmations at
   * once cannot both pass the guard; a crash after the release and before the commit is repaired by
   * asking again (the wallet answers the same release for the order's key).
   */
  public Order confirmReceipt(String orderId, Identity caller) {
    return transition(
        orderId,
        caller,
        order -> {
          order.mayConfirmReceipt(caller.userId());
          EscrowWallet.Settlement paid = escrow.release(order.id());
          order.confirmReceipt(caller.userId(), paid.sellerAmount(), paid.fee(), clock.instant());
        });
  }

  /** The buyer cancels an order not shipped within 3 business days: the escrow is refunded. */
  public Order cancel(String orderId, Identity caller) {
    return transition(
        orderId,
        caller,
        order -> {
          Instant now = clock.instant();
          order.mayCancel(caller.userId(), now);
          EscrowWallet.Settlement refunded = escrow.refund(order.id());
          order.cancel(caller.userId(), refunded.buyerRefund(), now);
        });
  }

  /**
   * Releases the escrow of every shipped order whose 14 days have passed (at most {@code limit});
   * answers how many completed. An order being changed right now (a confirmation, a dispute) is
   * skipped and looked at again by the next sweep; a wallet failure leaves the order for the next
   * sweep too.
   */
  public int autoReleaseDue(int limit) {
    Instant now = clock.instant();
    int completed = 0;
    for (String id : orders.shippedBy(now.minus(Order.AUTO_RELEASE_AFTER), limit)) {
      try {
        Boolean done =
            transactions.execute(
                status ->
                    orders
                        .tryLock(id)
                        .filter(o -> o.autoReleaseDue(now))
                        .map(
                            order -> {
                              EscrowWallet.Settlement paid = escrow.release(order.id());
                              order.autoRelease(paid.sellerAmount(), paid.fee(), now);
                              orders.save(order);
                              outbox.publishRecorded(order);
                              return true;
                            })
                        .orElse(false));
        completed += Boolean.TRUE.equals(done) ? 1 : 0;
      } catch (DomainException e) {
        log.warn("auto-release of order {} failed, retried next sweep: {}", id, e.getMessage());
      }
    }
    return completed;
  }

  private Order transition(String orderId, Identity caller, Consumer<Order> change) {
    return transactions.execute(
        status -> {
          Order order =
              orders
                  .lock(orderId)
                  .filter(o -> o.involves(caller.userId()))
                  .orElseThrow(() -> notFound(orderId));
          change.accept(order);
          if (!order.recordedEvents().isEmpty()) {
            orders.save(order);
            outbox.publishRecorded(order);
          }
          return order;
        });
  }

  private static DomainException notFound(String orderId) {
    return new DomainException(
        Kind.NOT_FOUND,
        "not-found",
        "Not found",
        "There is no order " + orderId + ".",
        List.of(),
        Map.of());
  }

  public List<Order> mine(Identity viewer, boolean asBuyer, int limit) {
    return orders.of(viewer.userId(), asBuyer, Math.min(limit, MAX_PAGE));
  }
}
