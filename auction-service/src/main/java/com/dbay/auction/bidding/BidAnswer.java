package com.dbay.auction.bidding;

import com.dbay.platform.money.Doge;
import java.time.Instant;

/**
 * What a bidder is told about one bid request, stored with the request so that a repeat with the
 * same idempotency key gets exactly this back.
 *
 * @param outcome ACCEPTED, REFUSED, NO_SUCH_AUCTION, KEY_REUSED (the key came with another
 *     maximum), or UNAVAILABLE (the wallet could not be asked; nothing changed and nothing was
 *     stored, so the same key may be retried)
 * @param refusal why, when REFUSED
 */
public record BidAnswer(
    Outcome outcome,
    String listingId,
    long sequence,
    boolean leading,
    Doge currentPrice,
    Doge minNextBid,
    Instant endsAt,
    boolean extended,
    BidRefusal refusal) {

  public enum Outcome {
    ACCEPTED,
    REFUSED,
    NO_SUCH_AUCTION,
    KEY_REUSED,
    UNAVAILABLE
  }

  static BidAnswer of(String listingId, BidDecision decision) {
    return switch (decision) {
      case BidDecision.Accepted a ->
          new BidAnswer(
              Outcome.ACCEPTED,
              listingId,
              a.sequence(),
              a.leading(),
              a.currentPrice(),
              a.minNextBid(),
              a.endsAt(),
              a.extended(),
              null);
      case BidDecision.Refused r ->
          new BidAnswer(
              Outcome.REFUSED,
              listingId,
              0,
              false,
              null,
              r.minNextBid(),
              r.endsAt(),
              false,
              r.reason());
    };
  }

  static BidAnswer noSuchAuction(String listingId) {
    return new BidAnswer(
        Outcome.NO_SUCH_AUCTION, listingId, 0, false, null, null, null, false, null);
  }

  static BidAnswer keyReused(String listingId) {
    return new BidAnswer(Outcome.KEY_REUSED, listingId, 0, false, null, null, null, false, null);
  }

  static BidAnswer unavailable(String listingId) {
    return new BidAnswer(Outcome.UNAVAILABLE, listingId, 0, false, null, null, null, false, null);
  }
}
