package com.dbay.auction.bidding;

import com.dbay.auction.bidding.AuctionEvents.AuctionEvent;
import java.util.List;
import java.util.Map;

/**
 * Told about an auction's state after each durable commit of its lane, in commit order, so that
 * read models (the hot state in Redis) and live updates follow PostgreSQL, which stays the truth.
 * Called on the lane's thread after the transaction committed and before the bidders are answered;
 * an implementation must not throw (the bids are already durable) and should be quick.
 */
public interface AuctionUpdates {

  /**
   * @param auction the auction as committed (not to be changed)
   * @param events the events this commit recorded, oldest first
   * @param aliases the public alias of every bidder of this commit, by bidder id
   */
  void committed(Auction auction, List<AuctionEvent> events, Map<String, String> aliases);
}
