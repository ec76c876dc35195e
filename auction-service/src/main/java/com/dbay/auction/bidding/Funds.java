package com.dbay.auction.bidding;

import com.dbay.platform.money.Doge;

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
}
