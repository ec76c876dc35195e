package com.dbay.auction.bidding;

import com.dbay.platform.money.Doge;
import java.time.Instant;
import java.util.Optional;

/**
 * The answer to a bid: accepted with what the bidder needs to know, or refused with why. A refusal
 * is an ordinary outcome of bidding, not an error, so it is a value and not an exception.
 */
public sealed interface BidDecision {

  /**
   * @param leading whether the bidder is the high bidder after the bid
   * @param releaseHoldOf the bidder whose funds are no longer promised (the outbid leader), if any
   * @param holdFor the funds the leader must have held now: their maximum, when it changed
   */
  record Accepted(
      long sequence,
      boolean leading,
      Doge currentPrice,
      Doge minNextBid,
      Instant endsAt,
      boolean extended,
      Optional<String> releaseHoldOf,
      Optional<Doge> holdFor)
      implements BidDecision {}

  record Refused(BidRefusal reason, Doge minNextBid, Instant endsAt) implements BidDecision {}
}
