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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
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
 * Bidding over HTTP against the real PostgreSQL: what an acknowledged bid guarantees under
 * contention, idempotency, and the refusals.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "dbay.identity.gateway-secret=" + BiddingIT.SECRET)
class BiddingIT {

  static final String SECRET = "auction-bidding-it-secret-0123456789abcdef";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestStores.ensureDatabase("auction");
    RealWallet.register(registry);
  }

  /** Bidders with funds in the real wallet, once per name per run. */
  static final Set<String> FUNDED = ConcurrentHashMap.newKeySet();

  static void fund(String... users) {
    for (String user : users) {
      if (FUNDED.add(user)) {
        RealWallet.get().fund(user, 10_000);
      }
    }
  }

  @LocalServerPort int port;
  @Autowired Auctions auctions;
  @Autowired JdbcTemplate jdbc;
  @Autowired JsonMapper json;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final GatewayProof proof = new GatewayProof(SECRET);

  String openAuction(String start, String reserve) {
    String id = "L-" + UUID.randomUUID();
    Instant now = Instant.now();
    auctions.open(
        new AuctionTerms(
            id,
            "alice",
            Doge.parse(start),
            Optional.ofNullable(reserve).map(Doge::parse),
            Optional.empty(),
            now.minusSeconds(60),
            now.plus(Duration.ofDays(1))));
    return id;
  }

  @Test
  void fiftyConcurrentBiddersAgreeWithASequentialReplayOfTheAcknowledgedBids() throws Exception {
    String id = openAuction("1", "300");
    int bidders = 50, bidsEach = 12;
    String run = UUID.randomUUID().toString().substring(0, 8);
    for (int b = 0; b < bidders; b++) {
      fund("bidder" + b + "-" + run);
    }
    Map<Long, String[]> acknowledged = new ConcurrentHashMap<>();
    Map<Long, String> priceAcknowledged = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(bidders);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> done = new ArrayList<>();
    for (int b = 0; b < bidders; b++) {
      String bidder = "bidder" + b + "-" + run;
      done.add(
          pool.submit(
              () -> {
                go.await();
                int sent = 0;
                for (int i = 0; i < bidsEach; i++) {
                  String max =
                      Doge.ofKoinu(
                              ThreadLocalRandom.current().nextLong(1, 500L * Doge.KOINU_PER_DOGE))
                          .toString();
                  var r = post(id, bidder, UUID.randomUUID().toString(), max);
                  if (r.status() == 201) {
                    long seq = r.json().get("sequence").asLong();
                    assertThat(acknowledged.put(seq, new String[] {bidder, max}))
                        .as("sequence %d given twice", seq)
                        .isNull();
                    priceAcknowledged.put(seq, r.json().get("currentPrice").asString());
                  } else {
                    assertThat(r.status()).as(r.json().toString()).isEqualTo(409);
                    assertThat(r.json().get("reason").asString())
                        .isIn("BELOW_MINIMUM", "NOT_ABOVE_OWN_MAXIMUM");
                  }
                  sent++;
                }
                return sent;
              }));
    }
    go.countDown();
    for (Future<Integer> f : done) {
      assertThat(f.get()).isEqualTo(bidsEach);
    }
    pool.shutdown();

    List<Map<String, Object>> log =
        jdbc.queryForList(
            "SELECT sequence, bidder_id, max_bid, price_after FROM bids WHERE listing_id = ? ORDER BY sequence",
            id);
    assertThat(log)
        .as("every acknowledged bid is stored, and nothing else")
        .hasSize(acknowledged.size());
    ProxyBiddingModelTest.Model model =
        new ProxyBiddingModelTest.Model(Doge.parse("1"), Optional.of(Doge.parse("300")));
    long expected = 1;
    for (Map<String, Object> row : log) {
      long seq = ((Number) row.get("sequence")).longValue();
      assertThat(seq).as("sequences have no gaps").isEqualTo(expected++);
      String[] ack = acknowledged.get(seq);
      assertThat(ack).as("bid %d was acknowledged", seq).isNotNull();
      Doge max = Doge.ofKoinu(((Number) row.get("max_bid")).longValue());
      assertThat(row.get("bidder_id")).isEqualTo(ack[0]);
      assertThat(max).isEqualTo(Doge.parse(ack[1]));
      assertThat(model.bid(ack[0], max)).as("the model accepts bid %d in this order", seq).isTrue();
      assertThat(Doge.parse(priceAcknowledged.get(seq)))
          .as("price answered for bid %d", seq)
          .isEqualTo(model.price);
      assertThat(Doge.ofKoinu(((Number) row.get("price_after")).longValue()))
          .isEqualTo(model.price);
    }
    Auction stored = auctions.find(id).orElseThrow();
    assertThat(stored.leaderId().orElse(null)).isEqualTo(model.leader());
    assertThat(stored.currentPrice()).isEqualTo(model.price);
    assertThat(stored.bidCount()).isEqualTo(log.size());
    Long events =
        jdbc.queryForObject(
            "SELECT count(*) FROM platform_outbox WHERE detail_type = 'BidPlaced' AND detail::jsonb->>'listingId' = ?",
            Long.class,
            id);
    assertThat(events).as("one BidPlaced per accepted bid").isEqualTo(log.size());
    // Funds: exactly the leader holds, and exactly its maximum; everyone else holds nothing.
    for (int b = 0; b < bidders; b++) {
      String bidder = "bidder" + b + "-" + run;
      Doge held = RealWallet.get().held(bidder, id);
      if (bidder.equals(model.leader())) {
        assertThat(held).as("the leader's hold").isEqualTo(stored.leaderMax().orElseThrow());
      } else {
        assertThat(held).as("hold of %s, who does not lead", bidder).isEqualTo(Doge.ZERO);
      }
    }
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM hold_sync WHERE listing_id = ?", Long.class, id))
        .as("no hold is left unsettled")
        .isZero();
  }

  @Test
  void aRepeatedIdempotencyKeyGetsTheFirstAnswerAndBidsOnce() throws Exception {
    String id = openAuction("5", null);
    var first = post(id, "bob", "key-1", "20");
    var repeat = post(id, "bob", "key-1", "20");
    assertThat(first.status()).isEqualTo(201);
    assertThat(repeat.status()).isEqualTo(201);
    assertThat(repeat.json()).isEqualTo(first.json());
    var other = post(id, "bob", "key-1", "30");
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.json().get("type").asString()).endsWith("/idempotency-key-reused");
    assertThat(
            jdbc.queryForObject("SELECT count(*) FROM bids WHERE listing_id = ?", Long.class, id))
        .isEqualTo(1);
  }

  @Test
  void aRefusedBidIsAProblemThatNamesTheMinimumAndChangesNothing() throws Exception {
    String id = openAuction("5", null);
    post(id, "bob", "k1", "20");
    var low = post(id, "carol", "k2", "5.4");
    assertThat(low.status()).isEqualTo(409);
    assertThat(low.contentType()).startsWith("application/problem+json");
    assertThat(low.json().get("type").asString()).endsWith("/bid-refused");
    assertThat(low.json().get("reason").asString()).isEqualTo("BELOW_MINIMUM");
    assertThat(low.json().get("minNextBid").asString()).isEqualTo("5.50000000");
    var seller = post(id, "alice", "k3", "50");
    assertThat(seller.json().get("reason").asString()).isEqualTo("SELLER_CANNOT_BID");
    assertThat(auctions.find(id).orElseThrow().bidCount()).isEqualTo(1);
  }

  @Test
  void badRequestsAreProblemsAndBidsNeedAProvenIdentity() throws Exception {
    String id = openAuction("5", null);
    assertThat(post(id, "bob", null, "20").status()).isEqualTo(400);
    assertThat(post(id, "bob", "k", "20.123456789").status()).isEqualTo(400);
    assertThat(post(id, "bob", "k", "-3").status()).isEqualTo(400);
    assertThat(post(id, "bob", "k0", "0").status()).isEqualTo(400);
    assertThat(post("L-missing-" + UUID.randomUUID(), "bob", "k", "20").status()).isEqualTo(404);
    HttpRequest forged =
        HttpRequest.newBuilder(URI.create(base() + "/api/v1/auction/auctions/" + id + "/bids"))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", "k9")
            .header(IdentityHeaders.USER_ID, "bob")
            .POST(HttpRequest.BodyPublishers.ofString("{\"maxBid\":\"20\"}"))
            .build();
    assertThat(http.send(forged, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    assertThat(auctions.find(id).orElseThrow().bidCount()).isZero();
  }

  @Test
  void theAuctionViewShowsAMaximumOnlyToItsOwnerAndTheServerTime() throws Exception {
    String id = openAuction("5", "100");
    post(id, "bob", "k1", "40");
    JsonNode anonymous = get("/api/v1/auction/auctions/" + id, null);
    assertThat(anonymous.get("currentPrice").asString()).isEqualTo("5.00000000");
    assertThat(anonymous.get("leaderAlias").asString()).isEqualTo("b***b");
    assertThat(anonymous.get("reserveMet").asBoolean()).isFalse();
    assertThat(anonymous.get("yourMaxBid").isNull()).isTrue();
    assertThat(anonymous.toString()).doesNotContain("40.00000000").doesNotContain("100.00000000");
    assertThat(Instant.parse(anonymous.get("serverTime").asString()))
        .isCloseTo(Instant.now(), within());
    JsonNode leader = get("/api/v1/auction/auctions/" + id, "bob");
    assertThat(leader.get("youAreLeading").asBoolean()).isTrue();
    assertThat(leader.get("yourMaxBid").asString()).isEqualTo("40.00000000");
    JsonNode other = get("/api/v1/auction/auctions/" + id, "carol");
    assertThat(other.get("youAreLeading").asBoolean()).isFalse();
    assertThat(other.get("yourMaxBid").isNull()).isTrue();
    JsonNode history = get("/api/v1/auction/auctions/" + id + "/bids", null);
    assertThat(history.get("bids").get(0).get("bidder").asString()).isEqualTo("b***b");
    assertThat(history.toString()).doesNotContain("\"bob\"");
  }

  static org.assertj.core.data.TemporalUnitOffset within() {
    return org.assertj.core.api.Assertions.within(30, java.time.temporal.ChronoUnit.SECONDS);
  }

  record Response(int status, String contentType, JsonNode json) {}

  String base() {
    return "http://localhost:" + port;
  }

  Response post(String id, String user, String key, String maxBid) throws Exception {
    if (user != null && !user.equals("alice")) {
      fund(user);
    }
    String path = "/api/v1/auction/auctions/" + id + "/bids";
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"maxBid\":\"" + maxBid + "\"}"));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    sign(request, "POST", path, user);
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        json.readTree(response.body()));
  }

  JsonNode get(String path, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
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
