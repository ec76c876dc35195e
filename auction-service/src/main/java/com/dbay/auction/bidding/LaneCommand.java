package com.dbay.auction.bidding;

import java.time.Instant;
import java.util.Set;

/**
 * What runs in an auction's lane, one at a time in arrival order: bids, Buy It Now, the close by
 * the clock, the seller's early end, and setting bidders' holds right. Everything that changes an
 * auction goes through its lane, so nothing races a batch of bids.
 */
sealed interface LaneCommand
    permits BidRequest,
        LaneCommand.BuyNow,
        LaneCommand.Close,
        LaneCommand.Cancel,
        LaneCommand.SyncHolds {

  record BuyNow(String buyerId, String buyerAlias, String idempotencyKey) implements LaneCommand {}

  record Close(Instant now) implements LaneCommand {}

  record Cancel(Instant now) implements LaneCommand {}

  record SyncHolds(Set<String> bidders) implements LaneCommand {}
}
