package com.dbay.auction.bidding;

import java.util.Optional;

/**
 * Where readers get an auction's current state without a database read per view: the hot state
 * (implemented by the live feature over Redis, rebuilt from PostgreSQL when missing).
 */
public interface CurrentAuctions {

  Optional<Current> find(String listingId);

  /** An auction as a reader sees it, with its leader's public alias (null without a leader). */
  record Current(Auction auction, String leaderAlias) {}
}
