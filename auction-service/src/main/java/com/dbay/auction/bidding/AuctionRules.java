package com.dbay.auction.bidding;

import java.time.Duration;

/**
 * The configurable part of the auction rules: how late a bid must come to extend the end, and how
 * far all extensions together may push it.
 */
public record AuctionRules(Duration softCloseWindow, Duration maxTotalExtension) {

  public static final AuctionRules DEFAULT =
      new AuctionRules(Duration.ofMinutes(2), Duration.ofMinutes(60));

  public AuctionRules {
    if (softCloseWindow.isNegative() || maxTotalExtension.isNegative()) {
      throw new IllegalArgumentException("soft-close durations must not be negative");
    }
  }
}
