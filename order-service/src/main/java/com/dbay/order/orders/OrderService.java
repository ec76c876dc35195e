package com.dbay.order.orders;

import com.dbay.platform.identity.Identity;
import com.dbay.platform.money.Doge;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.DomainException.Kind;
import com.dbay.platform.starter.events.Outbox;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates orders from auction wins (once per auction) and shows them to their parties. */
@Service
public class OrderService {

  public static final int MAX_PAGE = 100;

  private final Orders orders;
  private final Outbox outbox;
  private final TransactionTemplate transactions;
  private final Clock clock;

  public OrderService(Orders orders, Outbox outbox, TransactionTemplate transactions, Clock clock) {
    this.orders = orders;
    this.outbox = outbox;
    this.transactions = transactions;
    this.clock = clock;
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
        .orElseThrow(
            () ->
                new DomainException(
                    Kind.NOT_FOUND,
                    "not-found",
                    "Not found",
                    "There is no order " + orderId + ".",
                    List.of(),
                    Map.of()));
  }

  public List<Order> mine(Identity viewer, boolean asBuyer, int limit) {
    return orders.of(viewer.userId(), asBuyer, Math.min(limit, MAX_PAGE));
  }
}
