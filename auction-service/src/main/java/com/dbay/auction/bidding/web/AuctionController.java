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
import com.dbay.platform.starter.standing.AccountStanding;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  private final AccountStanding standing;
  private final Clock clock;

  AuctionController(
      BiddingService bidding, CurrentAuctions live, AccountStanding standing, Clock clock) {
    this.bidding = bidding;
    this.live = live;
    this.standing = standing;
    this.clock = clock;
  }

  /**
   * The auction as everyone sees it, plus {@code viewer} for a signed-in caller. The reserve itself
   * and other bidders' maximums are never in it.
   *
   * @param serverTime the server's clock at the answer, so that a countdown never trusts the
   *     browser's
   * @param extendedBySeconds how far soft close has moved the end past {@code originalEndsAt}
   * @param buyItNowPrice only while Buy It Now is still available
   */
  record AuctionView(
      String listingId,
      String status,
      Doge currentPrice,
      Doge minNextBid,
      int bidCount,
      String leaderAlias,
      Instant startsAt,
      Instant endsAt,
      Doge buyItNowPrice,
      boolean reserveMet,
      boolean hasReserve,
      Instant originalEndsAt,
      long extendedBySeconds,
      Instant serverTime,
      Viewer viewer,
      Boolean youAreLeading,
      Doge yourMaxBid) {}

  /**
   * The caller's own position.
   *
   * @param maxBid the caller's own highest maximum on this auction, if they bid
   */
  record Viewer(boolean leading, Doge maxBid, boolean hasBid, boolean isSeller) {}

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
    requireKey(key);
    if (!body.maxBid().isPositive()) {
      throw new DomainException(
          Kind.INVALID,
          "validation",
          "Invalid request",
          "The maximum bid must be positive.",
          List.of(new FieldProblem("maxBid", "must be positive")),
          Map.of());
    }
    // Defence in depth behind the gateway: a suspended account never reaches the lane.
    standing.requireActive(bidder.userId());
    BidAnswer answer =
        bidding.placeBid(listingId, bidder.userId(), bidder.username(), body.maxBid(), key);
    return ResponseEntity.status(HttpStatus.CREATED).body(accepted(listingId, answer));
  }

  /** Buys at the Buy It Now price at once; the auction ends. The price is held like a bid. */
  @PostMapping("/{listingId}/buy-it-now")
  ResponseEntity<BidView> buyItNow(
      @PathVariable String listingId,
      @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @CurrentUser Identity buyer) {
    requireKey(key);
    standing.requireActive(buyer.userId());
    BidAnswer answer = bidding.buyItNow(listingId, buyer.userId(), buyer.username(), key);
    return ResponseEntity.status(HttpStatus.CREATED).body(accepted(listingId, answer));
  }

  private static void requireKey(String key) {
    if (key == null || !IDEMPOTENCY_KEY.matcher(key).matches()) {
      throw new DomainException(
          Kind.INVALID,
          "idempotency-key-required",
          "Idempotency-Key required",
          "This request needs an Idempotency-Key header of 1 to 128 visible ASCII characters, so that a retry never bids twice.",
          List.of(),
          Map.of());
    }
  }

  /** The answer of an accepted bid, or the problem that says why nothing happened. */
  private static BidView accepted(String listingId, BidAnswer answer) {
    return switch (answer.outcome()) {
      case ACCEPTED ->
          new BidView(
              listingId,
              answer.sequence(),
              answer.leading(),
              answer.currentPrice(),
              answer.minNextBid(),
              answer.endsAt(),
              answer.extended());
      case REFUSED -> throw refused(answer);
      case NO_SUCH_AUCTION -> throw notFound(listingId);
      case KEY_REUSED ->
          throw new DomainException(
              Kind.UNPROCESSABLE,
              "idempotency-key-reused",
              "Idempotency-Key reused",
              "This Idempotency-Key was already used for a bid with another maximum.",
              List.of(),
              Map.of());
      case UNAVAILABLE ->
          throw new DomainException(
              Kind.UNAVAILABLE,
              "wallet-unavailable",
              "Wallet unavailable",
              "Your funds could not be checked just now, so nothing happened. Please try again.",
              List.of(),
              Map.of());
    };
  }

  private static DomainException refused(BidAnswer answer) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("reason", answer.refusal().name());
    properties.put("minNextBid", answer.minNextBid().toString());
    properties.put("endsAt", answer.endsAt().toString());
    return switch (answer.refusal()) {
      case INSUFFICIENT_FUNDS ->
          new DomainException(
              Kind.CONFLICT,
              "insufficient-funds",
              "Not enough funds for this bid",
              answer.refusal().detail(),
              List.of(),
              properties);
      case ACCOUNT_SUSPENDED ->
          new DomainException(
              Kind.FORBIDDEN,
              "account-suspended",
              "Account suspended",
              answer.refusal().detail(),
              List.of(),
              properties);
      case SELLER_CANNOT_BID ->
          new DomainException(
              Kind.FORBIDDEN,
              "seller-cannot-bid",
              "Sellers cannot bid",
              answer.refusal().detail(),
              List.of(),
              properties);
      default ->
          new DomainException(
              Kind.CONFLICT,
              "bid-refused",
              "Bid refused",
              answer.refusal().detail(),
              List.of(),
              properties);
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
    String listingId = a.terms().listingId();
    boolean leads =
        caller != null && a.leaderId().filter(l -> l.equals(caller.userId())).isPresent();
    Viewer viewer = null;
    if (caller != null) {
      Optional<Doge> mine =
          leads ? a.leaderMax() : bidding.highestMaxOf(listingId, caller.userId());
      viewer =
          new Viewer(
              leads,
              mine.orElse(null),
              mine.isPresent(),
              a.terms().sellerId().equals(caller.userId()));
    }
    return new AuctionView(
        listingId,
        a.status().name(),
        a.currentPrice(),
        a.minNextBid(),
        a.bidCount(),
        alias,
        a.terms().startsAt(),
        a.endsAt(),
        a.isBuyItNowAvailable() ? a.terms().buyItNow().orElse(null) : null,
        a.isReserveMet(),
        a.terms().reserve().isPresent(),
        a.terms().endsAt(),
        Math.max(0, Duration.between(a.terms().endsAt(), a.endsAt()).toSeconds()),
        clock.instant(),
        viewer,
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
