package com.dbay.auction.bidding;

import com.dbay.platform.money.Doge;
import java.time.Instant;

/**
 * What {@link BiddingService#close} found or did. The same outcome comes back on every later call,
 * with {@code endedNow} false: the auction ends exactly once.
 *
 * @param result SOLD, UNSOLD, NOT_DUE (the end has not come yet; {@code endsAt} says when) or
 *     NO_SUCH_AUCTION
 * @param holdReference the winner's wallet hold, which settlement turns into escrow
 */
public record CloseOutcome(
    String listingId,
    Result result,
    boolean endedNow,
    String sellerId,
    String winnerId,
    Doge finalPrice,
    String holdReference,
    int bidCount,
    Instant endsAt) {

  public enum Result {
    SOLD,
    UNSOLD,
    NOT_DUE,
    NO_SUCH_AUCTION
  }

  static CloseOutcome of(Auction a, boolean endedNow) {
    String listingId = a.terms().listingId();
    if (a.status() == Auction.Status.ACTIVE) {
      return new CloseOutcome(
          listingId,
          Result.NOT_DUE,
          false,
          a.terms().sellerId(),
          null,
          null,
          null,
          a.bidCount(),
          a.endsAt());
    }
    boolean sold = a.winnerId().isPresent();
    return new CloseOutcome(
        listingId,
        sold ? Result.SOLD : Result.UNSOLD,
        endedNow,
        a.terms().sellerId(),
        a.winnerId().orElse(null),
        sold ? a.currentPrice() : null,
        sold ? Auction.holdReference(listingId) : null,
        a.bidCount(),
        a.endsAt());
  }

  static CloseOutcome noSuchAuction(String listingId) {
    return new CloseOutcome(
        listingId, Result.NO_SUCH_AUCTION, false, null, null, null, null, 0, null);
  }
}
