package com.dbay.lambda.auctioncloser;

import java.util.Map;

/**
 * What AuctionCloseWorkflow's steps do, each idempotent so that a step run again after a crash
 * changes nothing the first run already did.
 */
public interface Settlement {

  /**
   * The ended auction's outcome: {@code sold}, {@code sellerId}, {@code winnerId}, {@code
   * finalPrice} (sold only) and {@code otherBidders}.
   */
  Map<String, Object> outcome(String listingId);

  /** The order of the win, created once per auction; answers at least {@code orderId}. */
  Map<String, Object> createOrder(String listingId, String buyerId, String sellerId, String price);

  /**
   * Turns the winner's hold {@code auction-<listingId>} into the order's escrow at {@code amount}
   * (the rest of the hold goes back to the winner), once.
   */
  Map<String, Object> fundEscrow(
      String listingId, String orderId, String buyerId, String sellerId, String amount);

  /** Releases {@code userId}'s hold on the auction (nothing to do when there is none). */
  Map<String, Object> releaseHold(String listingId, String userId);

  /** The wallet hold reference of a bid on this auction (team contract). */
  static String holdReference(String listingId) {
    return "auction-" + listingId;
  }
}
