package com.dbay.listing.listing;

import com.dbay.listing.shared.Refusal;
import com.dbay.platform.money.Doge;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The listing aggregate. It guards its states (draft → scheduled/active → ended/sold/cancelled),
 * bumps its version with every change and records which event each change raises; the service
 * publishes them through the outbox with the snapshot of the listing as it then is.
 */
public class Listing {

  public enum Event {
    ListingPublished,
    ListingChanged,
    ListingEnded
  }

  private final UUID id;
  private final String sellerId;
  private final String sellerName;
  private ListingContent content;
  private ListingStatus status;
  private Doge currentPrice;
  private int quantitySold;
  private Instant startsAt;
  private Instant endsAt;
  private Instant endedAt;
  private int bidCount;
  private long views;
  private final Instant createdAt;
  private Instant updatedAt;
  private long version;
  private final long loadedVersion;
  private final List<Event> events = new ArrayList<>();

  private Listing(
      UUID id,
      String sellerId,
      String sellerName,
      ListingContent content,
      ListingStatus status,
      Doge currentPrice,
      int quantitySold,
      Instant startsAt,
      Instant endsAt,
      Instant endedAt,
      int bidCount,
      long views,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    this.id = id;
    this.sellerId = sellerId;
    this.sellerName = sellerName;
    this.content = content;
    this.status = status;
    this.currentPrice = currentPrice;
    this.quantitySold = quantitySold;
    this.startsAt = startsAt;
    this.endsAt = endsAt;
    this.endedAt = endedAt;
    this.bidCount = bidCount;
    this.views = views;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
    this.version = version;
    this.loadedVersion = version;
  }

  /** A new draft: private to its seller until published. */
  public static Listing draft(
      UUID id, String sellerId, String sellerName, ListingContent content, Instant now) {
    return new Listing(
        id,
        sellerId,
        sellerName,
        content,
        ListingStatus.DRAFT,
        content.startPrice(),
        0,
        null,
        null,
        null,
        0,
        0,
        now,
        now,
        0);
  }

  /** A listing as stored. */
  static Listing restore(
      UUID id,
      String sellerId,
      String sellerName,
      ListingContent content,
      ListingStatus status,
      Doge currentPrice,
      int quantitySold,
      Instant startsAt,
      Instant endsAt,
      Instant endedAt,
      int bidCount,
      long views,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    return new Listing(
        id,
        sellerId,
        sellerName,
        content,
        status,
        currentPrice,
        quantitySold,
        startsAt,
        endsAt,
        endedAt,
        bidCount,
        views,
        createdAt,
        updatedAt,
        version);
  }

  public boolean isSeller(String userId) {
    return sellerId.equals(userId);
  }

  /**
   * Replaces what the seller wrote. A draft or a scheduled listing may change anything; a live one
   * only while nobody has bid, and never its format or its clock (buyers saw when it ends).
   */
  public void edit(ListingContent next, Instant now) {
    switch (status) {
      case DRAFT -> content = next;
      case SCHEDULED -> {
        content = next;
        schedule(now);
      }
      case ACTIVE -> {
        if (hasBids()) {
          throw Refusal.wrongState("listing-has-bids", "A listing with bids cannot be changed.");
        }
        if (next.format() != content.format()) {
          throw Refusal.invalid("format", "cannot change once the listing is live");
        }
        if (!next.duration().equals(content.duration())
            || !java.util.Objects.equals(next.scheduledStart(), content.scheduledStart())) {
          throw Refusal.invalid("durationDays", "cannot change once the listing is live");
        }
        content = next;
      }
      default ->
          throw Refusal.wrongState(
              "listing-closed", "The listing has " + status.json() + "; it cannot be changed.");
    }
    currentPrice = content.startPrice();
    changed(now, status == ListingStatus.DRAFT ? null : Event.ListingChanged);
  }

  /** Goes live now, or at its scheduled start. */
  public void publish(Instant now) {
    if (status != ListingStatus.DRAFT) {
      throw Refusal.wrongState(
          "already-published", "The listing is already " + status.json() + ".");
    }
    if (content.scheduledStart() != null && content.scheduledStart().isAfter(now)) {
      status = ListingStatus.SCHEDULED;
      schedule(now);
    } else {
      status = ListingStatus.ACTIVE;
      startsAt = now;
      endsAt = now.plus(content.duration());
    }
    changed(now, Event.ListingPublished);
  }

  private void schedule(Instant now) {
    if (content.scheduledStart() == null || !content.scheduledStart().isAfter(now)) {
      // Unscheduled while waiting: it starts at once.
      status = ListingStatus.ACTIVE;
      startsAt = now;
    } else {
      startsAt = content.scheduledStart();
    }
    endsAt = startsAt.plus(content.duration());
  }

  /** A scheduled listing whose start time has come goes live; false when it is not due. */
  public boolean startIfDue(Instant now) {
    if (status != ListingStatus.SCHEDULED || startsAt.isAfter(now)) {
      return false;
    }
    status = ListingStatus.ACTIVE;
    changed(now, Event.ListingChanged);
    return true;
  }

  /** The seller ends it early: only while nobody has bid (a scheduled one is cancelled). */
  public void endEarly(Instant now) {
    if (!status.isOpen()) {
      throw Refusal.wrongState(
          "listing-not-live",
          "Only a live or scheduled listing can be ended; this one is " + status.json() + ".");
    }
    if (hasBids()) {
      throw Refusal.wrongState("listing-has-bids", "A listing with bids cannot be ended early.");
    }
    status = status == ListingStatus.SCHEDULED ? ListingStatus.CANCELLED : ListingStatus.ENDED;
    endedAt = now;
    changed(now, Event.ListingEnded);
  }

  /**
   * The clock ran out. Fixed price listings and auctions without bids end here; an auction with
   * bids is closed by the auction service, which alone knows its winner.
   */
  public boolean expireIfDue(Instant now) {
    if (status != ListingStatus.ACTIVE
        || endsAt.isAfter(now)
        || (content.format() == ListingFormat.AUCTION && hasBids())) {
      return false;
    }
    status = ListingStatus.ENDED;
    endedAt = now;
    changed(now, Event.ListingEnded);
    return true;
  }

  /** The auction service reports bids: the count only grows, the price only moves with it. */
  public boolean bidsPlaced(int count, Doge price, Instant auctionEndsAt, Instant now) {
    if (content.format() != ListingFormat.AUCTION
        || !status.isOpen()
        || count < bidCount
        || (count == bidCount
            && price.equals(currentPrice)
            && (auctionEndsAt == null || auctionEndsAt.equals(endsAt)))) {
      return false;
    }
    bidCount = count;
    currentPrice = price;
    if (auctionEndsAt != null) {
      endsAt = auctionEndsAt;
    }
    changed(now, Event.ListingChanged);
    return true;
  }

  /** Soft close moved the end. */
  public boolean extendedTo(Instant auctionEndsAt, Instant now) {
    if (!status.isOpen() || auctionEndsAt == null || !auctionEndsAt.isAfter(endsAt)) {
      return false;
    }
    endsAt = auctionEndsAt;
    changed(now, Event.ListingChanged);
    return true;
  }

  /** The auction closed with a winner, or an item was bought. */
  public boolean sold(Doge finalPrice, Instant now) {
    if (!status.isOpen()) {
      return false;
    }
    status = ListingStatus.SOLD;
    currentPrice = finalPrice;
    quantitySold = content.quantity();
    endedAt = now;
    changed(now, Event.ListingEnded);
    return true;
  }

  /**
   * A buyer takes {@code quantity} units of an active fixed-price listing (checkout or an accepted
   * offer): the units sold go up, and the listing is SOLD once none is left. Guarded here, under
   * the row lock the caller holds, so concurrent buyers can never take more than there is.
   */
  public void purchase(String buyerId, int quantity, Instant now) {
    if (content.format() != ListingFormat.FIXED) {
      throw Refusal.wrongState("not-fixed-price", "Only a fixed-price listing is bought this way.");
    }
    if (sellerId.equals(buyerId)) {
      throw Refusal.notAllowed("You cannot buy your own listing.");
    }
    if (quantity < 1) {
      throw Refusal.invalid("quantity", "must be at least 1");
    }
    if (status != ListingStatus.ACTIVE) {
      throw Refusal.wrongState(
          status == ListingStatus.SOLD ? "sold-out" : "listing-not-active",
          status == ListingStatus.SOLD
              ? "This item is sold out."
              : "This listing is not on sale (it is " + status.json() + ").");
    }
    int available = content.quantity() - quantitySold;
    if (quantity > available) {
      throw Refusal.wrongState(
          "not-enough-quantity",
          "Only " + available + " of this item " + (available == 1 ? "is" : "are") + " left.");
    }
    quantitySold += quantity;
    if (quantitySold == content.quantity()) {
      status = ListingStatus.SOLD;
      endedAt = now;
      changed(now, Event.ListingEnded);
    } else {
      changed(now, Event.ListingChanged);
    }
  }

  /**
   * A purchase was undone (the buyer's payment failed, or the order was cancelled before payment):
   * its units are on sale again, and a listing sold out by it is active again while its time lasts.
   */
  public void restock(int quantity, Instant now) {
    if (quantity < 1 || quantity > quantitySold) {
      throw new IllegalArgumentException("cannot restock " + quantity + " of " + quantitySold);
    }
    quantitySold -= quantity;
    if (status == ListingStatus.SOLD && (endsAt == null || endsAt.isAfter(now))) {
      status = ListingStatus.ACTIVE;
      endedAt = null;
    }
    changed(now, Event.ListingChanged);
  }

  /** The auction closed without a sale. */
  public boolean unsold(Instant now) {
    if (!status.isOpen()) {
      return false;
    }
    status = ListingStatus.ENDED;
    endedAt = now;
    changed(now, Event.ListingEnded);
    return true;
  }

  /** A change that buyers see in search but that is not the seller's (a new photo became ready). */
  public void touched(Instant now) {
    changed(now, status == ListingStatus.DRAFT ? null : Event.ListingChanged);
  }

  private void changed(Instant now, Event event) {
    version++;
    updatedAt = now;
    if (event != null) {
      events.add(event);
    }
  }

  public List<Event> pendingEvents() {
    return List.copyOf(events);
  }

  void eventsPublished() {
    events.clear();
  }

  public boolean hasBids() {
    return bidCount > 0;
  }

  public UUID id() {
    return id;
  }

  public String sellerId() {
    return sellerId;
  }

  public String sellerName() {
    return sellerName;
  }

  public ListingContent content() {
    return content;
  }

  public ListingStatus status() {
    return status;
  }

  public Doge currentPrice() {
    return currentPrice;
  }

  public int quantitySold() {
    return quantitySold;
  }

  public Instant startsAt() {
    return startsAt;
  }

  public Instant endsAt() {
    return endsAt;
  }

  public Instant endedAt() {
    return endedAt;
  }

  public int bidCount() {
    return bidCount;
  }

  public long views() {
    return views;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }

  long loadedVersion() {
    return loadedVersion;
  }
}
