package com.dbay.auction.bidding;

import com.dbay.auction.bidding.AuctionEvents.AuctionEvent;
import java.util.List;
import java.util.Map;

/**
 * Told after each commit of an auction's lane, with the auction as committed and the events of that
 * commit (oldest first): the seam for the hot state in Redis and the real-time frames. Called in
 * the lane, before the next batch of the same auction runs, so calls for one auction arrive in
 * commit order. It must be quick and must not throw (a failure is logged; the bids are committed
 * whatever happens here). The outbox carries the same events to the bus independently.
 *
 * <p>Every bean of this type is called (none is fine): declare one as a {@code @Component}.
 */
public interface AuctionUpdates {

  /**
   * @param auction the auction as committed (not to be changed)
   * @param events the events this commit recorded, oldest first
   * @param aliases the public alias of every bidder or buyer of this commit, by user id
   */
  void committed(Auction auction, List<AuctionEvent> events, Map<String, String> aliases);
}
