package com.dbay.auction.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.auction.bidding.AuctionTerms;
import com.dbay.auction.bidding.Auctions;
import com.dbay.auction.bidding.RealWallet;
import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.identity.IdentityHeaders;
import com.dbay.platform.money.Doge;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hot state in Redis follows every commit and comes back from PostgreSQL after a flush; the
 * frames of the real-time contract go out on Redis pub/sub.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "dbay.identity.gateway-secret=" + LiveAuctionsIT.SECRET)
class LiveAuctionsIT {

  static final String SECRET = "auction-live-it-secret-0123456789abcdef0123";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestStores.ensureDatabase("auction");
    RealWallet.register(registry);
  }

  @LocalServerPort int port;
  @Autowired Auctions auctions;
  @Autowired StringRedisTemplate redis;
  @Autowired RedisConnectionFactory connections;
  @Autowired JsonMapper json;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final GatewayProof proof = new GatewayProof(SECRET);
  final Set<String> funded = ConcurrentHashMap.newKeySet();
  final BlockingQueue<String[]> published = new LinkedBlockingQueue<>();
  RedisMessageListenerContainer listener;

  @BeforeEach
  void listen() throws Exception {
    listener = new RedisMessageListenerContainer();
    listener.setConnectionFactory(connections);
    // One thread, in arrival order: the default executor hands each message to a new thread, so two
    // frames of one commit could reach the queue swapped (as the gateway's ordered stream never
    // does).
    listener.setTaskExecutor(new org.springframework.core.task.SyncTaskExecutor());
    listener.addMessageListener(
        (message, pattern) ->
            published.add(
                new String[] {
                  new String(message.getChannel(), StandardCharsets.UTF_8),
                  new String(message.getBody(), StandardCharsets.UTF_8)
                }),
        new PatternTopic("dbay:ws:*"));
    listener.afterPropertiesSet();
    listener.start();
    Thread.sleep(300); // the subscription is asynchronous
  }

  @AfterEach
  void stop() throws Exception {
    listener.destroy();
  }

  String openAuction(Duration endsIn) {
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
            now.plus(endsIn)));
    return id;
  }

  @Test
  void theHotStateFollowsEveryCommitAndIsRebuiltFromPostgresqlAfterARedisFlush() throws Exception {
    String id = openAuction(Duration.ofDays(1));
    assertThat(post(id, "bob", "10").statusCode()).isEqualTo(201);
    assertThat(post(id, "carol", "20").statusCode()).isEqualTo(201);

    String stored = (String) redis.opsForHash().get(LiveAuctions.KEY_PREFIX + id, "s");
    assertThat(stored).as("hot state written after the commit").isNotNull();
    JsonNode hot = json.readTree(stored);
    assertThat(hot.get("bidCount").asInt()).isEqualTo(2);
    assertThat(hot.get("leaderId").asString()).isEqualTo("carol");
    JsonNode before = get(id);
    assertThat(before.get("currentPrice").asString()).isEqualTo("11.00000000");
    assertThat(before.get("bidCount").asInt()).isEqualTo(2);
    assertThat(before.get("leaderAlias").asString()).isNotBlank();

    connections.getConnection().serverCommands().flushAll();
    JsonNode after = get(id);
    for (String field :
        List.of("currentPrice", "minNextBid", "bidCount", "leaderAlias", "endsAt")) {
      assertThat(after.get(field)).as(field).isEqualTo(before.get(field));
    }
    assertThat(redis.hasKey(LiveAuctions.KEY_PREFIX + id))
        .as("the read put the state back")
        .isTrue();
    assertThat(post(id, "bob", "30").statusCode()).isEqualTo(201);
    assertThat(get(id).get("bidCount").asInt()).isEqualTo(3);
  }

  @Test
  void aCommitPublishesBidPlacedToWatchersAndBidOutbidToThePreviousLeaderOnly() throws Exception {
    String id = openAuction(Duration.ofDays(1));
    assertThat(post(id, "bob", "10").statusCode()).isEqualTo(201);
    String[] first = next("dbay:ws:auction:" + id);
    JsonNode placed = json.readTree(first[1]);
    assertThat(placed.get("type").asString()).isEqualTo("bid.placed");
    assertThat(placed.get("channel").asString()).isEqualTo("auction:" + id);
    List<String> fields = new ArrayList<>();
    placed.get("data").propertyNames().forEach(fields::add);
    assertThat(fields)
        .containsExactly(
            "listingId",
            "currentPrice",
            "minNextBid",
            "bidCount",
            "leaderAlias",
            "endsAt",
            "placedAt",
            "serverTime");
    assertThat(placed.get("data").get("bidCount").asInt()).isEqualTo(1);

    assertThat(post(id, "carol", "20").statusCode()).isEqualTo(201);
    JsonNode second = json.readTree(next("dbay:ws:auction:" + id)[1]);
    assertThat(second.get("data").get("currentPrice").asString()).isEqualTo("11.00000000");
    assertThat(second.get("data").get("leaderAlias").asString())
        .isEqualTo(get(id).get("leaderAlias").asString());
    JsonNode outbid = json.readTree(next("dbay:ws:user:bob")[1]);
    assertThat(outbid.get("type").asString()).isEqualTo("bid.outbid");
    assertThat(outbid.get("channel").asString()).isEqualTo("user");
    assertThat(outbid.get("data").get("listingId").asString()).isEqualTo(id);
    assertThat(outbid.get("data").get("minNextBid").asString()).isEqualTo("12.00000000");

    // carol raising her own maximum outbids nobody
    assertThat(post(id, "carol", "40").statusCode()).isEqualTo(201);
    next("dbay:ws:auction:" + id);
    assertThat(published.poll(300, TimeUnit.MILLISECONDS))
        .as("no frame for a user channel")
        .isNull();
  }

  @Test
  void aLateBidPublishesTheExtensionWithItsReason() throws Exception {
    String id = openAuction(Duration.ofSeconds(60));
    assertThat(post(id, "bob", "10").statusCode()).isEqualTo(201);
    JsonNode extended = json.readTree(next("dbay:ws:auction:" + id)[1]);
    assertThat(extended.get("type").asString()).isEqualTo("auction.extended");
    assertThat(extended.get("data").get("reason").asString()).contains("extended");
    assertThat(Instant.parse(extended.get("data").get("endsAt").asString()))
        .isAfter(Instant.parse(extended.get("data").get("previousEndsAt").asString()));
    JsonNode placed = json.readTree(next("dbay:ws:auction:" + id)[1]);
    assertThat(placed.get("type").asString()).isEqualTo("bid.placed");
    assertThat(placed.get("data").get("endsAt").asString())
        .isEqualTo(extended.get("data").get("endsAt").asString());
  }

  String[] next(String channel) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      String[] m = published.poll(100, TimeUnit.MILLISECONDS);
      if (m != null && m[0].equals(channel)) {
        return m;
      }
      if (m != null && m[0].startsWith("dbay:ws:user:") && !m[0].equals(channel)) {
        throw new AssertionError("unexpected frame on " + m[0] + ": " + m[1]);
      }
    }
    throw new AssertionError("nothing published on " + channel);
  }

  HttpResponse<String> post(String id, String user, String maxBid) throws Exception {
    if (funded.add(user)) {
      RealWallet.get().fund(user, 100_000); // bids are backed by funds
    }
    String path = "/api/v1/auction/auctions/" + id + "/bids";
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(HttpRequest.BodyPublishers.ofString("{\"maxBid\":\"" + maxBid + "\"}"));
    sign(request, "POST", path, user);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode get(String id) throws Exception {
    String path = "/api/v1/auction/auctions/" + id;
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
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
