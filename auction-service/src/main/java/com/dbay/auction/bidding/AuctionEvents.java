package com.dbay.auction.bidding;

import com.dbay.platform.money.Doge;
import java.time.Instant;

/**
 * The events the auction aggregate records, named as they travel on the bus ({@code detail-type}).
 * A bidder's maximum never leaves the aggregate in an event: it is secret to its bidder.
 */
public final class AuctionEvents {

  private AuctionEvents() {}

  /** Marker for the records below. */
  public sealed interface AuctionEvent
      permits BidPlaced, AuctionExtended, AuctionEnded, AuctionSold, AuctionUnsold {
    String listingId();
  }

  /**
   * An accepted bid. {@code previousLeaderId} is set when this bid took the lead from someone (who
   * is now outbid); {@code selfRaise} when the leader only raised their own maximum.
   */
  public record BidPlaced(
      String listingId,
      long sequence,
      String bidderId,
      String leaderId,
      String previousLeaderId,
      Doge currentPrice,
      Doge minNextBid,
      int bidCount,
      boolean reserveMet,
      boolean selfRaise,
      Instant endsAt,
      Instant placedAt)
      implements AuctionEvent {}

  /** A late bid moved the end. */
  public record AuctionExtended(
      String listingId, long bySequence, Instant previousEndsAt, Instant endsAt, String reason)
      implements AuctionEvent {}

  /** The auction ended with a winner: by the clock with the reserve met, or by Buy It Now. */
  public record AuctionSold(
      String listingId,
      String sellerId,
      String winnerId,
      Doge finalPrice,
      boolean boughtNow,
      Instant endedAt)
      implements AuctionEvent {}

  /** The auction ended without a sale: no bids, or the reserve not met. */
  public record AuctionUnsold(
      String listingId,
      String sellerId,
      String highBidderId,
      boolean reserveNotMet,
      Instant endedAt)
      implements AuctionEvent {}

  /**
   * The auction is over, whatever the way (the clock, Buy It Now, the seller ending it early
   * without bids): what starts {@code AuctionCloseWorkflow}. Recorded once per auction, just before
   * {@link AuctionSold} or {@link AuctionUnsold}.
   *
   * @param outcome {@code SOLD} or {@code UNSOLD}
   * @param how {@code CLOCK}, {@code BUY_IT_NOW} or {@code CANCELLED}
   * @param holdReference the wallet hold of the winner ({@code auction-<listingId>}), when sold
   * @param currentPrice the price at the end (also when unsold), and {@code endsAt}, {@code
   *     version} (the auction's last sequence number): what search's auction update reads
   */
  public record AuctionEnded(
      String listingId,
      String sellerId,
      String outcome,
      String how,
      String winnerId,
      Doge finalPrice,
      String holdReference,
      int bidCount,
      Doge currentPrice,
      Instant endsAt,
      long version,
      Instant endedAt)
      implements AuctionEvent {}
}
