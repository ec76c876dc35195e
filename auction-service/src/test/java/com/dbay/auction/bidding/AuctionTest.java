package com.dbay.auction.bidding;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.auction.bidding.AuctionEvents.AuctionEnded;
import com.dbay.auction.bidding.AuctionEvents.AuctionExtended;
import com.dbay.auction.bidding.AuctionEvents.AuctionSold;
import com.dbay.auction.bidding.AuctionEvents.AuctionUnsold;
import com.dbay.auction.bidding.AuctionEvents.BidPlaced;
import com.dbay.platform.money.Doge;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuctionTest {

  static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
  static final Instant END = START.plus(Duration.ofDays(1));

  static Doge doge(String text) {
    return Doge.parse(text);
  }

  static Auction auction(String start, String reserve, String buyItNow) {
    return Auction.open(
        new AuctionTerms(
            "L1",
            "seller",
            doge(start),
            Optional.ofNullable(reserve).map(Doge::parse),
            Optional.ofNullable(buyItNow).map(Doge::parse),
            START,
            END),
        AuctionRules.DEFAULT);
  }

  static BidDecision.Accepted accepted(BidDecision decision) {
    assertThat(decision).isInstanceOf(BidDecision.Accepted.class);
    return (BidDecision.Accepted) decision;
  }

  static BidRefusal refused(BidDecision decision) {
    assertThat(decision).isInstanceOf(BidDecision.Refused.class);
    return ((BidDecision.Refused) decision).reason();
  }

  static final Instant T = START.plusSeconds(60);

  @Nested
  class ProxyBidding {

    @Test
    void theFirstBidLeadsAtTheStartPriceWhateverItsMaximum() {
      Auction a = auction("5", null, null);
      var d = accepted(a.placeBid("bob", doge("50"), T));
      assertThat(d.leading()).isTrue();
      assertThat(d.currentPrice()).isEqualTo(doge("5"));
      assertThat(d.minNextBid()).isEqualTo(doge("5.5"));
      assertThat(d.holdFor()).contains(doge("50"));
      assertThat(d.releaseHoldOf()).isEmpty();
    }

    @Test
    void aLowerChallengerIsOutbidByTheLeadersProxyAtOneIncrementAboveTheChallenge() {
      Auction a = auction("5", null, null);
      a.placeBid("bob", doge("50"), T);
      var d = accepted(a.placeBid("carol", doge("20"), T));
      assertThat(d.leading()).isFalse();
      assertThat(a.leaderId()).contains("bob");
      assertThat(d.currentPrice()).isEqualTo(doge("21"));
      assertThat(d.holdFor()).as("the leader's hold is unchanged").isEmpty();
      assertThat(d.releaseHoldOf()).isEmpty();
    }

    @Test
    void aHigherChallengerLeadsAtOneIncrementAboveTheOldMaximum() {
      Auction a = auction("5", null, null);
      a.placeBid("bob", doge("50"), T);
      var d = accepted(a.placeBid("carol", doge("80"), T));
      assertThat(d.leading()).isTrue();
      assertThat(d.currentPrice()).isEqualTo(doge("51"));
      assertThat(d.holdFor()).contains(doge("80"));
      assertThat(d.releaseHoldOf()).contains("bob");
    }

    @Test
    void theNewLeadersPriceIsCappedAtTheirOwnMaximum() {
      Auction a = auction("5", null, null);
      a.placeBid("bob", doge("50"), T);
      var d = accepted(a.placeBid("carol", doge("50.5"), T));
      assertThat(d.currentPrice()).isEqualTo(doge("50.5"));
      assertThat(a.leaderId()).contains("carol");
    }

    @Test
    void aTieGoesToTheEarlierBidAtThatMaximum() {
      Auction a = auction("5", null, null);
      a.placeBid("bob", doge("50"), T);
      var d = accepted(a.placeBid("carol", doge("50"), T.plusSeconds(1)));
      assertThat(d.leading()).isFalse();
      assertThat(a.leaderId()).contains("bob");
      assertThat(d.currentPrice()).isEqualTo(doge("50"));
    }

    @Test
    void aBidBelowTheMinimumNextBidIsRefusedAndChangesNothing() {
      Auction a = auction("5", null, null);
      a.placeBid("bob", doge("50"), T);
      a.placeBid("carol", doge("20"), T);
      a.pullEvents();
      var refusal = a.placeBid("dave", doge("21.99999999"), T);
      assertThat(refused(refusal)).isEqualTo(BidRefusal.BELOW_MINIMUM);
      assertThat(((BidDecision.Refused) refusal).minNextBid()).isEqualTo(doge("22"));
      assertThat(a.bidCount()).isEqualTo(2);
      assertThat(a.lastSequence()).isEqualTo(2);
      assertThat(a.currentPrice()).isEqualTo(doge("21"));
      assertThat(a.pullEvents()).isEmpty();
    }

    @Test
    void theFirstBidMustReachTheStartPrice() {
      Auction a = auction("5", null, null);
      assertThat(refused(a.placeBid("bob", doge("4.99999999"), T)))
          .isEqualTo(BidRefusal.BELOW_MINIMUM);
      assertThat(accepted(a.placeBid("bob", doge("5"), T)).currentPrice()).isEqualTo(doge("5"));
    }

    @Test
    void raisingYourOwnMaximumNeverRaisesYourOwnPrice() {
      Auction a = auction("5", null, null);
      a.placeBid("bob", doge("10"), T);
      a.placeBid("carol", doge("9.8"), T);
      assertThat(a.currentPrice()).as("capped at bob's maximum").isEqualTo(doge("10"));
      var d = accepted(a.placeBid("bob", doge("100"), T));
      assertThat(d.currentPrice()).isEqualTo(doge("10"));
      assertThat(d.holdFor()).as("the hold follows the new maximum").contains(doge("100"));
      assertThat(d.releaseHoldOf()).isEmpty();
    }

    @Test
    void aLeaderMayNotLowerOrRepeatTheirMaximum() {
      Auction a = auction("5", null, null);
      a.placeBid("bob", doge("10"), T);
      assertThat(refused(a.placeBid("bob", doge("10"), T)))
          .isEqualTo(BidRefusal.NOT_ABOVE_OWN_MAXIMUM);
      assertThat(refused(a.placeBid("bob", doge("9"), T)))
          .isEqualTo(BidRefusal.NOT_ABOVE_OWN_MAXIMUM);
      assertThat(a.leaderMax()).contains(doge("10"));
    }

    @Test
    void theSellerCannotBid() {
      Auction a = auction("5", null, null);
      assertThat(refused(a.placeBid("seller", doge("10"), T)))
          .isEqualTo(BidRefusal.SELLER_CANNOT_BID);
      assertThat(a.bidCount()).isZero();
    }

    @Test
    void bidsBeforeTheStartOrAtAndAfterTheEndAreRefused() {
      Auction a = auction("5", null, null);
      assertThat(refused(a.placeBid("bob", doge("10"), START.minusMillis(1))))
          .isEqualTo(BidRefusal.NOT_STARTED);
      assertThat(refused(a.placeBid("bob", doge("10"), END))).isEqualTo(BidRefusal.ENDED);
      assertThat(refused(a.placeBid("bob", doge("10"), END.plusSeconds(1))))
          .isEqualTo(BidRefusal.ENDED);
    }

    @Test
    void everyAcceptedBidTakesTheNextSequenceNumberAndRecordsItsEvent() {
      Auction a = auction("5", null, null);
      a.placeBid("bob", doge("50"), T);
      a.placeBid("carol", doge("80"), T);
      var events = a.pullEvents();
      assertThat(events).hasSize(2).allMatch(BidPlaced.class::isInstance);
      var second = (BidPlaced) events.get(1);
      assertThat(second.sequence()).isEqualTo(2);
      assertThat(second.previousLeaderId()).isEqualTo("bob");
      assertThat(second.leaderId()).isEqualTo("carol");
      assertThat(second.currentPrice()).isEqualTo(doge("51"));
      assertThat(a.pullEvents()).as("pulled once").isEmpty();
    }
  }

  @Nested
  class Reserve {

    @Test
    void thePriceJumpsToTheReserveWhenAMaximumReachesIt() {
      Auction a = auction("5", "100", null);
      var first = accepted(a.placeBid("bob", doge("60"), T));
      assertThat(first.currentPrice()).isEqualTo(doge("5"));
      assertThat(a.isReserveMet()).isFalse();
      var second = accepted(a.placeBid("carol", doge("150"), T));
      assertThat(second.currentPrice()).isEqualTo(doge("100"));
      assertThat(a.isReserveMet()).isTrue();
    }

    @Test
    void aLeaderRaisingTheirMaximumToTheReserveMovesThePriceToTheReserve() {
      Auction a = auction("5", "100", null);
      a.placeBid("bob", doge("60"), T);
      var d = accepted(a.placeBid("bob", doge("120"), T));
      assertThat(d.currentPrice()).isEqualTo(doge("100"));
      assertThat(a.isReserveMet()).isTrue();
    }

    @Test
    void anAuctionWhoseReserveWasNotMetEndsUnsold() {
      Auction a = auction("5", "100", null);
      a.placeBid("bob", doge("60"), T);
      var ended = a.close(END).orElseThrow();
      assertThat(ended).isEqualTo(new AuctionUnsold("L1", "seller", "bob", true, END));
      assertThat(a.winnerId()).isEmpty();
    }
  }

  @Nested
  class BuyItNow {

    @Test
    void buyingNowEndsTheAuctionAtTheBuyItNowPrice() {
      Auction a = auction("5", null, "40");
      var d = accepted(a.buyItNow("carol", T));
      assertThat(d.currentPrice()).isEqualTo(doge("40"));
      assertThat(a.status()).isEqualTo(Auction.Status.ENDED);
      assertThat(a.winnerId()).contains("carol");
      assertThat(a.pullEvents())
          .containsExactly(
              new AuctionEnded(
                  "L1",
                  "seller",
                  "SOLD",
                  "BUY_IT_NOW",
                  "carol",
                  doge("40"),
                  "auction-L1",
                  0,
                  doge("40"),
                  T,
                  1,
                  T),
              new AuctionSold("L1", "seller", "carol", doge("40"), true, T));
      assertThat(refused(a.placeBid("bob", doge("50"), T))).isEqualTo(BidRefusal.ENDED);
    }

    @Test
    void itDisappearsWithTheFirstBidWhenThereIsNoReserve() {
      Auction a = auction("5", null, "40");
      a.placeBid("bob", doge("6"), T);
      assertThat(a.isBuyItNowAvailable()).isFalse();
      assertThat(refused(a.buyItNow("carol", T))).isEqualTo(BidRefusal.BUY_IT_NOW_UNAVAILABLE);
      assertThat(a.status()).isEqualTo(Auction.Status.ACTIVE);
    }

    @Test
    void itStaysUntilABidMeetsTheReserveAndReleasesTheOutbidLeader() {
      Auction a = auction("5", "30", "40");
      a.placeBid("bob", doge("20"), T);
      assertThat(a.isBuyItNowAvailable()).isTrue();
      var d = accepted(a.buyItNow("carol", T));
      assertThat(d.releaseHoldOf()).contains("bob");
      Auction b = auction("5", "30", "40");
      b.placeBid("bob", doge("30"), T);
      assertThat(refused(b.buyItNow("carol", T))).isEqualTo(BidRefusal.BUY_IT_NOW_UNAVAILABLE);
    }
  }

  @Nested
  class SoftClose {

    @Test
    void aBidInTheLastTwoMinutesMovesTheEndToTwoMinutesAfterIt() {
      Auction a = auction("5", null, null);
      Instant late = END.minusSeconds(30);
      var d = accepted(a.placeBid("bob", doge("10"), late));
      assertThat(d.extended()).isTrue();
      assertThat(a.endsAt()).isEqualTo(late.plus(Duration.ofMinutes(2)));
      assertThat(a.pullEvents())
          .anyMatch(
              e ->
                  e instanceof AuctionExtended x
                      && x.previousEndsAt().equals(END)
                      && x.endsAt().equals(late.plusSeconds(120))
                      && !x.reason().isBlank());
    }

    @Test
    void aBidExactlyTwoMinutesBeforeTheEndDoesNotExtend() {
      Auction a = auction("5", null, null);
      assertThat(accepted(a.placeBid("bob", doge("10"), END.minusSeconds(120))).extended())
          .isFalse();
      assertThat(a.endsAt()).isEqualTo(END);
    }

    @Test
    void aRefusedBidNeverExtends() {
      Auction a = auction("5", null, null);
      a.placeBid("bob", doge("10"), T);
      a.pullEvents();
      assertThat(refused(a.placeBid("carol", doge("5.4"), END.minusSeconds(10))))
          .isEqualTo(BidRefusal.BELOW_MINIMUM);
      assertThat(a.endsAt()).isEqualTo(END);
      assertThat(a.pullEvents()).isEmpty();
    }

    @Test
    void theLeaderRaisingTheirOwnMaximumDoesNotExtend() {
      Auction a = auction("5", null, null);
      a.placeBid("bob", doge("10"), T);
      var d = accepted(a.placeBid("bob", doge("20"), END.minusSeconds(10)));
      assertThat(d.extended()).isFalse();
      assertThat(a.endsAt()).isEqualTo(END);
    }

    @Test
    void allExtensionsTogetherStopSixtyMinutesAfterTheOriginalEnd() {
      Auction a = auction("5", null, null);
      String[] bidders = {"bob", "carol"};
      Doge max = doge("5");
      Instant at = END.minusSeconds(60);
      for (int i = 0; i < 200 && at.isBefore(a.endsAt()); i++) {
        max = BidIncrements.above(max).plus(doge("100"));
        a.placeBid(bidders[i % 2], max, at);
        at = a.endsAt().minusSeconds(10);
      }
      assertThat(a.endsAt()).isEqualTo(END.plus(Duration.ofMinutes(60)));
      assertThat(refused(a.placeBid("dave", doge("1000000"), a.endsAt())))
          .isEqualTo(BidRefusal.ENDED);
    }
  }

  @Nested
  class Closing {

    @Test
    void theLeaderWinsAtTheCurrentPrice() {
      Auction a = auction("5", null, null);
      a.placeBid("bob", doge("50"), T);
      a.placeBid("carol", doge("20"), T);
      a.pullEvents();
      assertThat(a.close(END))
          .contains(new AuctionSold("L1", "seller", "bob", doge("21"), false, END));
      assertThat(a.winnerId()).contains("bob");
    }

    @Test
    void closingHappensOnceAndNotBeforeTheEnd() {
      Auction a = auction("5", null, null);
      assertThat(a.close(END.minusMillis(1))).isEmpty();
      assertThat(a.status()).isEqualTo(Auction.Status.ACTIVE);
      assertThat(a.close(END)).contains(new AuctionUnsold("L1", "seller", null, false, END));
      assertThat(a.close(END.plusSeconds(5))).isEmpty();
      // AuctionEnded (what starts the close workflow) and AuctionUnsold, once.
      assertThat(a.pullEvents())
          .containsExactly(
              new AuctionEnded(
                  "L1", "seller", "UNSOLD", "CLOCK", null, null, null, 0, doge("5"), END, 0, END),
              new AuctionUnsold("L1", "seller", null, false, END));
    }
  }

  @Nested
  class IncrementsInBidding {

    @ParameterizedTest(
        name = "a challenger over a leader at {0} pays {1}; the minimum next bid is {2}")
    @CsvSource({
      "9.99999999, 10.49999999, 11.49999999",
      "10, 11, 12",
      "99.99999999, 100.99999999, 105.99999999",
      "100, 105, 110",
      "499.99999999, 504.99999999, 514.99999999",
      "500, 510, 520",
      "999.99999999, 1009.99999999, 1034.99999999",
      "1000, 1025, 1050",
      "4999.99999999, 5024.99999999, 5074.99999999",
      "5000, 5050, 5100",
      "9999.99999999, 10049.99999999, 10149.99999999",
      "10000, 10100, 10200",
      "49999.99999999, 50099.99999999, 50349.99999999",
      "50000, 50250, 50500",
      "99999.99999999, 100249.99999999, 100749.99999999",
      "100000, 100500, 101000",
    })
    void theChallengerPaysOneIncrementAboveTheOldMaximumAtEveryBoundaryOfTheTable(
        String leaderMax, String price, String minNext) {
      Auction a = auction("0.00000001", null, null);
      a.placeBid("bob", doge(leaderMax), T);
      var d = accepted(a.placeBid("carol", doge("1000000"), T.plusSeconds(1)));
      assertThat(d.leading()).isTrue();
      assertThat(d.currentPrice()).isEqualTo(doge(price));
      assertThat(d.minNextBid()).isEqualTo(doge(minNext));
      assertThat(d.releaseHoldOf()).contains("bob");
      assertThat(d.holdFor()).contains(doge("1000000"));
    }
  }

  @Nested
  class Checking {

    @Test
    void checkingABidTellsTheSameRefusalAsPlacingItAndChangesNothing() {
      Auction a = auction("5", null, null);
      a.placeBid("bob", doge("20"), T);
      a.pullEvents();
      assertThat(a.check("carol", doge("5.4"), T)).contains(BidRefusal.BELOW_MINIMUM);
      assertThat(a.check("bob", doge("20"), T)).contains(BidRefusal.NOT_ABOVE_OWN_MAXIMUM);
      assertThat(a.check("seller", doge("50"), T)).contains(BidRefusal.SELLER_CANNOT_BID);
      assertThat(a.check("carol", doge("50"), START.minusSeconds(1)))
          .contains(BidRefusal.NOT_STARTED);
      assertThat(a.check("carol", doge("50"), END)).contains(BidRefusal.ENDED);
      assertThat(a.check("carol", doge("50"), T)).isEmpty();
      assertThat(a.bidCount()).isEqualTo(1);
      assertThat(a.leaderId()).contains("bob");
      assertThat(a.pullEvents()).isEmpty();
      assertThat(refused(a.placeBid("carol", doge("5.4"), T))).isEqualTo(BidRefusal.BELOW_MINIMUM);
    }

    @Test
    void buyItNowIsCheckedWithoutBuying() {
      Auction a = auction("5", null, "40");
      assertThat(a.checkBuyItNow("carol", T)).isEmpty();
      assertThat(a.checkBuyItNow("seller", T)).contains(BidRefusal.SELLER_CANNOT_BID);
      assertThat(a.status()).isEqualTo(Auction.Status.ACTIVE);
      a.placeBid("bob", doge("10"), T);
      assertThat(a.checkBuyItNow("carol", T)).contains(BidRefusal.BUY_IT_NOW_UNAVAILABLE);
    }
  }

  @Nested
  class EndingEarly {

    @Test
    void theSellersEarlyEndFinishesAnAuctionWithoutBidsOnceAndSaysSo() {
      Auction a = auction("5", null, "40");
      assertThat(a.cancel(T)).isTrue();
      assertThat(a.status()).isEqualTo(Auction.Status.ENDED);
      assertThat(a.endsAt()).isEqualTo(T);
      assertThat(a.winnerId()).isEmpty();
      assertThat(a.cancel(T.plusSeconds(1))).isFalse();
      assertThat(a.pullEvents())
          .containsExactly(
              new AuctionEnded(
                  "L1", "seller", "UNSOLD", "CANCELLED", null, null, null, 0, doge("5"), T, 0, T),
              new AuctionUnsold("L1", "seller", null, false, T));
      assertThat(refused(a.placeBid("bob", doge("10"), T.plusSeconds(2))))
          .isEqualTo(BidRefusal.ENDED);
    }

    @Test
    void anAuctionWithBidsIsNeverEndedEarly() {
      Auction a = auction("5", null, null);
      a.placeBid("bob", doge("10"), T);
      a.pullEvents();
      assertThat(a.cancel(T.plusSeconds(5))).isFalse();
      assertThat(a.status()).isEqualTo(Auction.Status.ACTIVE);
      assertThat(a.endsAt()).isEqualTo(END);
      assertThat(a.pullEvents()).isEmpty();
    }

    @Test
    void aSoldCloseRecordsAuctionEndedWithTheWinnersHoldFirst() {
      Auction a = auction("5", null, null);
      a.placeBid("bob", doge("50"), T);
      a.placeBid("carol", doge("20"), T);
      a.pullEvents();
      a.close(END);
      assertThat(a.pullEvents())
          .containsExactly(
              new AuctionEnded(
                  "L1",
                  "seller",
                  "SOLD",
                  "CLOCK",
                  "bob",
                  doge("21"),
                  "auction-L1",
                  2,
                  doge("21"),
                  END,
                  2,
                  END),
              new AuctionSold("L1", "seller", "bob", doge("21"), false, END));
    }
  }
}
