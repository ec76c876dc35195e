package com.dbay.auction.bidding;

import com.dbay.platform.money.Doge;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bidders' funds: one wallet hold per bidder and auction ({@link Auction#holdReference}) that
 * backs the bidder's maximum while they lead. Every call sets the hold to an exact amount, so
 * repeating one is harmless and the last call for a bidder decides.
 */
public interface Funds {

  enum Outcome {
    HELD,
    /** The bidder's available balance cannot cover the amount; nothing changed. */
    INSUFFICIENT,
    /** The account is suspended; nothing changed. */
    SUSPENDED,
    /**
     * The wallet could not be asked (down, slow, refused us): the hold is as it was, or unknown.
     */
    UNAVAILABLE
  }

  /** Sets the bidder's hold on the auction to exactly {@code amount}. */
  Outcome hold(String userId, String listingId, Doge amount);

  /** Releases the bidder's hold on the auction (nothing held is fine); false when not confirmed. */
  boolean release(String userId, String listingId);

  /**
   * Sets the holds of many bidders on one auction, each to exactly its amount (zero releases), and
   * answers each bidder's outcome ({@code HELD}: the hold is now as asked). Implementations ask the
   * wallet once for all of them; this default asks once per bidder.
   */
  default Map<String, Outcome> setHolds(String listingId, Map<String, Doge> amounts) {
    Map<String, Outcome> out = new LinkedHashMap<>();
    amounts.forEach(
        (bidder, amount) ->
            out.put(
                bidder,
                amount.isPositive()
                    ? hold(bidder, listingId, amount)
                    : release(bidder, listingId) ? Outcome.HELD : Outcome.UNAVAILABLE));
    return out;
  }
}
