package com.dbay.auction.bidding;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.identity.IdentityHeaders;
import com.dbay.platform.money.Doge;
import com.dbay.platform.test.TestStores;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bids backed by funds, against the real wallet-service ({@link RealWallet}): the leader's maximum
 * is held, the outbid are released, a bid the bidder cannot hold changes nothing, one balance is
 * never promised to two auctions, Buy It Now and the close keep the winner's hold, and the
 * reconciler puts right a hold left behind by a crash.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "dbay.identity.gateway-secret=" + FundsIT.SECRET,
      "dbay.auction.reconcile-after=1h"
    })
class FundsIT {

  static final String SECRET = "auction-funds-it-secret-0123456789abcdef";

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) {
    TestStores.ensureDatabase("auction");
    RealWallet.register(registry);
  }

  @LocalServerPort int port;
  @Autowired Auctions auctions;
  @Autowired BiddingService bidding;
  @Autowired HoldReconciler reconciler;
  @Autowired Funds funds;
  @Autowired JdbcTemplate jdbc;
  @Autowired JsonMapper json;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final GatewayProof proof = new GatewayProof(SECRET);
  final RealWallet wallet = RealWallet.get();
  final String run = UUID.randomUUID().toString().substring(0, 8);

  String user(String name, long doge) {
    String id = name + "-" + run;
    if (doge > 0) {
      wallet.fund(id, doge);
    }
    return id;
  }

  String openAuction(String start, String reserve, String buyItNow, Duration endsIn) {
    String id = "F-" + UUID.randomUUID();
    Instant now = Instant.now();
    auctions.open(
        new AuctionTerms(
            id,
            "seller-" + run,
            Doge.parse(start),
            Optional.ofNullable(reserve).map(Doge::parse),
            Optional.ofNullable(buyItNow).map(Doge::parse),
            now.minusSeconds(60),
            now.plus(endsIn)));
    return id;
  }

  String openAuction(String start) {
    return openAuction(start, null, null, Duration.ofDays(1));
  }

  Doge held(String user, String listingId) {
    return wallet.held(user, listingId);
  }

  static Doge doge(String text) {
    return Doge.parse(text);
  }

  @Test
  void theLeaderHoldsItsMaximumTheOutbidAreReleasedAndRaisingRaisesTheHold() throws Exception {
    String id = openAuction("5");
    String bob = user("bob", 1_000), carol = user("carol", 1_000);
    assertThat(bid(id, bob, "40").status()).isEqualTo(201);
    assertThat(held(bob, id)).isEqualTo(doge("40"));
    assertThat(bid(id, carol, "60").status()).isEqualTo(201);
    assertThat(held(carol, id)).as("the new leader's maximum").isEqualTo(doge("60"));
    assertThat(held(bob, id)).as("outbid: released").isEqualTo(Doge.ZERO);
    assertThat(bid(id, carol, "90").status()).isEqualTo(201);
    assertThat(held(carol, id)).as("raised maximum, raised hold").isEqualTo(doge("90"));
    // A bid the leader's proxy beats at once: the bidder never leads and holds nothing.
    var beaten = bid(id, bob, "70");
    assertThat(beaten.status()).isEqualTo(201);
    assertThat(beaten.json().get("leading").asBoolean()).isFalse();
    assertThat(held(bob, id)).isEqualTo(Doge.ZERO);
    assertThat(held(carol, id)).isEqualTo(doge("90"));
    assertThat(wallet.balance(bob).get("held").asString()).isEqualTo("0.00000000");
    assertThat(unsettled(id)).isZero();
  }

  @Test
  void aBidBeyondWhatTheBidderCanHoldIsRefusedAndChangesNothingEvenInTheLastMinutes()
      throws Exception {
    // Ends in 90 s: inside the 2-minute soft-close window, so an accepted bid would extend it.
    String id = openAuction("5", null, null, Duration.ofSeconds(90));
    String bob = user("bob", 1_000), poor = user("poor", 30);
    assertThat(bid(id, bob, "20").status()).isEqualTo(201);
    Auction before = auctions.find(id).orElseThrow();
    long extensionsBefore = extensions(id);

    var refused = bid(id, poor, "31");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("type").asString()).endsWith("/insufficient-funds");
    assertThat(refused.json().get("reason").asString()).isEqualTo("INSUFFICIENT_FUNDS");
    assertThat(refused.json().get("detail").asString()).contains("balance");

    Auction after = auctions.find(id).orElseThrow();
    assertThat(after.endsAt()).as("a refused bid never extends").isEqualTo(before.endsAt());
    assertThat(after.currentPrice()).isEqualTo(before.currentPrice());
    assertThat(after.bidCount()).isEqualTo(before.bidCount());
    assertThat(after.leaderId()).contains(bob);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM bids WHERE listing_id = ? AND bidder_id = ?",
                Long.class,
                id,
                poor))
        .isZero();
    assertThat(held(poor, id)).isEqualTo(Doge.ZERO);
    assertThat(held(bob, id)).isEqualTo(doge("20"));
    assertThat(extensions(id))
        .as("no AuctionExtended from the refused bid")
        .isEqualTo(extensionsBefore);
    // What the bidder can hold is fine, and that one does extend.
    var within = bid(id, poor, "30");
    assertThat(within.status()).isEqualTo(201);
    assertThat(within.json().get("extended").asBoolean()).isTrue();
    assertThat(held(poor, id)).isEqualTo(doge("30"));
  }

  @Test
  void oneBalanceIsNeverPromisedToTwoAuctionsAndIsFreeAgainOnceOutbid() throws Exception {
    String a = openAuction("5"), b = openAuction("5");
    String dave = user("dave", 100), erin = user("erin", 1_000);
    assertThat(bid(a, dave, "60").status()).isEqualTo(201);
    var second = bid(b, dave, "60");
    assertThat(second.status()).as("only 40 left to hold").isEqualTo(409);
    assertThat(second.json().get("reason").asString()).isEqualTo("INSUFFICIENT_FUNDS");
    assertThat(bid(b, dave, "40").status()).isEqualTo(201);
    JsonNode balance = wallet.balance(dave);
    assertThat(balance.get("held").asString()).isEqualTo("100.00000000");
    assertThat(balance.get("available").asString()).isEqualTo("0.00000000");

    assertThat(bid(a, erin, "200").status()).isEqualTo(201);
    assertThat(held(dave, a)).isEqualTo(Doge.ZERO);
    assertThat(bid(b, dave, "95").status()).as("raising with the funds freed on A").isEqualTo(201);
    assertThat(held(dave, b)).isEqualTo(doge("95"));
    assertThat(wallet.balance(dave).get("held").asString()).isEqualTo("95.00000000");
  }

  @Test
  void buyItNowHoldsThePriceEndsTheAuctionAndReleasesTheLeader() throws Exception {
    String id = openAuction("5", "100", "150", Duration.ofDays(1));
    String bob = user("bob", 1_000), carol = user("carol", 1_000), poor = user("poor", 100);
    assertThat(bid(id, bob, "50").status()).isEqualTo(201);
    assertThat(get("/api/v1/auction/auctions/" + id, null).get("buyItNowPrice").asString())
        .as("a bid below the reserve leaves Buy It Now")
        .isEqualTo("150.00000000");
    var cannot = buyNow(id, poor, "b1");
    assertThat(cannot.status()).isEqualTo(409);
    assertThat(cannot.json().get("reason").asString()).isEqualTo("INSUFFICIENT_FUNDS");
    assertThat(auctions.find(id).orElseThrow().status()).isEqualTo(Auction.Status.ACTIVE);

    var bought = buyNow(id, carol, "b2");
    assertThat(bought.status()).isEqualTo(201);
    assertThat(bought.json().get("currentPrice").asString()).isEqualTo("150.00000000");
    assertThat(buyNow(id, carol, "b2").json()).as("a repeat").isEqualTo(bought.json());
    Auction ended = auctions.find(id).orElseThrow();
    assertThat(ended.status()).isEqualTo(Auction.Status.ENDED);
    assertThat(ended.winnerId()).contains(carol);
    assertThat(held(carol, id)).isEqualTo(doge("150"));
    assertThat(held(bob, id)).isEqualTo(Doge.ZERO);
    assertThat(bid(id, bob, "500").json().get("reason").asString()).isEqualTo("ENDED");
    assertThat(outbox(id)).containsSubsequence("AuctionEnded", "AuctionSold");
    CloseOutcome again = bidding.close(id, Instant.now());
    assertThat(again.result()).isEqualTo(CloseOutcome.Result.SOLD);
    assertThat(again.endedNow()).isFalse();
    assertThat(again.winnerId()).isEqualTo(carol);
  }

  @Test
  void buyItNowIsGoneOnceABidMeetsTheReserve() throws Exception {
    String id = openAuction("5", "100", "150", Duration.ofDays(1));
    String bob = user("bob", 1_000), carol = user("carol", 1_000);
    assertThat(bid(id, bob, "120").status()).isEqualTo(201);
    assertThat(get("/api/v1/auction/auctions/" + id, null).get("buyItNowPrice").isNull()).isTrue();
    var late = buyNow(id, carol, "b1");
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().get("reason").asString()).isEqualTo("BUY_IT_NOW_UNAVAILABLE");
    assertThat(held(carol, id)).isEqualTo(Doge.ZERO);
  }

  @Test
  void closingEndsOnceKeepsTheWinnersHoldAndRecordsAuctionEnded() throws Exception {
    String id = openAuction("5", null, null, Duration.ofMinutes(10));
    String bob = user("bob", 1_000), carol = user("carol", 1_000);
    bid(id, bob, "40");
    bid(id, carol, "30");
    assertThat(bidding.close(id, Instant.now()).result())
        .as("not before its end")
        .isEqualTo(CloseOutcome.Result.NOT_DUE);
    Instant end = auctions.find(id).orElseThrow().endsAt();
    CloseOutcome outcome = bidding.close(id, end);
    assertThat(outcome.result()).isEqualTo(CloseOutcome.Result.SOLD);
    assertThat(outcome.endedNow()).isTrue();
    assertThat(outcome.winnerId()).isEqualTo(bob);
    assertThat(outcome.finalPrice()).isEqualTo(doge("31"));
    assertThat(outcome.holdReference()).isEqualTo("auction-" + id);
    assertThat(held(bob, id)).as("the winner's hold waits for settlement").isEqualTo(doge("40"));
    assertThat(held(carol, id)).isEqualTo(Doge.ZERO);
    CloseOutcome twice = bidding.close(id, end.plusSeconds(5));
    assertThat(twice.endedNow()).isFalse();
    assertThat(twice.winnerId()).isEqualTo(bob);
    assertThat(outbox(id).stream().filter("AuctionEnded"::equals).count()).isEqualTo(1);
    assertThat(outbox(id)).containsSubsequence("AuctionEnded", "AuctionSold");
  }

  @Test
  void anUnsoldCloseReleasesTheLeadersHold() throws Exception {
    String id = openAuction("5", "100", null, Duration.ofMinutes(10));
    String bob = user("bob", 1_000);
    bid(id, bob, "60");
    assertThat(held(bob, id)).isEqualTo(doge("60"));
    CloseOutcome outcome = bidding.close(id, auctions.find(id).orElseThrow().endsAt());
    assertThat(outcome.result()).isEqualTo(CloseOutcome.Result.UNSOLD);
    assertThat(held(bob, id)).as("reserve not met: nothing to pay").isEqualTo(Doge.ZERO);
    assertThat(outbox(id)).containsSubsequence("AuctionEnded", "AuctionUnsold");
  }

  @Test
  void theReconcilerReleasesAHoldThatACrashLeftBehind() throws Exception {
    String id = openAuction("5");
    String bob = user("bob", 1_000), ghost = user("ghost", 1_000);
    bid(id, bob, "40");
    // As if auction-service died after raising ghost's hold and before committing ghost's bid.
    auctions.markHoldsUnsettled(id, List.of(ghost));
    assertThat(funds.hold(ghost, id, doge("70"))).isEqualTo(Funds.Outcome.HELD);
    jdbc.update(
        "UPDATE hold_sync SET since = ? WHERE listing_id = ?",
        Timestamp.from(Instant.now().minus(Duration.ofHours(2))),
        id);
    assertThat(reconciler.reconcileOnce()).isPositive();
    assertThat(held(ghost, id)).isEqualTo(Doge.ZERO);
    assertThat(held(bob, id)).isEqualTo(doge("40"));
    assertThat(unsettled(id)).isZero();
  }

  @Test
  void suspendedAccountsAndSellersCannotBid() throws Exception {
    String id = openAuction("5");
    String mallory = user("mallory", 1_000);
    jdbc.update(
        "INSERT INTO platform_account_standing (user_id, suspended, changed_at) VALUES (?, true, now())",
        mallory);
    var suspended = bid(id, mallory, "20");
    assertThat(suspended.status()).isEqualTo(403);
    assertThat(suspended.json().get("type").asString()).endsWith("/account-suspended");
    var seller = bid(id, "seller-" + run, "20");
    assertThat(seller.status()).isEqualTo(403);
    assertThat(seller.json().get("reason").asString()).isEqualTo("SELLER_CANNOT_BID");
    assertThat(auctions.find(id).orElseThrow().bidCount()).isZero();
    assertThat(held(mallory, id)).isEqualTo(Doge.ZERO);
  }

  @Test
  void theViewerBlockAndMyBidsTellEachBidderWhereTheyStand() throws Exception {
    String id = openAuction("5", null, null, Duration.ofMinutes(10));
    String bob = user("bob", 1_000), carol = user("carol", 1_000);
    bid(id, bob, "40");
    bid(id, carol, "60");
    JsonNode asCarol = get("/api/v1/auction/auctions/" + id, carol).get("viewer");
    assertThat(asCarol.get("leading").asBoolean()).isTrue();
    assertThat(asCarol.get("maxBid").asString()).isEqualTo("60.00000000");
    assertThat(asCarol.get("hasBid").asBoolean()).isTrue();
    assertThat(asCarol.get("isSeller").asBoolean()).isFalse();
    JsonNode asBob = get("/api/v1/auction/auctions/" + id, bob).get("viewer");
    assertThat(asBob.get("leading").asBoolean()).isFalse();
    assertThat(asBob.get("maxBid").asString()).isEqualTo("40.00000000");
    JsonNode asSeller = get("/api/v1/auction/auctions/" + id, "seller-" + run).get("viewer");
    assertThat(asSeller.get("isSeller").asBoolean()).isTrue();
    assertThat(asSeller.get("hasBid").asBoolean()).isFalse();
    JsonNode anonymous = get("/api/v1/auction/auctions/" + id, null);
    assertThat(anonymous.has("viewer") && !anonymous.get("viewer").isNull()).isFalse();
    assertThat(anonymous.toString()).doesNotContain("60.00000000");

    JsonNode bobs = get("/api/v1/auction/my/bids", bob).get("items");
    assertThat(bobs).hasSize(1);
    assertThat(bobs.get(0).get("listingId").asString()).isEqualTo(id);
    assertThat(bobs.get(0).get("status").asString()).isEqualTo("outbid");
    assertThat(bobs.get(0).get("myMaxBid").asString()).isEqualTo("40.00000000");
    assertThat(bobs.get(0).get("currentPrice").asString()).isEqualTo("41.00000000");
    assertThat(bobs.get(0).has("endsAt")).isTrue();
    assertThat(get("/api/v1/auction/my/bids", carol).get("items").get(0).get("status").asString())
        .isEqualTo("leading");
    bidding.close(id, auctions.find(id).orElseThrow().endsAt());
    assertThat(get("/api/v1/auction/my/bids", carol).get("items").get(0).get("status").asString())
        .isEqualTo("won");
    assertThat(get("/api/v1/auction/my/bids", bob).get("items").get(0).get("status").asString())
        .isEqualTo("lost");
  }

  long extensions(String id) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM platform_outbox WHERE detail::jsonb->>'listingId' = ? AND detail_type = 'AuctionExtended'",
        Long.class,
        id);
  }

  long unsettled(String id) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM hold_sync WHERE listing_id = ?", Long.class, id);
  }

  List<String> outbox(String id) {
    return jdbc.queryForList(
        "SELECT detail_type FROM platform_outbox WHERE detail::jsonb->>'listingId' = ? ORDER BY seq",
        String.class,
        id);
  }

  record Response(int status, String contentType, JsonNode json) {}

  Response bid(String id, String user, String maxBid) throws Exception {
    return send(
        "/api/v1/auction/auctions/" + id + "/bids",
        user,
        UUID.randomUUID().toString(),
        "{\"maxBid\":\"" + maxBid + "\"}");
  }

  Response buyNow(String id, String user, String key) throws Exception {
    return send("/api/v1/auction/auctions/" + id + "/buy-it-now", user, key + "-" + run, "");
  }

  Response send(String path, String user, String key, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    sign(request, "POST", path, user);
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        json.readTree(response.body()));
  }

  JsonNode get(String path, String user) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (user != null) {
      sign(request, "GET", path, user);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  void sign(HttpRequest.Builder request, String method, String path, String user) {
    Identity identity = new Identity(user, null, user, null, Set.of("USER"));
    long now = proof.now();
    request
        .header(IdentityHeaders.USER_ID, user)
        .header(IdentityHeaders.COGNITO_USERNAME, user)
        .header(IdentityHeaders.ROLES, "USER")
        .header(IdentityHeaders.PROOF_TIMESTAMP, Long.toString(now))
        .header(IdentityHeaders.PROOF_SIGNATURE, proof.sign(identity, method, path, now));
  }
}
