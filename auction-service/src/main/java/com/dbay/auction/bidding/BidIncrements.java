package com.dbay.auction.bidding;

import com.dbay.platform.money.Doge;

/**
 * The DOGE increment table (DESIGN §4): the step between the price and the smallest bid that can
 * beat it. The increment is chosen by the price level it is added to, as eBay's table is.
 */
public final class BidIncrements {

  private static final long[][] TABLE = {
    // price below (whole DOGE), increment (koinu)
    {10, 50_000_000L},
    {100, 100_000_000L},
    {500, 500_000_000L},
    {1_000, 1_000_000_000L},
    {5_000, 2_500_000_000L},
    {10_000, 5_000_000_000L},
    {50_000, 10_000_000_000L},
    {100_000, 25_000_000_000L},
  };
  private static final long TOP_INCREMENT = 50_000_000_000L;

  private BidIncrements() {}

  public static Doge at(Doge price) {
    for (long[] row : TABLE) {
      if (price.koinu() < row[0] * Doge.KOINU_PER_DOGE) {
        return Doge.ofKoinu(row[1]);
      }
    }
    return Doge.ofKoinu(TOP_INCREMENT);
  }

  /** The price plus one increment at its level. */
  public static Doge above(Doge price) {
    return price.plus(at(price));
  }
}
