package com.dbay.auction.bidding;

/** Why a bid or a Buy It Now was not accepted. Nothing in the auction changes when one is given. */
public enum BidRefusal {
  NOT_STARTED("The auction has not started yet."),
  ENDED("The auction has ended."),
  SELLER_CANNOT_BID("Sellers cannot bid on their own listings."),
  BELOW_MINIMUM("Your maximum bid is below the minimum next bid."),
  NOT_ABOVE_OWN_MAXIMUM(
      "You are already the high bidder; a new maximum must be higher than your current one."),
  BUY_IT_NOW_UNAVAILABLE("Buy It Now is no longer available on this auction."),
  INSUFFICIENT_FUNDS(
      "Your available balance cannot cover this maximum bid, which must be held while you lead. Deposit DOGE or bid a lower maximum."),
  ACCOUNT_SUSPENDED("This account is suspended: it cannot bid.");

  private final String detail;

  BidRefusal(String detail) {
    this.detail = detail;
  }

  public String detail() {
    return detail;
  }
}
