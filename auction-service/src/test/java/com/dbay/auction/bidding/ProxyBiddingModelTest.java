package com.dbay.auction.bidding;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.money.Doge;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Thousands of random bid sequences, each checked bid by bid against a model written the naive way:
 * it keeps every bidder's maximum and recomputes the leader (highest maximum, earlier bid on a tie)
 * and the price (second-highest maximum plus one increment, capped by the leader's maximum) from
 * all of them. The aggregate keeps only the leader, so an error in its shortcut shows up here.
 */
class ProxyBiddingModelTest {

  static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
  static final Instant END = START.plus(Duration.ofDays(7));
  static final String[] BIDDERS = {"b1", "b2", "b3", "b4", "b5", "seller"};

  /** The reference: every bidder's maximum and when they reached it. */
  static final class Model {
    final Doge start;
    final Optional<Doge> reserve;
    final Map<String, Doge> maxes = new HashMap<>();
    final Map<String, Long> reachedAt = new HashMap<>();
    Doge price;
    long accepted;

    Model(Doge start, Optional<Doge> reserve) {
      this.start = start;
      this.reserve = reserve;
      this.price = start;
    }

    String leader() {
      return maxes.keySet().stream()
          .sorted(
              (x, y) -> {
                int byMax = maxes.get(y).compareTo(maxes.get(x));
                return byMax != 0 ? byMax : Long.compare(reachedAt.get(x), reachedAt.get(y));
              })
          .findFirst()
          .orElse(null);
    }

    Doge minNext() {
      return maxes.isEmpty() ? start : BidIncrements.above(price);
    }

    boolean bid(String bidder, Doge max) {
      if (bidder.equals("seller")) {
        return false;
      }
      String leader = leader();
      boolean selfRaise = bidder.equals(leader);
      if (selfRaise ? !max.isGreaterThan(maxes.get(bidder)) : max.isLessThan(minNext())) {
        return false;
      }
      accepted++;
      maxes.put(bidder, max);
      reachedAt.put(bidder, accepted);
      String newLeader = leader();
      Doge leaderMax = maxes.get(newLeader);
      if (maxes.size() == 1) {
        price = start;
      } else if (!selfRaise) {
        Doge second =
            maxes.entrySet().stream()
                .filter(e -> !e.getKey().equals(newLeader))
                .map(Map.Entry::getValue)
                .max(Doge::compareTo)
                .orElseThrow();
        price =
            second.equals(leaderMax) ? leaderMax : Doge.min(leaderMax, BidIncrements.above(second));
      }
      if (reserve.isPresent() && !leaderMax.isLessThan(reserve.get())) {
        price = Doge.max(price, reserve.get());
      }
      return true;
    }
  }

  @ParameterizedTest(name = "seed {0}: 400 auctions of 80 bids agree with the model")
  @ValueSource(longs = {1, 2, 3})
  void theAggregateAgreesWithTheNaiveModelOnEveryBid(long seed) {
    Random random = new Random(seed);
    for (int auction = 0; auction < 400; auction++) {
      Doge start = Doge.ofKoinu(1 + random.nextLong(200L * Doge.KOINU_PER_DOGE));
      Optional<Doge> reserve =
          random.nextBoolean()
              ? Optional.of(start.plus(Doge.ofKoinu(random.nextLong(500L * Doge.KOINU_PER_DOGE))))
              : Optional.empty();
      Auction real =
          Auction.open(
              new AuctionTerms(
                  "L" + auction, "seller", start, reserve, Optional.empty(), START, END),
              AuctionRules.DEFAULT);
      Model model = new Model(start, reserve);
      Doge lastPrice = start;
      for (int i = 0; i < 80; i++) {
        String bidder = BIDDERS[random.nextInt(BIDDERS.length)];
        Doge max = nextMax(random, model);
        boolean modelAccepts = model.bid(bidder, max);
        BidDecision decision = real.placeBid(bidder, max, START.plusSeconds(i));
        String where = "auction " + auction + " bid " + i + " by " + bidder + " of " + max;
        assertThat(decision instanceof BidDecision.Accepted).as(where).isEqualTo(modelAccepts);
        assertThat(real.leaderId().orElse(null)).as(where).isEqualTo(model.leader());
        assertThat(real.currentPrice()).as(where).isEqualTo(model.price);
        assertThat(real.bidCount()).as(where).isEqualTo(model.accepted);
        assertThat(real.lastSequence()).as(where).isEqualTo(model.accepted);
        assertThat(real.currentPrice())
            .as(where + ": never decreases")
            .isGreaterThanOrEqualTo(lastPrice);
        real.leaderMax()
            .ifPresent(m -> assertThat(real.currentPrice()).as(where).isLessThanOrEqualTo(m));
        lastPrice = real.currentPrice();
      }
    }
  }

  /**
   * Maxima around the interesting places: just below, at and above the minimum, ties, big jumps.
   */
  static Doge nextMax(Random random, Model model) {
    Doge min = model.minNext();
    String leader = model.leader();
    return switch (random.nextInt(7)) {
      case 0 -> Doge.ofKoinu(Math.max(1, min.koinu() - 1));
      case 1 -> min;
      case 2 -> leader == null ? min : model.maxes.get(leader);
      case 3 -> leader == null ? min : model.maxes.get(leader).plus(Doge.ofKoinu(1));
      case 4 -> min.plus(Doge.ofKoinu(random.nextLong(Doge.KOINU_PER_DOGE)));
      case 5 -> min.plus(Doge.ofDoge(1 + random.nextInt(50)));
      default -> min.plus(Doge.ofDoge(random.nextInt(2_000)));
    };
  }
}
