package com.dbay.auction.bidding;

import com.dbay.platform.money.Doge;
import java.util.Objects;

/** One bid as it waits in its auction's lane. */
record BidRequest(String bidderId, String bidderAlias, Doge maxBid, String idempotencyKey)
    implements LaneCommand {

  BidRequest {
    Objects.requireNonNull(bidderId);
    Objects.requireNonNull(maxBid);
    Objects.requireNonNull(idempotencyKey);
  }
}
