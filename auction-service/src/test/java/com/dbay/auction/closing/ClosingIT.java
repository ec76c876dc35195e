package com.dbay.auction.closing;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.auction.bidding.AuctionTerms;
import com.dbay.auction.bidding.Auctions;
import com.dbay.auction.bidding.Funds;
import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.identity.IdentityHeaders;
import com.dbay.platform.money.Doge;
import com.dbay.platform.test.TestCallers;
import com.dbay.platform.test.TestStores;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Closing over HTTP against the real PostgreSQL, called as auction-closer and auction-settlement
 * are: an auction past its end is listed as due, ends exactly once however many closes race, a bid
 * after the end is refused, and settlement reads the winner, the price and the other bidders.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "dbay.identity.gateway-secret=" + ClosingIT.SECRET)
class ClosingIT {

  static final String SECRET = "auction-closing-it-secret-0123456789abcdef";
  static final TestCallers CALLERS = TestCallers.forPart("auction-service");

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) {
    TestStores.ensureDatabase("auction");
    registry.add("dbay.service-calls.trusted-callers-file", CALLERS::trustedCallersFile);
  }

  /** The wallet as auction-service sees it: every hold granted, the last amount per bidder kept. */
  @TestConfiguration
  static class GrantingWallet {
    static final Map<String, Doge> HOLDS = new ConcurrentHashMap<>();

    @Bean
    @Primary
    Funds grantingFunds() {
      return new Funds() {
        public Outcome hold(String userId, String listingId, Doge amount) {
          HOLDS.put(userId + "/" + listingId, amount);
          return Outcome.HELD;
        }

        public boolean release(String userId, String listingId) {
          HOLDS.put(userId + "/" + listingId, Doge.ZERO);
          return true;
        }
      };
    }
  }

  @LocalServerPort int port;
  @Autowired Auctions auctions;
  @Autowired JdbcTemplate jdbc;
  @Autowired JsonMapper json;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final GatewayProof proof = new GatewayProof(SECRET);

  record Response(int status, JsonNode json) {}

  @Test
  void an_auction_past_its_end_is_due_ends_once_under_racing_closes_and_refuses_later_bids()
      throws Exception {
    String id = openAuction(Duration.ofHours(1));
    assertThat(bid(id, "bob", "10").status()).isEqualTo(201);
    assertThat(bid(id, "carol", "20").status()).isEqualTo(201);
    assertThat(call("auction-settlement", "GET", outcomePath(id)).status())
        .as("no outcome while it runs")
        .isEqualTo(409);
    assertThat(dueNow()).doesNotContain(id);

    endNow(id);
    assertThat(dueNow()).contains(id);

    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<Response>> closes = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      closes.add(
          pool.submit(
              () ->
                  call(
                      "auction-closer",
                      "POST",
                      "/api/v1/auction/internal/auctions/" + id + "/close")));
    }
    int endedNow = 0;
    for (Future<Response> close : closes) {
      Response r = close.get();
      assertThat(r.status()).as(r.json().toString()).isEqualTo(200);
      assertThat(r.json().get("result").asString()).isEqualTo("SOLD");
      assertThat(r.json().get("winnerId").asString()).isEqualTo("carol");
      assertThat(r.json().get("finalPrice").asString()).isEqualTo(Doge.parse("11").toString());
      if (r.json().get("endedNow").asBoolean()) {
        endedNow++;
      }
    }
    pool.shutdown();
    assertThat(endedNow).as("exactly one close ended it").isEqualTo(1);
    assertThat(outbox(id, "AuctionEnded")).isEqualTo(1);
    assertThat(outbox(id, "AuctionSold")).isEqualTo(1);
    assertThat(dueNow()).doesNotContain(id);

    Response late = bid(id, "bob", "50");
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().get("reason").asString()).isEqualTo("ENDED");

    Response outcome = call("auction-settlement", "GET", outcomePath(id));
    assertThat(outcome.status()).isEqualTo(200);
    assertThat(outcome.json().get("sold").asBoolean()).isTrue();
    assertThat(outcome.json().get("sellerId").asString()).isEqualTo("alice");
    assertThat(outcome.json().get("winnerId").asString()).isEqualTo("carol");
    assertThat(outcome.json().get("finalPrice").asString()).isEqualTo(Doge.parse("11").toString());
    assertThat(outcome.json().get("otherBidders").toString()).isEqualTo("[\"bob\"]");
  }

  @Test
  void an_auction_without_bids_ends_unsold_and_a_close_before_the_end_changes_nothing()
      throws Exception {
    String id = openAuction(Duration.ofHours(1));
    Response early =
        call("auction-closer", "POST", "/api/v1/auction/internal/auctions/" + id + "/close");
    assertThat(early.status()).isEqualTo(200);
    assertThat(early.json().get("result").asString()).isEqualTo("NOT_DUE");
    assertThat(outbox(id, "AuctionEnded")).isZero();

    endNow(id);
    Response closed =
        call("auction-closer", "POST", "/api/v1/auction/internal/auctions/" + id + "/close");
    assertThat(closed.json().get("result").asString()).isEqualTo("UNSOLD");
    assertThat(closed.json().get("endedNow").asBoolean()).isTrue();
    Response outcome = call("auction-settlement", "GET", outcomePath(id));
    assertThat(outcome.json().get("sold").asBoolean()).isFalse();
    assertThat(outcome.json().get("otherBidders").size()).isZero();
  }

  @Test
  void only_the_named_functions_may_close_or_read_outcomes() throws Exception {
    String id = openAuction(Duration.ofDays(1));
    String close = "/api/v1/auction/internal/auctions/" + id + "/close";
    assertThat(unsigned("POST", close)).isIn(401, 403);
    assertThat(call("auction-settlement", "POST", close).status()).isEqualTo(403);
    assertThat(call(TestCallers.STRANGER, "GET", outcomePath(id)).status()).isIn(401, 403);
    assertThat(call("auction-closer", "GET", outcomePath(id)).status()).isEqualTo(403);
    assertThat(
            call("auction-closer", "POST", "/api/v1/auction/internal/auctions/nope/close").status())
        .isEqualTo(404);
    assertThat(
            call("auction-closer", "GET", "/api/v1/auction/internal/auctions/due?limit=0").status())
        .isEqualTo(400);
  }

  // ---- helpers

  String openAuction(Duration runsFor) {
    String id = "L-" + UUID.randomUUID();
    Instant now = Instant.now();
    auctions.open(
        new AuctionTerms(
            id,
            "alice",
            Doge.parse("1"),
            Optional.empty(),
            Optional.empty(),
            now.minusSeconds(60),
            now.plus(runsFor)));
    return id;
  }

  /**
   * Moves the auction's end into the past, as time passing would (the aggregate is loaded afresh
   * for every lane batch); a real few-second auction is at the mercy of a loaded test machine.
   */
  void endNow(String id) {
    jdbc.update(
        "UPDATE auctions SET original_ends_at = now() - interval '1 second',"
            + " ends_at = now() - interval '1 second' WHERE listing_id = ?",
        id);
  }

  List<String> dueNow() throws Exception {
    Response r =
        call(
            "auction-closer",
            "GET",
            "/api/v1/auction/internal/auctions/due?asOf=" + Instant.now() + "&limit=500");
    assertThat(r.status()).as(r.json().toString()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    r.json().get("listingIds").forEach(n -> ids.add(n.asString()));
    return ids;
  }

  static String outcomePath(String id) {
    return "/api/v1/auction/internal/auctions/" + id + "/outcome";
  }

  int outbox(String id, String detailType) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM platform_outbox WHERE detail_type = ? AND detail LIKE ?",
        Integer.class,
        detailType,
        "%" + id + "%");
  }

  Response call(String caller, String method, String pathAndQuery) throws Exception {
    byte[] body = method.equals("POST") ? "{}".getBytes(StandardCharsets.UTF_8) : new byte[0];
    URI uri = URI.create("http://localhost:" + port + pathAndQuery);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .method(
                method,
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (body.length > 0) {
      request.header("Content-Type", "application/json");
    }
    CALLERS.signer(caller).headers(method, uri, body).forEach(request::header);
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(
        response.statusCode(),
        response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body()));
  }

  int unsigned(String method, String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  Response bid(String id, String user, String maxBid) throws Exception {
    String path = "/api/v1/auction/auctions/" + id + "/bids";
    Identity identity = new Identity(user, null, user, null, Set.of("USER"));
    long now = proof.now();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .header(IdentityHeaders.USER_ID, user)
            .header(IdentityHeaders.COGNITO_USERNAME, user)
            .header(IdentityHeaders.ROLES, "USER")
            .header(IdentityHeaders.PROOF_TIMESTAMP, Long.toString(now))
            .header(IdentityHeaders.PROOF_SIGNATURE, proof.sign(identity, "POST", path, now))
            .POST(HttpRequest.BodyPublishers.ofString("{\"maxBid\":\"" + maxBid + "\"}"))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Response(response.statusCode(), json.readTree(response.body()));
  }
}
