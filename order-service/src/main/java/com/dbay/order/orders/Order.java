package com.dbay.order.orders;

import com.dbay.platform.events.AggregateRoot;
import com.dbay.platform.money.Doge;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.DomainException.Kind;
import com.dbay.platform.problem.FieldProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An order: a buyer owes a seller {@code price} for a listing, paid into escrow before the order
 * exists, so every order starts PAID_IN_ESCROW. Its lifecycle (team contract "Order state
 * machine"):
 *
 * <pre>
 * PAID_IN_ESCROW -ship(seller)-> SHIPPED -confirmReceipt(buyer)-> RECEIVED -complete-> COMPLETED
 * PAID_IN_ESCROW -cancel(buyer, 3 business days unshipped)-> CANCELLED
 * SHIPPED -autoRelease(14 days after shippedAt)-> COMPLETED
 * </pre>
 *
 * Every transition is guarded here and records its event; the money behind COMPLETED and CANCELLED
 * moves in the wallet before the transition is saved (OrderService), with a key derived from the
 * order, so a retry never moves it twice.
 */
public final class Order extends AggregateRoot {

  public enum Status {
    PAID_IN_ESCROW,
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
    AUCTION,
    BUY_IT_NOW,
    FIXED_PRICE,
    OFFER
  }

  /** How long after shipment the escrow releases by itself when nobody disputes. */
  public static final Duration AUTO_RELEASE_AFTER = Duration.ofDays(14);

  /** Business days a seller has to ship before the buyer may cancel. */
  public static final int SHIP_WITHIN_BUSINESS_DAYS = 3;

  public static final int MAX_CARRIER = 40;
  public static final int MAX_TRACKING = 64;

  private final String id;
  private final Source source;
  private final String listingId;
  private final String buyerId;
  private final String sellerId;
  private final Doge price;
  private final Instant createdAt;
  private Delivery delivery = Delivery.NONE;
  private Status status;
  private String carrier;
  private String trackingNumber;
  private Instant shippedAt;
  private Instant receivedAt;
  private Instant completedAt;
  private Instant cancelledAt;
  private Doge sellerAmount;
  private Doge fee;

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
    return paid(id, Source.AUCTION, listingId, buyerId, sellerId, price, now);
  }

  /**
   * What was bought and where it goes: the quantity, the shipping service and its cost (paid into
   * the escrow with the price), and the buyer's address. An auction's order has one unit and no
   * shipping of its own here (the settlement escrows the price).
   */
  public record Delivery(
      int quantity, String shippingService, Doge shippingCost, ShippingAddress address) {
    public static final Delivery NONE = new Delivery(1, null, Doge.ZERO, null);

    public Delivery {
      if (quantity < 1) {
        throw new IllegalArgumentException("an order has at least one unit");
      }
      Objects.requireNonNull(shippingCost);
      if (shippingCost.isNegative()) {
        throw new IllegalArgumentException("shipping costs nothing or something");
      }
    }
  }

  /** A paid order of any source (its escrow is funded); records OrderCreated. */
  public static Order paid(
      String id,
      Source source,
      String listingId,
      String buyerId,
      String sellerId,
      Doge price,
      Instant now) {
    return paid(id, source, listingId, buyerId, sellerId, price, Delivery.NONE, now);
  }

  /** A paid order with what was bought and where it goes; records OrderCreated. */
  public static Order paid(
      String id,
      Source source,
      String listingId,
      String buyerId,
      String sellerId,
      Doge price,
      Delivery delivery,
      Instant now) {
    if (!price.isPositive()) {
      throw new IllegalArgumentException("an order's price is positive");
    }
    if (buyerId.equals(sellerId)) {
      throw new IllegalArgumentException("a seller never buys from themselves");
    }
    Order order =
        new Order(id, source, listingId, buyerId, sellerId, price, Status.PAID_IN_ESCROW, now);
    order.delivery = Objects.requireNonNull(delivery);
    order.registerEvent(
        new OrderEvents.OrderCreated(
            id,
            source.name().toLowerCase(),
            listingId,
            buyerId,
            sellerId,
            price,
            order.status.name(),
            now));
    return order;
  }

  /** Rebuilds a stored order (no events). */
  public static Order restore(
      String id,
      Source source,
      String listingId,
      String buyerId,
      String sellerId,
      Doge price,
      Status status,
      Instant createdAt,
      Delivery delivery,
      Progress progress) {
    Order o = new Order(id, source, listingId, buyerId, sellerId, price, status, createdAt);
    o.delivery = delivery;
    o.carrier = progress.carrier();
    o.trackingNumber = progress.trackingNumber();
    o.shippedAt = progress.shippedAt();
    o.receivedAt = progress.receivedAt();
    o.completedAt = progress.completedAt();
    o.cancelledAt = progress.cancelledAt();
    o.sellerAmount = progress.sellerAmount();
    o.fee = progress.fee();
    return o;
  }

  /** What happened to an order after its creation; nulls for steps not taken. */
  public record Progress(
      String carrier,
      String trackingNumber,
      Instant shippedAt,
      Instant receivedAt,
      Instant completedAt,
      Instant cancelledAt,
      Doge sellerAmount,
      Doge fee) {
    public static final Progress NONE =
        new Progress(null, null, null, null, null, null, null, null);
  }

  public Progress progress() {
    return new Progress(
        carrier,
        trackingNumber,
        shippedAt,
        receivedAt,
        completedAt,
        cancelledAt,
        sellerAmount,
        fee);
  }

  /** Whether {@code userId} is a party to this order (buyer or seller). */
  public boolean involves(String userId) {
    return buyerId.equals(userId) || sellerId.equals(userId);
  }

  // ---------------------------------------------------------------------------------------------
  // Lifecycle

  /**
   * The seller ships: carrier and tracking number, while the order is paid. The same shipment again
   * is a no-op answered with the order (a retried click); anything else after shipping is refused.
   *
   * @return whether this call changed the order
   */
  public boolean ship(String caller, String carrier, String trackingNumber, Instant now) {
    requireSeller(caller, "ship");
    String c = carrier == null ? "" : carrier.strip();
    String t = trackingNumber == null ? "" : trackingNumber.strip();
    List<FieldProblem> problems = new java.util.ArrayList<>();
    if (c.isEmpty() || c.length() > MAX_CARRIER) {
      problems.add(new FieldProblem("carrier", "must be 1 to " + MAX_CARRIER + " characters"));
    }
    if (t.isEmpty() || t.length() > MAX_TRACKING || !t.matches("[A-Za-z0-9 .\\-/]+")) {
      problems.add(
          new FieldProblem(
              "trackingNumber",
              "must be 1 to "
                  + MAX_TRACKING
                  + " letters, digits, spaces, dots, dashes or slashes"));
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
    if (status == Status.SHIPPED && c.equals(this.carrier) && t.equals(this.trackingNumber)) {
      return false;
    }
    requireStatus(Status.PAID_IN_ESCROW, "order-not-paid", "Only a paid, unshipped order ships.");
    this.carrier = c;
    this.trackingNumber = t;
    this.shippedAt = now;
    this.status = Status.SHIPPED;
    registerEvent(
        new OrderEvents.OrderShipped(id, listingId, buyerId, sellerId, c, t, now, autoReleaseAt()));
    return true;
  }

  /**
   * Checks, without changing anything, that the buyer may confirm receipt now; the escrow is then
   * released and {@link #confirmReceipt} records it. A second confirmation is refused (the first
   * one's answer comes back only for the same Idempotency-Key).
   */
  public void mayConfirmReceipt(String caller) {
    requireBuyer(caller, "confirm receipt of");
    if (status == Status.SHIPPED || status == Status.RECEIVED) {
      return;
    }
    if (status == Status.COMPLETED) {
      throw conflict("order-completed", "The order is already completed; its escrow was released.");
    }
    throw conflict("order-not-shipped", "Receipt can be confirmed once the seller has shipped.");
  }

  /**
   * The buyer confirmed receipt and the escrow was released ({@code sellerAmount} to the seller,
   * {@code fee} to the platform): SHIPPED -> RECEIVED -> COMPLETED, two events.
   */
  public void confirmReceipt(String caller, Doge sellerAmount, Doge fee, Instant now) {
    mayConfirmReceipt(caller);
    if (status == Status.SHIPPED) {
      status = Status.RECEIVED;
      receivedAt = now;
      registerEvent(new OrderEvents.OrderReceived(id, listingId, buyerId, sellerId, now));
    }
    complete(sellerAmount, fee, now);
  }

  /** Whether the escrow releases by itself now: shipped, and 14 days have passed since. */
  public boolean autoReleaseDue(Instant now) {
    return status == Status.SHIPPED && !now.isBefore(autoReleaseAt());
  }

  /** The escrow was released because nobody confirmed or disputed in time: SHIPPED -> COMPLETED. */
  public void autoRelease(Doge sellerAmount, Doge fee, Instant now) {
    if (!autoReleaseDue(now)) {
      throw conflict("order-not-due", "The order's escrow does not release by itself yet.");
    }
    complete(sellerAmount, fee, now);
  }

  private void complete(Doge sellerAmount, Doge fee, Instant now) {
    this.sellerAmount = Objects.requireNonNull(sellerAmount);
    this.fee = Objects.requireNonNull(fee);
    this.completedAt = now;
    this.status = Status.COMPLETED;
    registerEvent(
        new OrderEvents.OrderCompleted(
            id, listingId, buyerId, sellerId, price, sellerAmount, fee, now));
  }

  /** When the buyer may cancel an unshipped order: 3 business days after payment. */
  public Instant cancellableAt() {
    return BusinessDays.after(createdAt, SHIP_WITHIN_BUSINESS_DAYS);
  }

  /** When a shipped order releases by itself; null before shipment. */
  public Instant autoReleaseAt() {
    return shippedAt == null ? null : shippedAt.plus(AUTO_RELEASE_AFTER);
  }

  /**
   * Checks, without changing anything, that the buyer may cancel now; the escrow is then refunded
   * and {@link #cancel} records it. A second cancel is refused (the first one's answer comes back
   * only for the same Idempotency-Key).
   */
  public void mayCancel(String caller, Instant now) {
    requireBuyer(caller, "cancel");
    if (status == Status.CANCELLED) {
      throw conflict("order-cancelled", "The order is already cancelled; its escrow was refunded.");
    }
    requireStatus(
        Status.PAID_IN_ESCROW,
        "order-not-cancellable",
        "Only an unshipped order can be cancelled.");
    if (now.isBefore(cancellableAt())) {
      throw new DomainException(
          Kind.CONFLICT,
          "order-not-cancellable",
          null,
          "The seller has until "
              + cancellableAt()
              + " (3 business days) to ship; you may cancel after that.",
          List.of(),
          Map.of("cancellableAt", cancellableAt().toString()));
    }
  }

  /** The buyer cancelled and the escrow was refunded: PAID_IN_ESCROW -> CANCELLED. */
  public void cancel(String caller, Doge refunded, Instant now) {
    mayCancel(caller, now);
    status = Status.CANCELLED;
    cancelledAt = now;
    registerEvent(
        new OrderEvents.OrderCancelled(id, listingId, buyerId, sellerId, refunded, "buyer", now));
  }

  private void requireSeller(String caller, String what) {
    if (!sellerId.equals(caller)) {
      throw new DomainException(
          Kind.FORBIDDEN,
          "not-the-seller",
          null,
          "Only the seller can " + what + " this order.",
          List.of(),
          Map.of());
    }
  }

  private void requireBuyer(String caller, String what) {
    if (!buyerId.equals(caller)) {
      throw new DomainException(
          Kind.FORBIDDEN,
          "not-the-buyer",
          null,
          "Only the buyer can " + what + " this order.",
          List.of(),
          Map.of());
    }
  }

  private void requireStatus(Status wanted, String type, String detail) {
    if (status != wanted) {
      throw conflict(type, detail + " This order is " + status.name() + ".");
    }
  }

  private DomainException conflict(String type, String detail) {
    return new DomainException(
        Kind.CONFLICT, type, null, detail, List.of(), Map.of("status", status.name()));
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

  public Delivery delivery() {
    return delivery;
  }

  /** What the escrow holds: the price and the shipping. */
  public Doge total() {
    return price.plus(delivery.shippingCost());
  }
}
