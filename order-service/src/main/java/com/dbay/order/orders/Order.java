package com.dbay.order.orders;

import com.dbay.platform.events.AggregateRoot;
import com.dbay.platform.money.Doge;
import java.time.Instant;
import java.util.Objects;

/**
 * An order: a buyer owes a seller {@code price} for a listing. Created from an auction win, whose
 * settlement turns the winner's hold into the order's escrow, so the order starts PAID_IN_ESCROW.
 */
public final class Order extends AggregateRoot {

  public enum Status {
    PAID_IN_ESCROW,
    // The lifecycle's (team state machine); read here because disputes set up and settle them.
    SHIPPED,
    RECEIVED,
    COMPLETED,
    CANCELLED,
    // Disputes (package disputes): SHIPPED|RECEIVED -> DISPUTED -> REFUNDED | COMPLETED | SPLIT.
    DISPUTED,
    REFUNDED,
    SPLIT
  }

  public enum Source {
    AUCTION
  }

  private final String id;
  private final Source source;
  private final String listingId;
  private final String buyerId;
  private final String sellerId;
  private final Doge price;
  private final Status status;
  private final Instant createdAt;

  private Order(
      String id,
      Source source,
      String listingId,
      String buyerId,
      String sellerId,
      Doge price,
      Status status,
      Instant createdAt) {
    this.id = Objects.requireNonNull(id);
    this.source = Objects.requireNonNull(source);
    this.listingId = Objects.requireNonNull(listingId);
    this.buyerId = Objects.requireNonNull(buyerId);
    this.sellerId = Objects.requireNonNull(sellerId);
    this.price = Objects.requireNonNull(price);
    this.status = Objects.requireNonNull(status);
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  /** The order of an auction's winner; records OrderCreated. */
  public static Order fromAuctionWin(
      String id, String listingId, String buyerId, String sellerId, Doge price, Instant now) {
    if (!price.isPositive()) {
      throw new IllegalArgumentException("an order's price is positive");
    }
    if (buyerId.equals(sellerId)) {
      throw new IllegalArgumentException("a seller never buys from themselves");
    }
    Order order =
        new Order(
            id, Source.AUCTION, listingId, buyerId, sellerId, price, Status.PAID_IN_ESCROW, now);
    order.registerEvent(
        new OrderEvents.OrderCreated(
            id, "auction", listingId, buyerId, sellerId, price, order.status.name(), now));
    return order;
  }

  public static Order restore(
      String id,
      Source source,
      String listingId,
      String buyerId,
      String sellerId,
      Doge price,
      Status status,
      Instant createdAt) {
    return new Order(id, source, listingId, buyerId, sellerId, price, status, createdAt);
  }

  /** Whether {@code userId} is a party to this order (buyer or seller). */
  public boolean involves(String userId) {
    return buyerId.equals(userId) || sellerId.equals(userId);
  }

  public String id() {
    return id;
  }

  public Source source() {
    return source;
  }

  public String listingId() {
    return listingId;
  }

  public String buyerId() {
    return buyerId;
  }

  public String sellerId() {
    return sellerId;
  }

  public Doge price() {
    return price;
  }

  public Status status() {
    return status;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
