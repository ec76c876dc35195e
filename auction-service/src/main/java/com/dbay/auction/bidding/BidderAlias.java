package com.dbay.auction.bidding;

/**
 * eBay-style anonymous bidder names in public bid histories: {@code alice} becomes {@code a***e}.
 */
public final class BidderAlias {

  private BidderAlias() {}

  public static String of(String username) {
    if (username == null || username.isBlank()) {
      return "*****";
    }
    String name = username.strip();
    int first = name.codePointAt(0);
    int last = name.codePointBefore(name.length());
    return new StringBuilder()
        .appendCodePoint(first)
        .append("***")
        .appendCodePoint(last)
        .toString();
  }
}
