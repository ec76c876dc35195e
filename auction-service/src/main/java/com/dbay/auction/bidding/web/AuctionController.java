package com.dbay.auction.bidding.web;

import com.dbay.auction.bidding.Auction;
import com.dbay.auction.bidding.Auctions.PublicBid;
import com.dbay.auction.bidding.BidAnswer;
import com.dbay.auction.bidding.BiddingService;
import com.dbay.auction.bidding.CurrentAuctions;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.money.Doge;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.DomainException.Kind;
import com.dbay.platform.problem.FieldProblem;
import com.dbay.platform.starter.identity.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Auctions are addressed by their listing id (DESIGN §3). */
@RestController
@RequestMapping("/api/v1/auction/auctions")
class AuctionController {

  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");

  private final BiddingService bidding;
  private final CurrentAuctions live;
  private final Clock clock;

  AuctionController(BiddingService bidding, CurrentAuctions live, Clock clock) {
    this.bidding = bidding;
    this.live = live;
    this.clock = clock;
  }

  /**
   * @param serverTime the server's clock at the answer, so that a countdown never trusts the
   *     browser's
   * @param yourMaxBid the caller's own maximum, only when the caller leads
   */
  record AuctionView(
      String listingId,
      String status,
      Doge currentPrice,
      Doge minNextBid,
      int bidCount,
      String leaderAlias,
      boolean reserveMet,
      boolean hasReserve,
      Doge buyItNowPrice,
      Instant startsAt,
      Instant endsAt,
      Instant serverTime,
      Boolean youAreLeading,
      Doge yourMaxBid) {}

  record PlaceBid(@NotNull Doge maxBid) {}

  record BidView(
      String listingId,
      long sequence,
      boolean leading,
      Doge currentPrice,
      Doge minNextBid,
      Instant endsAt,
      boolean extended) {}

  @GetMapping("/{listingId}")
  ResponseEntity<AuctionView> auction(
      @PathVariable String listingId, @CurrentUser(required = false) Identity caller) {
    // The hot state in Redis (rebuilt from PostgreSQL when missing), not a database read per view.
    return live.find(listingId)
        .map(a -> ResponseEntity.ok(view(a.auction(), a.leaderAlias(), caller)))
        .orElseThrow(() -> notFound(listingId));
  }

  @PostMapping("/{listingId}/bids")
  ResponseEntity<BidView> placeBid(
      @PathVariable String listingId,
      @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @Valid @RequestBody PlaceBid body,
      @CurrentUser Identity bidder) {
    if (key == null || !IDEMPOTENCY_KEY.matcher(key).matches()) {
      throw new DomainException(
          Kind.INVALID,
          "idempotency-key-required",
          "Idempotency-Key required",
          "A bid needs an Idempotency-Key header of 1 to 128 visible ASCII characters, so that a retry never bids twice.",
          List.of(),
          Map.of());
    }
    if (!body.maxBid().isPositive()) {
      throw new DomainException(
          Kind.INVALID,
          "validation",
          "Invalid request",
          "The maximum bid must be positive.",
          List.of(new FieldProblem("maxBid", "must be positive")),
          Map.of());
    }
    BidAnswer answer =
        bidding.placeBid(listingId, bidder.userId(), bidder.username(), body.maxBid(), key);
    return switch (answer.outcome()) {
      case ACCEPTED ->
          ResponseEntity.status(HttpStatus.CREATED)
              .body(
                  new BidView(
                      listingId,
                      answer.sequence(),
                      answer.leading(),
                      answer.currentPrice(),
                      answer.minNextBid(),
                      answer.endsAt(),
                      answer.extended()));
      case REFUSED ->
          throw new DomainException(
              Kind.CONFLICT,
              "bid-refused",
              "Bid refused",
              answer.refusal().detail(),
              List.of(),
              Map.of(
                  "reason",
                  answer.refusal().name(),
                  "minNextBid",
                  answer.minNextBid().toString(),
                  "endsAt",
                  answer.endsAt().toString()));
      case NO_SUCH_AUCTION -> throw notFound(listingId);
      case KEY_REUSED ->
          throw new DomainException(
              Kind.UNPROCESSABLE,
              "idempotency-key-reused",
              "Idempotency-Key reused",
              "This Idempotency-Key was already used for a bid with another maximum.",
              List.of(),
              Map.of());
    };
  }

  @GetMapping("/{listingId}/bids")
  ResponseEntity<History> history(
      @PathVariable String listingId, @RequestParam(defaultValue = "50") int limit) {
    if (limit < 1 || limit > 200) {
      throw new DomainException(
          Kind.INVALID,
          "validation",
          "Invalid request",
          "limit must be between 1 and 200.",
          List.of(new FieldProblem("limit", "must be between 1 and 200")),
          Map.of());
    }
    if (bidding.find(listingId).isEmpty()) {
      throw notFound(listingId);
    }
    List<PublicBid> bids = bidding.history(listingId, limit);
    return ResponseEntity.ok(new History(listingId, bids));
  }

  record History(String listingId, List<PublicBid> bids) {}

  private AuctionView view(Auction a, String alias, Identity caller) {
    boolean leads =
        caller != null && a.leaderId().filter(l -> l.equals(caller.userId())).isPresent();
    return new AuctionView(
        a.terms().listingId(),
        a.status().name(),
        a.currentPrice(),
        a.minNextBid(),
        a.bidCount(),
        alias,
        a.isReserveMet(),
        a.terms().reserve().isPresent(),
        a.isBuyItNowAvailable() ? a.terms().buyItNow().orElse(null) : null,
        a.terms().startsAt(),
        a.endsAt(),
        clock.instant(),
        caller == null ? null : leads,
        leads ? a.leaderMax().orElse(null) : null);
  }

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
