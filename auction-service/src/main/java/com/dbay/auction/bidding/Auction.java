package com.dbay.auction.bidding;

import com.dbay.auction.bidding.AuctionEvents.AuctionEnded;
import com.dbay.auction.bidding.AuctionEvents.AuctionEvent;
import com.dbay.auction.bidding.AuctionEvents.AuctionExtended;
import com.dbay.auction.bidding.AuctionEvents.AuctionSold;
import com.dbay.auction.bidding.AuctionEvents.AuctionUnsold;
import com.dbay.auction.bidding.AuctionEvents.BidPlaced;
import com.dbay.platform.money.Doge;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One auction: proxy bidding with the increment table, a hidden reserve, Buy It Now and soft close
 * (DESIGN §4 "Auctions"). Bids are applied one at a time in the order the caller has fixed; every
 * accepted bid gets the next sequence number, so the bids of an auction are totally ordered.
 *
 * <p>Proxy bidding keeps only what decides the price: the leader, the leader's maximum and the
 * price. Every other bidder's maximum is at or below the price (the price is always at least the
 * second-highest maximum), so a new bid that can be accepted at all is above every one of them and
 * only ever competes with the leader.
 *
 * <p>Rules that other auction systems got wrong and that this class designs out: a refused bid
 * changes nothing (no extension, no sequence number); a leader raising their own maximum never
 * raises their own price (unless that maximum now meets the reserve, which is what the reserve is
 * for); a tie goes to the earlier bid; closing happens once.
 */
public final class Auction {

  public enum Status {
    ACTIVE,
    ENDED
  }

  private final AuctionTerms terms;
  private final AuctionRules rules;
  private Status status;
  private String leaderId;
  private Doge leaderMax;
  private Doge price;
  private int bidCount;
  private long lastSequence;
  private Instant endsAt;
  private String winnerId;
  private final List<AuctionEvent> events = new ArrayList<>();

  private Auction(
      AuctionTerms terms,
      AuctionRules rules,
      Status status,
      String leaderId,
      Doge leaderMax,
      Doge price,
      int bidCount,
      long lastSequence,
      Instant endsAt,
      String winnerId) {
    this.terms = Objects.requireNonNull(terms);
    this.rules = Objects.requireNonNull(rules);
    this.status = status;
    this.leaderId = leaderId;
    this.leaderMax = leaderMax;
    this.price = price;
    this.bidCount = bidCount;
    this.lastSequence = lastSequence;
    this.endsAt = endsAt;
    this.winnerId = winnerId;
  }

  /** A new auction from a published auction listing: no bids, the price at the start price. */
  public static Auction open(AuctionTerms terms, AuctionRules rules) {
    return new Auction(
        terms, rules, Status.ACTIVE, null, null, terms.startPrice(), 0, 0, terms.endsAt(), null);
  }

  /** An auction loaded from storage, as it was after its last accepted bid. */
  public static Auction restore(
      AuctionTerms terms,
      AuctionRules rules,
      Status status,
      String leaderId,
      Doge leaderMax,
      Doge price,
      int bidCount,
      long lastSequence,
      Instant endsAt,
      String winnerId) {
    if ((leaderId == null) != (leaderMax == null)) {
      throw new IllegalArgumentException("a leader comes with their maximum");
    }
    return new Auction(
        terms, rules, status, leaderId, leaderMax, price, bidCount, lastSequence, endsAt, winnerId);
  }

  /**
   * Applies one bid at {@code now} (the server's clock). The caller must apply an auction's bids
   * one at a time, in the order it acknowledges them.
   */
  public BidDecision placeBid(String bidderId, Doge maxBid, Instant now) {
    Optional<BidRefusal> refusal = check(bidderId, maxBid, now);
    if (refusal.isPresent()) {
      return new BidDecision.Refused(refusal.get(), minNextBid(), endsAt);
    }

    boolean selfRaise = bidderId.equals(leaderId);
    String previousLeader = leaderId;
    Doge previousLeaderMax = leaderMax;
    if (leaderId == null) {
      leaderId = bidderId;
      leaderMax = maxBid;
      price = terms.startPrice();
    } else if (selfRaise) {
      leaderMax = maxBid;
    } else if (maxBid.isGreaterThan(leaderMax)) {
      leaderId = bidderId;
      leaderMax = maxBid;
      price = Doge.min(maxBid, BidIncrements.above(previousLeaderMax));
    } else {
      // The leader's proxy answers; an equal maximum loses to the earlier bid.
      price = Doge.min(leaderMax, BidIncrements.above(maxBid));
    }
    if (terms.reserve().isPresent() && !leaderMax.isLessThan(terms.reserve().get())) {
      price = Doge.max(price, terms.reserve().get());
    }
    bidCount++;
    lastSequence++;
    boolean extended = !selfRaise && extendFor(now);

    boolean leaderChanged = !Objects.equals(previousLeader, leaderId);
    Optional<String> release =
        leaderChanged ? Optional.ofNullable(previousLeader) : Optional.empty();
    Optional<Doge> hold =
        Objects.equals(previousLeaderMax, leaderMax) && !leaderChanged
            ? Optional.empty()
            : Optional.of(leaderMax);
    events.add(
        new BidPlaced(
            terms.listingId(),
            lastSequence,
            bidderId,
            leaderId,
            leaderChanged ? previousLeader : null,
            price,
            minNextBid(),
            bidCount,
            isReserveMet(),
            selfRaise,
            endsAt,
            now));
    return new BidDecision.Accepted(
        lastSequence,
        bidderId.equals(leaderId),
        price,
        minNextBid(),
        endsAt,
        extended,
        release,
        hold);
  }

  /**
   * Why this bid would be refused now, without changing anything: lets the caller reserve the
   * bidder's funds only for bids that can be accepted, before applying them.
   */
  public Optional<BidRefusal> check(String bidderId, Doge maxBid, Instant now) {
    Objects.requireNonNull(bidderId, "bidderId");
    Objects.requireNonNull(maxBid, "maxBid");
    Optional<BidRefusal> refusal = refusalAt(now, bidderId);
    if (refusal.isEmpty()) {
      if (bidderId.equals(leaderId)) {
        if (!maxBid.isGreaterThan(leaderMax)) {
          refusal = Optional.of(BidRefusal.NOT_ABOVE_OWN_MAXIMUM);
        }
      } else if (maxBid.isLessThan(minNextBid())) {
        refusal = Optional.of(BidRefusal.BELOW_MINIMUM);
      }
    }
    return refusal;
  }

  /** Why Buy It Now would be refused now, without changing anything. */
  public Optional<BidRefusal> checkBuyItNow(String buyerId, Instant now) {
    Optional<BidRefusal> refusal = refusalAt(now, buyerId);
    if (refusal.isEmpty() && !isBuyItNowAvailable()) {
      refusal = Optional.of(BidRefusal.BUY_IT_NOW_UNAVAILABLE);
    }
    return refusal;
  }

  /** Buys the item at the Buy It Now price, which ends the auction at once. */
  public BidDecision buyItNow(String buyerId, Instant now) {
    Optional<BidRefusal> refusal = checkBuyItNow(buyerId, now);
    if (refusal.isPresent()) {
      return new BidDecision.Refused(refusal.get(), minNextBid(), endsAt);
    }
    Optional<String> release = Optional.ofNullable(leaderId).filter(l -> !l.equals(buyerId));
    Doge paid = terms.buyItNow().orElseThrow();
    status = Status.ENDED;
    winnerId = buyerId;
    leaderId = buyerId;
    leaderMax = paid;
    price = paid;
    lastSequence++;
    endsAt = now;
    events.add(ended("SOLD", "BUY_IT_NOW", buyerId, paid, now));
    events.add(new AuctionSold(terms.listingId(), terms.sellerId(), buyerId, paid, true, now));
    return new BidDecision.Accepted(
        lastSequence, true, paid, paid, now, false, release, Optional.of(paid));
  }

  /**
   * Ends the auction by the clock, once: the leader wins at the price when the reserve (if any) is
   * met. Returns empty when it is not yet time or when it already ended, so a retried close changes
   * nothing.
   */
  public Optional<AuctionEvent> close(Instant now) {
    if (status == Status.ENDED || now.isBefore(endsAt)) {
      return Optional.empty();
    }
    status = Status.ENDED;
    AuctionEvent ended;
    if (leaderId != null && isReserveMet()) {
      winnerId = leaderId;
      ended = new AuctionSold(terms.listingId(), terms.sellerId(), leaderId, price, false, endsAt);
    } else {
      ended =
          new AuctionUnsold(
              terms.listingId(), terms.sellerId(), leaderId, leaderId != null, endsAt);
    }
    events.add(
        ended(
            winnerId != null ? "SOLD" : "UNSOLD",
            "CLOCK",
            winnerId,
            winnerId != null ? price : null,
            endsAt));
    events.add(ended);
    return Optional.of(ended);
  }

  /**
   * The listing was ended early or cancelled by its seller (only possible without bids). Returns
   * false, changing nothing, when the auction already ended or has bids: an auction with bids runs
   * to its end (the listing cannot be ended then; a late report of the seller's end loses).
   */
  public boolean cancel(Instant now) {
    if (status == Status.ENDED || bidCount > 0 || leaderId != null) {
      return false;
    }
    status = Status.ENDED;
    endsAt = now.isBefore(endsAt) ? now : endsAt;
    events.add(ended("UNSOLD", "CANCELLED", null, null, now));
    events.add(new AuctionUnsold(terms.listingId(), terms.sellerId(), null, false, now));
    return true;
  }

  /** The wallet hold that backs a bidder's maximum in this auction. */
  public static String holdReference(String listingId) {
    return "auction-" + listingId;
  }

  private AuctionEnded ended(
      String outcome, String how, String winner, Doge finalPrice, Instant at) {
    return new AuctionEnded(
        terms.listingId(),
        terms.sellerId(),
        outcome,
        how,
        winner,
        finalPrice,
        winner == null ? null : holdReference(terms.listingId()),
        bidCount,
        price,
        endsAt,
        lastSequence,
        at);
  }

  private Optional<BidRefusal> refusalAt(Instant now, String bidderId) {
    if (status == Status.ENDED || !now.isBefore(endsAt)) {
      return Optional.of(BidRefusal.ENDED);
    }
    if (now.isBefore(terms.startsAt())) {
      return Optional.of(BidRefusal.NOT_STARTED);
    }
    if (bidderId.equals(terms.sellerId())) {
      return Optional.of(BidRefusal.SELLER_CANNOT_BID);
    }
    return Optional.empty();
  }

  /** Soft close: a bid inside the window moves the end to one window after it, within the cap. */
  private boolean extendFor(Instant bidAt) {
    if (Duration.between(bidAt, endsAt).compareTo(rules.softCloseWindow()) >= 0) {
      return false;
    }
    Instant latest = terms.endsAt().plus(rules.maxTotalExtension());
    Instant wanted = bidAt.plus(rules.softCloseWindow());
    Instant next = wanted.isAfter(latest) ? latest : wanted;
    if (!next.isAfter(endsAt)) {
      return false;
    }
    Instant previous = endsAt;
    endsAt = next;
    events.add(
        new AuctionExtended(
            terms.listingId(),
            lastSequence,
            previous,
            next,
            "A bid in the last "
                + rules.softCloseWindow().toMinutes()
                + " minutes extended the auction"));
    return true;
  }

  /** The smallest maximum a bidder other than the leader may bid now. */
  public Doge minNextBid() {
    return leaderId == null ? terms.startPrice() : BidIncrements.above(price);
  }

  public boolean isReserveMet() {
    return terms.reserve().isEmpty()
        ? leaderId != null
        : leaderMax != null && !leaderMax.isLessThan(terms.reserve().get());
  }

  /**
   * Buy It Now disappears once a bid meets the reserve, or with the first bid where there is none.
   */
  public boolean isBuyItNowAvailable() {
    return status == Status.ACTIVE && terms.buyItNow().isPresent() && !isReserveMet();
  }

  /** The events recorded since the last call, oldest first, for the outbox. */
  public List<AuctionEvent> pullEvents() {
    List<AuctionEvent> out = List.copyOf(events);
    events.clear();
    return out;
  }

  public AuctionTerms terms() {
    return terms;
  }

  public Status status() {
    return status;
  }

  public Optional<String> leaderId() {
    return Optional.ofNullable(leaderId);
  }

  /** The leader's maximum: for the leader's own view and the hold, never for anyone else. */
  public Optional<Doge> leaderMax() {
    return Optional.ofNullable(leaderMax);
  }

  public Doge currentPrice() {
    return price;
  }

  public int bidCount() {
    return bidCount;
  }

  public long lastSequence() {
    return lastSequence;
  }

  public Instant endsAt() {
    return endsAt;
  }

  public Optional<String> winnerId() {
    return Optional.ofNullable(winnerId);
  }
}
