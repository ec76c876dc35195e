package com.dbay.auction.bidding;

import com.dbay.auction.bidding.AuctionEvents.AuctionEvent;
import com.dbay.auction.bidding.Auctions.AcceptedBid;
import com.dbay.auction.bidding.Auctions.StoredRequest;
import com.dbay.auction.bidding.LaneCommand.BuyNow;
import com.dbay.auction.bidding.LaneCommand.Cancel;
import com.dbay.auction.bidding.LaneCommand.Close;
import com.dbay.auction.bidding.LaneCommand.SyncHolds;
import com.dbay.platform.batching.GroupCommitLanes;
import com.dbay.platform.money.Doge;
import com.dbay.platform.starter.events.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places bids, Buy It Now, and ends auctions. Everything that changes one auction goes through one
 * lane ({@link GroupCommitLanes}): what arrives together is applied to the aggregate one by one, in
 * the order it joined, and written in one transaction with one durable commit. Only then is anyone
 * answered, so an acknowledged bid is in PostgreSQL. The auction's row is locked once per batch,
 * which also keeps several instances of this service in one order.
 *
 * <p><b>Funds.</b> The leader's maximum is always held in the wallet ({@link Funds}, one hold per
 * bidder and auction). A batch runs in three steps so that the wallet is asked once per step for
 * the whole batch ({@link Funds#setHolds}: one call, one wallet transaction), never once per bid:
 *
 * <ol>
 *   <li>Before the transaction: every bid that the auction would accept as it stands gets its
 *       bidder's hold raised to that maximum (one call for all of them). The bidders are first
 *       written to {@code hold_sync}, so a crash after this step leaves a trace.
 *   <li>The transaction applies the batch in order. A bid whose hold the wallet refused is refused
 *       ({@link BidRefusal#INSUFFICIENT_FUNDS}) and changes nothing: no bid row, no extension, no
 *       price move. (A bid that only became acceptable through an earlier bid of the same batch
 *       asks the wallet inline, a rare slow path.)
 *   <li>After the commit, every bidder the batch touched gets the hold the auction now says: the
 *       leader's maximum for the leader, nothing for the outbid and the refused (one call). Then
 *       their {@code hold_sync} rows go. Whatever is left there (a crash, a wallet outage) is set
 *       right by {@link HoldReconciler} through the same lane.
 * </ol>
 *
 * <p>So a hold may briefly be larger than needed (between steps 1 and 3), never smaller than a
 * leader's maximum, and the wallet refuses a hold that the bidder's available balance cannot cover:
 * one user's funds are never promised twice across auctions.
 *
 * <p>A failed commit fails the whole batch and nothing of it is acknowledged; the aggregate is
 * loaded afresh for every batch, so a failure leaves no half-applied state in memory.
 */
@Service
public class BiddingService {

  private static final Logger log = LoggerFactory.getLogger(BiddingService.class);

  /** Commands of one auction committed together at most; bounds the latency a batch adds. */
  static final int MAX_BIDS_PER_COMMIT = 200;

  private final Auctions auctions;
  private final TransactionTemplate transactions;
  private final TransactionTemplate independent;
  private final Outbox outbox;
  private final Clock clock;
  private final Funds funds;
  private final ObjectProvider<AuctionUpdates> updates;
  private final GroupCommitLanes<String, LaneCommand, Object> lanes =
      new GroupCommitLanes<>(this::runBatch, MAX_BIDS_PER_COMMIT);

  public BiddingService(
      Auctions auctions,
      TransactionTemplate transactions,
      Outbox outbox,
      Clock clock,
      Funds funds,
      ObjectProvider<AuctionUpdates> updates) {
    this.auctions = auctions;
    // Its own transaction even when called inside another (an event handler cancelling an
    // auction): the batch answers other callers, who must never be told before their commit.
    this.transactions = new TransactionTemplate(transactions.getTransactionManager());
    this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.independent = new TransactionTemplate(transactions.getTransactionManager());
    this.independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.outbox = outbox;
    this.clock = clock;
    this.funds = funds;
    this.updates = updates;
  }

  public BidAnswer placeBid(
      String listingId, String bidderId, String bidderName, Doge maxBid, String idempotencyKey) {
    return (BidAnswer)
        lanes.submit(
            listingId,
            new BidRequest(bidderId, BidderAlias.of(bidderName), maxBid, idempotencyKey));
  }

  /** Buys the item at its Buy It Now price, ending the auction; the price is held like a bid. */
  public BidAnswer buyItNow(
      String listingId, String buyerId, String buyerName, String idempotencyKey) {
    return (BidAnswer)
        lanes.submit(listingId, new BuyNow(buyerId, BidderAlias.of(buyerName), idempotencyKey));
  }

  /**
   * Ends the auction by the clock, exactly once, in its lane: from here on every bid is refused.
   * Sold when there is a leader and the reserve (if any) is met; the winner's hold stays for
   * settlement, an unsold leader's hold is released. Records {@code AuctionEnded} and {@code
   * AuctionSold}/{@code AuctionUnsold}. Calling it again returns the same outcome with {@code
   * endedNow} false; before the end it returns {@code NOT_DUE}.
   */
  public CloseOutcome close(String listingId, Instant now) {
    return (CloseOutcome) lanes.submit(listingId, new Close(now));
  }

  /** The seller ended the listing early or cancelled it: ends the auction if it has no bids. */
  public CloseOutcome cancel(String listingId, Instant now) {
    return (CloseOutcome) lanes.submit(listingId, new Cancel(now));
  }

  /** Sets the holds of these bidders to what the auction says (the reconciler's entry). */
  void syncHolds(String listingId, Set<String> bidders) {
    lanes.submit(listingId, new SyncHolds(bidders));
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

  /** The highest maximum this bidder ever bid on this auction, if they bid. */
  public Optional<Doge> highestMaxOf(String listingId, String bidderId) {
    return auctions.highestMaxOf(listingId, bidderId);
  }

  /** Every auction the user bid on, newest activity first. */
  public List<Auctions.MyBid> myBids(String userId, int limit) {
    return auctions.myBids(userId, limit);
  }

  private static String bidKey(String key) {
    return key;
  }

  private static String buyNowKey(String key) {
    return "buy-it-now:" + key;
  }

  private List<Object> runBatch(String listingId, List<LaneCommand> commands) {
    Optional<Auction> before = auctions.find(listingId);
    if (before.isEmpty()) {
      return commands.stream().map(c -> noSuchAuction(listingId, c)).toList();
    }
    Auction snapshot = before.get();
    Instant start = clock.instant();

    // Answers given earlier to these keys: a repeat gets its first answer and never bids twice.
    List<BidRequest> keyed = new ArrayList<>();
    for (LaneCommand c : commands) {
      if (c instanceof BidRequest r) {
        keyed.add(r);
      } else if (c instanceof BuyNow b) {
        keyed.add(
            new BidRequest(b.buyerId(), b.buyerAlias(), Doge.ZERO, buyNowKey(b.idempotencyKey())));
      }
    }
    Map<List<String>, StoredRequest> earlier = new HashMap<>(auctions.answered(listingId, keyed));

    // Step 1: hold the funds of every bid the auction would accept as it stands.
    Map<String, Doge> wanted = new LinkedHashMap<>();
    for (LaneCommand c : commands) {
      if (c instanceof BidRequest r
          && !earlier.containsKey(List.of(r.bidderId(), bidKey(r.idempotencyKey())))
          && snapshot.check(r.bidderId(), r.maxBid(), start).isEmpty()) {
        wanted.merge(r.bidderId(), r.maxBid(), Doge::max);
      } else if (c instanceof BuyNow b
          && !earlier.containsKey(List.of(b.buyerId(), buyNowKey(b.idempotencyKey())))
          && snapshot.checkBuyItNow(b.buyerId(), start).isEmpty()) {
        wanted.merge(b.buyerId(), snapshot.terms().buyItNow().orElseThrow(), Doge::max);
      }
    }
    Map<String, Held> held = new HashMap<>();
    if (!wanted.isEmpty()) {
      auctions.markHoldsUnsettled(listingId, wanted.keySet());
      held.putAll(holdAll(listingId, wanted));
    }

    // Step 2: apply in order and commit.
    Set<String> touched = new LinkedHashSet<>(wanted.keySet());
    Auction[] committed = new Auction[1];
    List<AuctionEvent> events = new ArrayList<>();
    List<Object> answers =
        transactions.execute(
            status -> {
              Auction auction = auctions.lock(listingId).orElseThrow();
              committed[0] = auction;
              List<Object> out = new ArrayList<>(commands.size());
              List<AcceptedBid> accepted = new ArrayList<>();
              List<Map.Entry<BidRequest, BidAnswer>> newAnswers = new ArrayList<>();
              boolean changed = false;
              for (LaneCommand command : commands) {
                Instant now = clock.instant();
                switch (command) {
                  case BidRequest r -> {
                    List<String> key = List.of(r.bidderId(), bidKey(r.idempotencyKey()));
                    StoredRequest first = earlier.get(key);
                    if (first != null) {
                      out.add(
                          first.maxBid().equals(r.maxBid())
                              ? first.answer()
                              : BidAnswer.keyReused(listingId));
                      continue;
                    }
                    BidAnswer answer;
                    Optional<BidRefusal> refusal = auction.check(r.bidderId(), r.maxBid(), now);
                    if (refusal.isPresent()) {
                      answer =
                          BidAnswer.of(
                              listingId,
                              new BidDecision.Refused(
                                  refusal.get(), auction.minNextBid(), auction.endsAt()));
                    } else {
                      Funds.Outcome funded = ensureHeld(listingId, r.bidderId(), r.maxBid(), held);
                      touched.add(r.bidderId());
                      if (funded != Funds.Outcome.HELD) {
                        answer = fundsRefusal(listingId, auction, funded);
                      } else {
                        BidDecision decision = auction.placeBid(r.bidderId(), r.maxBid(), now);
                        answer = BidAnswer.of(listingId, decision);
                        if (decision instanceof BidDecision.Accepted a) {
                          a.releaseHoldOf().ifPresent(touched::add);
                          accepted.add(
                              new AcceptedBid(
                                  a.sequence(),
                                  r.bidderId(),
                                  r.bidderAlias(),
                                  r.maxBid(),
                                  a.currentPrice(),
                                  auction.leaderId().orElseThrow(),
                                  now));
                          changed = true;
                        }
                      }
                    }
                    if (answer.outcome() != BidAnswer.Outcome.UNAVAILABLE) {
                      earlier.put(key, new StoredRequest(r.maxBid(), answer));
                      newAnswers.add(new SimpleEntry<>(r, answer));
                    }
                    out.add(answer);
                  }
                  case BuyNow b -> {
                    List<String> key = List.of(b.buyerId(), buyNowKey(b.idempotencyKey()));
                    StoredRequest first = earlier.get(key);
                    if (first != null) {
                      out.add(first.answer());
                      continue;
                    }
                    BidAnswer answer;
                    Optional<BidRefusal> refusal = auction.checkBuyItNow(b.buyerId(), now);
                    if (refusal.isPresent()) {
                      answer =
                          BidAnswer.of(
                              listingId,
                              new BidDecision.Refused(
                                  refusal.get(), auction.minNextBid(), auction.endsAt()));
                    } else {
                      Doge price = auction.terms().buyItNow().orElseThrow();
                      Funds.Outcome funded = ensureHeld(listingId, b.buyerId(), price, held);
                      touched.add(b.buyerId());
                      if (funded != Funds.Outcome.HELD) {
                        answer = fundsRefusal(listingId, auction, funded);
                      } else {
                        BidDecision decision = auction.buyItNow(b.buyerId(), now);
                        answer = BidAnswer.of(listingId, decision);
                        if (decision instanceof BidDecision.Accepted a) {
                          a.releaseHoldOf().ifPresent(touched::add);
                          accepted.add(
                              new AcceptedBid(
                                  a.sequence(),
                                  b.buyerId(),
                                  b.buyerAlias(),
                                  price,
                                  price,
                                  b.buyerId(),
                                  now));
                          changed = true;
                        }
                      }
                    }
                    BidRequest stored =
                        new BidRequest(
                            b.buyerId(), b.buyerAlias(), Doge.ZERO, buyNowKey(b.idempotencyKey()));
                    if (answer.outcome() != BidAnswer.Outcome.UNAVAILABLE) {
                      earlier.put(key, new StoredRequest(Doge.ZERO, answer));
                      newAnswers.add(new SimpleEntry<>(stored, answer));
                    }
                    out.add(answer);
                  }
                  case Close c -> {
                    boolean endedNow = auction.close(c.now()).isPresent();
                    if (endedNow) {
                      changed = true;
                      auction.leaderId().ifPresent(touched::add);
                    }
                    out.add(CloseOutcome.of(auction, endedNow));
                  }
                  case Cancel c -> {
                    boolean endedNow = auction.cancel(c.now());
                    changed |= endedNow;
                    out.add(CloseOutcome.of(auction, endedNow));
                  }
                  case SyncHolds s -> {
                    touched.addAll(s.bidders());
                    out.add(Boolean.TRUE);
                  }
                }
              }
              if (changed || !newAnswers.isEmpty()) {
                auctions.saveBatch(auction, accepted, newAnswers);
              }
              events.addAll(auction.pullEvents());
              events.forEach(e -> outbox.publish(e.getClass().getSimpleName(), e));
              auctions.markHoldsUnsettled(listingId, touched);
              return out;
            });

    // Step 3: after the commit, tell the hot state, then set the holds the auction now needs.
    Auction auction = committed[0];
    if (!events.isEmpty()) {
      List<AuctionEvent> committedEvents = List.copyOf(events);
      Map<String, String> aliases = new HashMap<>();
      for (LaneCommand c : commands) {
        if (c instanceof BidRequest r) {
          aliases.put(r.bidderId(), r.bidderAlias());
        } else if (c instanceof BuyNow b) {
          aliases.put(b.buyerId(), b.buyerAlias());
        }
      }
      updates
          .orderedStream()
          .forEach(
              update -> {
                try {
                  update.committed(auction, committedEvents, aliases);
                } catch (RuntimeException e) {
                  log.warn("after-commit update of auction {} failed", listingId, e);
                }
              });
    }
    settleHolds(auction, touched, held);
    return answers;
  }

  private record Held(Doge amount, Funds.Outcome outcome) {}

  /** Raises the holds of step 1: one wallet call for the whole batch. */
  private Map<String, Held> holdAll(String listingId, Map<String, Doge> wanted) {
    Map<String, Funds.Outcome> outcomes = funds.setHolds(listingId, wanted);
    Map<String, Held> out = new HashMap<>();
    wanted.forEach(
        (bidder, amount) ->
            out.put(
                bidder,
                new Held(amount, outcomes.getOrDefault(bidder, Funds.Outcome.UNAVAILABLE))));
    return out;
  }

  /**
   * Whether the bidder's hold covers {@code amount}: from step 1, or asked now (a bid that step 1
   * did not foresee, or a smaller bid of a bidder whose larger one did not fit).
   */
  private Funds.Outcome ensureHeld(
      String listingId, String bidderId, Doge amount, Map<String, Held> held) {
    Held h = held.get(bidderId);
    if (h != null && h.outcome() == Funds.Outcome.HELD && !h.amount().isLessThan(amount)) {
      return Funds.Outcome.HELD;
    }
    if (h != null
        && h.outcome() != Funds.Outcome.INSUFFICIENT
        && h.outcome() != Funds.Outcome.HELD) {
      return h.outcome(); // suspended, or the wallet is not answering: no second call this batch
    }
    if (h != null && h.outcome() == Funds.Outcome.INSUFFICIENT && !amount.isLessThan(h.amount())) {
      return Funds.Outcome.INSUFFICIENT;
    }
    // Its own commit before the wallet call: this batch's transaction may still roll back.
    independent.executeWithoutResult(
        status -> auctions.markHoldsUnsettled(listingId, Set.of(bidderId)));
    Funds.Outcome outcome = funds.hold(bidderId, listingId, amount);
    if (outcome == Funds.Outcome.HELD || h == null || h.outcome() != Funds.Outcome.HELD) {
      held.put(bidderId, new Held(amount, outcome));
    }
    return outcome;
  }

  private static BidAnswer fundsRefusal(String listingId, Auction auction, Funds.Outcome outcome) {
    return switch (outcome) {
      case INSUFFICIENT ->
          BidAnswer.of(
              listingId,
              new BidDecision.Refused(
                  BidRefusal.INSUFFICIENT_FUNDS, auction.minNextBid(), auction.endsAt()));
      case SUSPENDED ->
          BidAnswer.of(
              listingId,
              new BidDecision.Refused(
                  BidRefusal.ACCOUNT_SUSPENDED, auction.minNextBid(), auction.endsAt()));
      case HELD, UNAVAILABLE -> BidAnswer.unavailable(listingId);
    };
  }

  /**
   * Sets every touched bidder's hold to what the committed auction says, in one wallet call, and
   * forgets the bidders the wallet confirmed.
   */
  private void settleHolds(Auction auction, Set<String> touched, Map<String, Held> held) {
    if (touched.isEmpty()) {
      return;
    }
    String listingId = auction.terms().listingId();
    List<String> settled = new ArrayList<>();
    Map<String, Doge> changes = new LinkedHashMap<>();
    for (String bidder : touched) {
      Doge target = requiredHold(auction, bidder);
      Held h = held.get(bidder);
      if (h != null && h.outcome() == Funds.Outcome.HELD && h.amount().equals(target)) {
        settled.add(bidder);
      } else {
        changes.put(bidder, target);
      }
    }
    if (!changes.isEmpty()) {
      funds
          .setHolds(listingId, changes)
          .forEach(
              (bidder, outcome) -> {
                if (outcome == Funds.Outcome.HELD) {
                  settled.add(bidder);
                } else {
                  log.warn(
                      "hold of {} on auction {} not set right yet ({}); the reconciler will retry",
                      bidder,
                      listingId,
                      outcome);
                }
              });
    }
    try {
      auctions.forgetSettledHolds(listingId, settled);
    } catch (RuntimeException e) {
      log.warn("could not forget settled holds of auction {}", listingId, e);
    }
  }

  /**
   * The hold the auction needs from a bidder: the leader's maximum while they lead an open auction
   * or won it, nothing otherwise.
   */
  static Doge requiredHold(Auction auction, String bidder) {
    boolean leads = auction.leaderId().filter(bidder::equals).isPresent();
    boolean keeps =
        auction.status() == Auction.Status.ACTIVE
            ? leads
            : auction.winnerId().filter(bidder::equals).isPresent();
    return keeps ? auction.leaderMax().orElse(Doge.ZERO) : Doge.ZERO;
  }

  private static Object noSuchAuction(String listingId, LaneCommand command) {
    return switch (command) {
      case BidRequest r -> BidAnswer.noSuchAuction(listingId);
      case BuyNow b -> BidAnswer.noSuchAuction(listingId);
      case Close c -> CloseOutcome.noSuchAuction(listingId);
      case Cancel c -> CloseOutcome.noSuchAuction(listingId);
      case SyncHolds s -> Boolean.FALSE;
    };
  }
}
