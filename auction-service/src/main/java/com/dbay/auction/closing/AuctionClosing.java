package com.dbay.auction.closing;

import com.dbay.auction.bidding.Auction;
import com.dbay.auction.bidding.BiddingService;
import com.dbay.auction.bidding.CloseOutcome;
import com.dbay.platform.money.Doge;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.DomainException.Kind;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Ends due auctions and tells settlement what came of them. The end is always judged by this
 * service's clock: a caller's clock that runs ahead never ends an auction early.
 */
@Service
public class AuctionClosing {

  /** Due auctions handed out per call; the closer asks again on its next firing. */
  public static final int MAX_DUE = 500;

  private final BiddingService bidding;
  private final DueAuctionQueries queries;
  private final Clock clock;

  public AuctionClosing(BiddingService bidding, DueAuctionQueries queries, Clock clock) {
    this.bidding = bidding;
    this.queries = queries;
    this.clock = clock;
  }

  /** Auctions due at {@code asOf} (never later than now here). */
  public List<String> due(Instant asOf, int limit) {
    Instant now = clock.instant();
    return queries.due(asOf == null || asOf.isAfter(now) ? now : asOf, Math.min(limit, MAX_DUE));
  }

  /** Ends the auction in its lane if it is due (BiddingService#close); NOT_DUE before its end. */
  public CloseOutcome close(String listingId) {
    CloseOutcome outcome = bidding.close(listingId, clock.instant());
    if (outcome.result() == CloseOutcome.Result.NO_SUCH_AUCTION) {
      throw notFound(listingId);
    }
    return outcome;
  }

  /**
   * The outcome of an ended auction for settlement: the winner and price when sold, and every other
   * bidder (whose holds settlement releases). Refused while the auction still runs.
   */
  public Outcome outcome(String listingId) {
    Auction a = bidding.find(listingId).orElseThrow(() -> notFound(listingId));
    if (a.status() != Auction.Status.ENDED) {
      throw new DomainException(
          Kind.CONFLICT,
          "auction-not-ended",
          "Auction not ended",
          "The auction for listing " + listingId + " has not ended yet.",
          List.of(),
          Map.of());
    }
    String winner = a.winnerId().orElse(null);
    List<String> others =
        queries.bidders(listingId).stream().filter(b -> !b.equals(winner)).toList();
    return new Outcome(
        listingId,
        winner != null,
        a.terms().sellerId(),
        winner,
        winner != null ? a.currentPrice() : null,
        a.isReserveMet(),
        a.bidCount(),
        a.endsAt(),
        others);
  }

  public record Outcome(
      String listingId,
      boolean sold,
      String sellerId,
      String winnerId,
      Doge finalPrice,
      boolean reserveMet,
      int bidCount,
      Instant endedAt,
      List<String> otherBidders) {}

  private static DomainException notFound(String listingId) {
    return new DomainException(
        Kind.NOT_FOUND,
        "not-found",
        "Not found",
        "There is no auction for listing " + listingId + ".",
        List.of(),
        Map.of());
  }
}
