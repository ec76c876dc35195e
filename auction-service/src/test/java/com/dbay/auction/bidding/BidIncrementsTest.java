package com.dbay.auction.bidding;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.money.Doge;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BidIncrementsTest {

  @ParameterizedTest(name = "at a price of {0} DOGE the increment is {1}")
  @CsvSource({
    "0.00000001, 0.5", "9.99999999, 0.5",
    "10, 1", "99.99999999, 1",
    "100, 5", "499.99999999, 5",
    "500, 10", "999.99999999, 10",
    "1000, 25", "4999.99999999, 25",
    "5000, 50", "9999.99999999, 50",
    "10000, 100", "49999.99999999, 100",
    "50000, 250", "99999.99999999, 250",
    "100000, 500", "25000000, 500",
  })
  void theIncrementChangesExactlyAtEachBoundaryOfTheTable(String price, String increment) {
    assertThat(BidIncrements.at(Doge.parse(price))).isEqualTo(Doge.parse(increment));
  }

  @ParameterizedTest(name = "one increment above {0} is {1}")
  @CsvSource({"9.5, 10", "10, 11", "99.5, 100.5", "100, 105"})
  void aboveAddsTheIncrementOfThePriceLevel(String price, String next) {
    assertThat(BidIncrements.above(Doge.parse(price))).isEqualTo(Doge.parse(next));
  }
}
