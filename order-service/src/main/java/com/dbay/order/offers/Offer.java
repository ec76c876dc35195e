package com.dbay.order.offers;

import com.dbay.order.orders.ShippingAddress;
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
 * A buyer's Best Offer on a fixed-price listing: {@code amount} per unit for {@code quantity} units
 * plus shipping, held in the buyer's wallet (hold {@link #holdReference()}) while it is open.
 *
 * <pre>
 * PENDING -opened (hold placed)-> OPEN            PENDING -failed (hold refused)-> FAILED
 * OPEN -counter(seller)-> COUNTERED               OPEN|COUNTERED -expire(48 h)-> EXPIRED
 * OPEN -accept(seller)-> ACCEPTING -> ACCEPTED    COUNTERED -accept(buyer)-> ACCEPTING
 * OPEN -decline(seller)-> DECLINED                COUNTERED -decline(buyer)-> DECLINED
 * OPEN -withdraw(buyer)-> WITHDRAWN               OPEN|COUNTERED|ACCEPTING -voided-> VOID
 * </pre>
 *
 * PENDING and FAILED are the service's bookkeeping around the hold (nobody sees them); ACCEPTING is
 * the acceptance under way (units taken, escrow funded from the hold, order stored — each step
 * keyed by {@link #orderId()}, so the sweep finishes what a crash left). Every change is guarded
 * here and records its event. {@link #holdOpen()} says the wallet may still hold funds for it: set
 * false once the hold is released or captured into the order's escrow.
 */
public final class Offer extends AggregateRoot {

  public enum Status {
    PENDING,
    OPEN,
    COUNTERED,
    ACCEPTING,
    ACCEPTED,
    DECLINED,
    EXPIRED,
    WITHDRAWN,
    VOID,
    FAILED
  }

  /** Offers and counters expire after this long without an answer. */
  public static final Duration ANSWER_WITHIN = Duration.ofHours(48);

  public static final int MAX_MESSAGE = 500;

  private final String id;
  private final String listingId;
  private final String buyerId;
  private final String sellerId;
  private final int quantity;
  private final Doge amount;
  private final String shippingService;
  private final Doge shippingCost;
  private final ShippingAddress address;
  private final String message;
  private final Instant createdAt;
  private Status status;
  private Doge counterAmount;
  private Instant expiresAt;
  private Instant updatedAt;
  private String orderId;
  private String acceptedBy;
  private String endReason;
  private boolean holdOpen;

  private Offer(
      String id,
      String listingId,
      String buyerId,
      String sellerId,
      int quantity,
      Doge amount,
      String shippingService,
      Doge shippingCost,
      ShippingAddress address,
      String message,
      Instant createdAt) {
    this.id = Objects.requireNonNull(id);
    this.listingId = Objects.requireNonNull(listingId);
    this.buyerId = Objects.requireNonNull(buyerId);
    this.sellerId = Objects.requireNonNull(sellerId);
    this.quantity = quantity;
    this.amount = Objects.requireNonNull(amount);
    this.shippingService = shippingService;
    this.shippingCost = Objects.requireNonNull(shippingCost);
    this.address = address;
    this.message = message;
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  /**
   * A new offer, before its hold: checked against the listing's terms here (the buyer's fields are
   * checked by {@link OfferService}). Above the price: 400; below the seller's auto-decline: 422
   * {@code offer-too-low}; the seller's own listing: 403.
   */
  public static Offer pending(
      String id,
      OfferTerms terms,
      String buyerId,
      int quantity,
      Doge amount,
      String shippingService,
      Doge shippingCost,
      ShippingAddress address,
      String message,
      Instant now) {
    if (terms.sellerId().equals(buyerId)) {
      throw new DomainException(
          Kind.FORBIDDEN, "own-listing", "You cannot make an offer on your own listing.");
    }
    if (!terms.acceptsOffers()) {
      throw new DomainException(
          Kind.CONFLICT, "offers-not-accepted", "This listing does not take offers.");
    }
    if (!amount.isPositive()) {
      throw invalid("amount", "must be positive");
    }
    if (amount.isGreaterThan(terms.price())) {
      throw invalid(
          "amount", "must not be above the price " + terms.price() + " (buy it at the price)");
    }
    if (terms.autoDeclinePrice() != null && amount.compareTo(terms.autoDeclinePrice()) < 0) {
      throw new DomainException(
          Kind.UNPROCESSABLE,
          "offer-too-low",
          "Offer declined",
          "The seller declines offers this low automatically; nothing was held.",
          List.of(),
          Map.of());
    }
    Offer o =
        new Offer(
            id,
            terms.listingId(),
            buyerId,
            terms.sellerId(),
            quantity,
            amount,
            shippingService,
            shippingCost,
            address,
            message,
            now);
    o.status = Status.PENDING;
    o.updatedAt = now;
    o.holdOpen = true;
    return o;
  }

  /** Loads a stored offer; records nothing. */
  public static Offer restore(
      String id,
      String listingId,
      String buyerId,
      String sellerId,
      int quantity,
      Doge amount,
      String shippingService,
      Doge shippingCost,
      ShippingAddress address,
      String message,
      Instant createdAt,
      Status status,
      Doge counterAmount,
      Instant expiresAt,
      Instant updatedAt,
      String orderId,
      String acceptedBy,
      String endReason,
      boolean holdOpen) {
    Offer o =
        new Offer(
            id,
            listingId,
            buyerId,
            sellerId,
            quantity,
            amount,
            shippingService,
            shippingCost,
            address,
            message,
            createdAt);
    o.status = status;
    o.counterAmount = counterAmount;
    o.expiresAt = expiresAt;
    o.updatedAt = updatedAt;
    o.orderId = orderId;
    o.acceptedBy = acceptedBy;
    o.endReason = endReason;
    o.holdOpen = holdOpen;
    return o;
  }

  /** The hold is placed: the seller sees the offer; it expires in 48 hours. */
  public void opened(Instant now) {
    require(Status.PENDING);
    status = Status.OPEN;
    expiresAt = now.plus(ANSWER_WITHIN);
    updatedAt = now;
    registerEvent(
        new OfferEvents.OfferMade(
            id, listingId, buyerId, sellerId, amount, quantity, shippingCost, total(), expiresAt));
  }

  /** The wallet refused the hold (or it never happened): nothing is held, nobody sees it. */
  public void failed(Instant now) {
    require(Status.PENDING);
    status = Status.FAILED;
    endReason = "hold-refused";
    holdOpen = false;
    updatedAt = now;
  }

  /** The seller asks {@code counter} per unit instead: above the offer, at most the price. */
  public void counter(String actorId, Doge counter, Doge listPrice, Instant now) {
    mustBeSeller(actorId);
    mustBeOpen(Status.OPEN, now);
    if (counter == null || !counter.isPositive()) {
      throw invalid("amount", "must be a positive DOGE amount");
    }
    if (counter.isGreaterThan(listPrice)) {
      throw invalid("amount", "must not be above the price " + listPrice);
    }
    if (counter.compareTo(amount) <= 0) {
      throw invalid("amount", "must be above the buyer's offer " + amount + " (accept it instead)");
    }
    status = Status.COUNTERED;
    counterAmount = counter;
    expiresAt = now.plus(ANSWER_WITHIN);
    updatedAt = now;
    registerEvent(
        new OfferEvents.OfferCountered(
            id, listingId, buyerId, sellerId, counter, amount, quantity, expiresAt));
  }

  /**
   * The party whose answer it awaits accepts (the seller an OPEN offer, the buyer a counter): the
   * acceptance begins under {@code newOrderId}. Accepting again is 409 {@code offer-not-open}.
   */
  public void beginAccept(String actorId, String newOrderId, Instant now) {
    mustBeAnswerable();
    if (status == Status.COUNTERED) {
      mustBeBuyer(actorId);
    } else {
      mustBeSeller(actorId);
    }
    mustBeOpen(status == Status.COUNTERED ? Status.COUNTERED : Status.OPEN, now);
    acceptedBy = actorId.equals(buyerId) ? "BUYER" : "SELLER";
    status = Status.ACCEPTING;
    orderId = Objects.requireNonNull(newOrderId);
    updatedAt = now;
  }

  /** The order exists, paid from the held funds (the hold is captured into its escrow). */
  public void accepted(Instant now) {
    require(Status.ACCEPTING);
    status = Status.ACCEPTED;
    holdOpen = false;
    updatedAt = now;
    registerEvent(
        new OfferEvents.OfferAccepted(
            id, listingId, buyerId, sellerId, agreedAmount(), quantity, orderId, acceptedBy, now));
  }

  /** The party whose answer it awaits declines. */
  public void decline(String actorId, Instant now) {
    mustBeAnswerable();
    if (status == Status.COUNTERED) {
      mustBeBuyer(actorId);
    } else {
      mustBeSeller(actorId);
    }
    mustBeOpen(status == Status.COUNTERED ? Status.COUNTERED : Status.OPEN, now);
    String by = actorId.equals(buyerId) ? "BUYER" : "SELLER";
    status = Status.DECLINED;
    endReason = "declined";
    updatedAt = now;
    registerEvent(
        new OfferEvents.OfferDeclined(id, listingId, buyerId, sellerId, agreedAmount(), by, now));
  }

  /** The buyer takes back an offer the seller has not answered. */
  public void withdraw(String actorId, Instant now) {
    mustBeBuyer(actorId);
    mustBeOpen(Status.OPEN, now);
    status = Status.WITHDRAWN;
    endReason = "withdrawn";
    updatedAt = now;
    registerEvent(new OfferEvents.OfferWithdrawn(id, listingId, buyerId, sellerId, now));
  }

  /** Ends it without anyone's answer: another offer was countered, or the listing sold out. */
  public void voided(String reason, Instant now) {
    if (status != Status.OPEN && status != Status.COUNTERED && status != Status.ACCEPTING) {
      throw notOpen();
    }
    status = Status.VOID;
    endReason = reason;
    updatedAt = now;
    registerEvent(new OfferEvents.OfferVoided(id, listingId, buyerId, sellerId, reason, now));
  }

  /** True when it is open or countered and its 48 hours are over. */
  public boolean isDue(Instant now) {
    return (status == Status.OPEN || status == Status.COUNTERED) && !now.isBefore(expiresAt);
  }

  /** Nobody answered in time. */
  public void expire(Instant now) {
    if (!isDue(now)) {
      throw new IllegalStateException("offer " + id + " is not due to expire");
    }
    String awaiting = status == Status.COUNTERED ? "BUYER" : "SELLER";
    status = Status.EXPIRED;
    endReason = "expired";
    updatedAt = now;
    registerEvent(
        new OfferEvents.OfferExpired(
            id, listingId, buyerId, sellerId, agreedAmount(), awaiting, now));
  }

  /** The wallet released the hold (or captured it): nothing more to give back. */
  public void holdReleased() {
    holdOpen = false;
  }

  /** Whether the hold should be given back now: ended without an order, the hold still open. */
  public boolean owesRelease() {
    return holdOpen
        && (status == Status.DECLINED
            || status == Status.EXPIRED
            || status == Status.WITHDRAWN
            || status == Status.VOID
            || status == Status.FAILED);
  }

  public boolean isParty(String userId) {
    return buyerId.equals(userId) || sellerId.equals(userId);
  }

  /** The unit price on the table: the seller's counter once countered, else the buyer's offer. */
  public Doge agreedAmount() {
    return counterAmount != null ? counterAmount : amount;
  }

  /** What the hold must cover: the unit price on the table × quantity + shipping. */
  public Doge total() {
    return agreedAmount().times(quantity).plus(shippingCost);
  }

  /** The wallet hold of this offer (one per offer). */
  public String holdReference() {
    return "offer-" + id;
  }

  private void require(Status expected) {
    if (status != expected) {
      throw new IllegalStateException("offer " + id + " is " + status + ", not " + expected);
    }
  }

  /** An ended offer is 409 for both parties before anything else (whose turn it was is moot). */
  private void mustBeAnswerable() {
    if (status != Status.OPEN && status != Status.COUNTERED) {
      throw notOpen();
    }
  }

  private void mustBeOpen(Status expected, Instant now) {
    if (status != expected) {
      throw notOpen();
    }
    if (!now.isBefore(expiresAt)) {
      throw new DomainException(
          Kind.CONFLICT, "offer-expired", "This offer expired; its funds are released.");
    }
  }

  private DomainException notOpen() {
    return new DomainException(
        Kind.CONFLICT,
        "offer-not-open",
        "This offer is " + status.name().toLowerCase() + "; it cannot be answered any more.");
  }

  private void mustBeSeller(String actorId) {
    if (!sellerId.equals(actorId)) {
      throw new DomainException(
          Kind.FORBIDDEN, "not-the-seller", "Only the seller can answer this offer now.");
    }
  }

  private void mustBeBuyer(String actorId) {
    if (!buyerId.equals(actorId)) {
      throw new DomainException(
          Kind.FORBIDDEN, "not-the-buyer", "Only the buyer can answer this offer now.");
    }
  }

  static DomainException invalid(String field, String message) {
    return new DomainException(
        Kind.INVALID,
        "validation",
        "Invalid request",
        field + " " + message + ".",
        List.of(new FieldProblem(field, message)),
        Map.of());
  }

  public String id() {
    return id;
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

  public int quantity() {
    return quantity;
  }

  public Doge amount() {
    return amount;
  }

  public Doge counterAmount() {
    return counterAmount;
  }

  public String shippingService() {
    return shippingService;
  }

  public Doge shippingCost() {
    return shippingCost;
  }

  public ShippingAddress address() {
    return address;
  }

  public String message() {
    return message;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Status status() {
    return status;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public String orderId() {
    return orderId;
  }

  public String acceptedBy() {
    return acceptedBy;
  }

  public String endReason() {
    return endReason;
  }

  public boolean holdOpen() {
    return holdOpen;
  }
}
