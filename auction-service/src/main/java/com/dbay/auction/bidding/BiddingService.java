package com.dbay.auction.bidding;

import com.dbay.auction.bidding.Auctions.AcceptedBid;
import com.dbay.auction.bidding.Auctions.StoredRequest;
import com.dbay.platform.batching.GroupCommitLanes;
import com.dbay.platform.money.Doge;
import com.dbay.platform.starter.events.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places bids. The bids of one auction go through one lane ({@link GroupCommitLanes}): those that
 * arrive together are applied to the aggregate one by one, in the order they joined, and written in
 * one transaction with one durable commit. Only then is anyone answered, so an acknowledged bid is
 * in PostgreSQL. The auction's row is locked once per batch, which also keeps several instances of
 * this service in one order.
 *
 * <p>A failed commit fails the whole batch and nothing of it is acknowledged; the aggregate is
 * loaded afresh for every batch, so a failure leaves no half-applied state in memory.
 */
@Service
public class BiddingService {

  /** Bids of one auction committed together at most; bounds the latency a batch adds. */
  static final int MAX_BIDS_PER_COMMIT = 200;

  private final Auctions auctions;
  private final TransactionTemplate transactions;
  private final Outbox outbox;
  private final Clock clock;
  private final GroupCommitLanes<String, BidRequest, BidAnswer> lanes =
      new GroupCommitLanes<>(this::runBatch, MAX_BIDS_PER_COMMIT);

  public BiddingService(
      Auctions auctions, TransactionTemplate transactions, Outbox outbox, Clock clock) {
    this.auctions = auctions;
    this.transactions = transactions;
    this.outbox = outbox;
    this.clock = clock;
  }

  public BidAnswer placeBid(
      String listingId, String bidderId, String bidderName, Doge maxBid, String idempotencyKey) {
    return lanes.submit(
        listingId, new BidRequest(bidderId, BidderAlias.of(bidderName), maxBid, idempotencyKey));
  }

  public Optional<Auction> find(String listingId) {
    return auctions.find(listingId);
  }

  /** The auction's public bid history (bidders by alias), at most {@code limit} bids. */
  public List<Auctions.PublicBid> history(String listingId, int limit) {
    return auctions.history(listingId, limit);
  }

  /** The alias the bidder shows under in this auction. */
  public String aliasOf(String listingId, String bidderId) {
    return auctions.aliasOf(listingId, bidderId);
  }

  /**
   * Ends the auction once it is due, exactly once (a later bid is refused by the aggregate):
   * records AuctionEnded and AuctionSold/AuctionUnsold in the outbox in the same transaction. The
   * row lock is the one every batch of bids takes, so the close is ordered with the bids of this
   * auction across instances. Returns empty when there is no such auction; a repeated or early call
   * returns the current outcome and changes nothing ({@link CloseOutcome#closedNow()} false).
   */
  public Optional<CloseOutcome> close(String listingId, Instant now) {
    return transactions.execute(
        status -> {
          Optional<Auction> locked = auctions.lock(listingId);
          if (locked.isEmpty()) {
            return Optional.<CloseOutcome>empty();
          }
          Auction auction = locked.get();
          boolean closedNow = auction.close(now).isPresent();
          if (closedNow) {
            auctions.save(auction);
            List<AuctionEvents.AuctionEvent> events = auction.pullEvents();
            outbox.publish("AuctionEnded", AuctionEvents.AuctionEnded.of(auction));
            events.forEach(e -> outbox.publish(e.getClass().getSimpleName(), e));
          }
          return Optional.of(CloseOutcome.of(auction, closedNow));
        });
  }

  /** What a close found or did. {@code winnerId}/{@code finalPrice} only when sold. */
  public record CloseOutcome(
      String listingId,
      String status,
      boolean closedNow,
      boolean sold,
      String sellerId,
      String winnerId,
      Doge finalPrice,
      boolean reserveMet,
      int bidCount,
      Instant endsAt) {

    static CloseOutcome of(Auction a, boolean closedNow) {
      boolean sold = a.winnerId().isPresent();
      return new CloseOutcome(
          a.terms().listingId(),
          a.status().name(),
          closedNow,
          sold,
          a.terms().sellerId(),
          a.winnerId().orElse(null),
          sold ? a.currentPrice() : null,
          a.isReserveMet(),
          a.bidCount(),
          a.endsAt());
    }
  }

  private List<BidAnswer> runBatch(String listingId, List<BidRequest> requests) {
    return transactions.execute(
        status -> {
          Optional<Auction> locked = auctions.lock(listingId);
          if (locked.isEmpty()) {
            return requests.stream().map(r -> BidAnswer.noSuchAuction(listingId)).toList();
          }
          Auction auction = locked.get();
          Map<List<String>, StoredRequest> earlier =
              new HashMap<>(auctions.answered(listingId, requests));
          List<BidAnswer> answers = new ArrayList<>(requests.size());
          List<AcceptedBid> accepted = new ArrayList<>();
          List<Map.Entry<BidRequest, BidAnswer>> newAnswers = new ArrayList<>();
          for (BidRequest request : requests) {
            List<String> key = List.of(request.bidderId(), request.idempotencyKey());
            StoredRequest first = earlier.get(key);
            if (first != null) {
              answers.add(
                  first.maxBid().equals(request.maxBid())
                      ? first.answer()
                      : BidAnswer.keyReused(listingId));
              continue;
            }
            Instant now = clock.instant();
            BidDecision decision = auction.placeBid(request.bidderId(), request.maxBid(), now);
            BidAnswer answer = BidAnswer.of(listingId, decision);
            if (decision instanceof BidDecision.Accepted a) {
              accepted.add(
                  new AcceptedBid(
                      a.sequence(),
                      request.bidderId(),
                      request.bidderAlias(),
                      request.maxBid(),
                      a.currentPrice(),
                      auction.leaderId().orElseThrow(),
                      now));
            }
            earlier.put(key, new StoredRequest(request.maxBid(), answer));
            newAnswers.add(new SimpleEntry<>(request, answer));
            answers.add(answer);
          }
          if (!newAnswers.isEmpty()) {
            auctions.saveBatch(auction, accepted, newAnswers);
            auction.pullEvents().forEach(e -> outbox.publish(e.getClass().getSimpleName(), e));
          }
          return answers;
        });
  }
}
