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
  private final List<AuctionUpdates> updates;
  private final GroupCommitLanes<String, BidRequest, BidAnswer> lanes =
      new GroupCommitLanes<>(this::runBatch, MAX_BIDS_PER_COMMIT);

  public BiddingService(
      Auctions auctions,
      TransactionTemplate transactions,
      Outbox outbox,
      Clock clock,
      List<AuctionUpdates> updates) {
    this.auctions = auctions;
    this.transactions = transactions;
    this.outbox = outbox;
    this.clock = clock;
    this.updates = List.copyOf(updates);
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

  private List<BidAnswer> runBatch(String listingId, List<BidRequest> requests) {
    Auction[] committed = {null};
    List<AuctionEvents.AuctionEvent> events = new ArrayList<>();
    List<BidAnswer> answers = inTransaction(listingId, requests, committed, events);
    if (committed[0] != null) {
      // After the commit, still in the lane: the updates of one auction leave in commit order.
      Map<String, String> aliases = new HashMap<>();
      requests.forEach(r -> aliases.put(r.bidderId(), r.bidderAlias()));
      updates.forEach(u -> u.committed(committed[0], events, aliases));
    }
    return answers;
  }

  private List<BidAnswer> inTransaction(
      String listingId,
      List<BidRequest> requests,
      Auction[] committed,
      List<AuctionEvents.AuctionEvent> committedEvents) {
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
            List<AuctionEvents.AuctionEvent> events = auction.pullEvents();
            events.forEach(e -> outbox.publish(e.getClass().getSimpleName(), e));
            committed[0] = auction;
            committedEvents.addAll(events);
          }
          return answers;
        });
  }
}
