package com.dbay.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.notification.intake.SqsEventConsumer;
import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.identity.IdentityHeaders;
import com.dbay.platform.test.TestStores;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole intake against real stores: events as EventBridge delivers them to SQS, on a real
 * SQS-API server (ElasticMQ) with a redrive policy, consumed by the service into PostgreSQL and
 * pushed on Redis; the API as the gateway calls it (signed identity).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationQueueIT {

  private static final String SECRET = "notification-it-gateway-secret-0123456789abcdef";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestStores.ensureDatabase("notification");
    registry.add("dbay.identity.gateway-secret", () -> SECRET);
    registry.add("dbay.notification.sqs.endpoint", () -> TestSqs.get().endpoint());
    registry.add("dbay.notification.sqs.queue", () -> TestSqs.QUEUE);
    registry.add("dbay.notification.sqs.dead-letter-queue", () -> TestSqs.DLQ);
    // Short, so that abandoned and poison messages come back within the test.
    registry.add("dbay.notification.sqs.visibility-timeout", () -> "2s");
    registry.add("dbay.notification.sqs.poll-wait", () -> "1s");
    registry.add("dbay.notification.sqs.dead-letter-check", () -> "500ms");
    // The SES-API server ./dbay test starts (aws-ses-v2-local); a short batch window.
    registry.add("dbay.notification.email.endpoint", NotificationQueueIT::sesEndpoint);
    registry.add("dbay.notification.email.batch-window", () -> "3s");
    registry.add("dbay.notification.email.poll-interval", () -> "500ms");
    registry.add("dbay.notification.email.web-url", () -> "http://dbay.test");
  }

  static String sesEndpoint() {
    String endpoint = TestStores.get("DBAY_SES_ENDPOINT", "");
    if (endpoint.isBlank()) {
      throw new IllegalStateException("no DBAY_SES_ENDPOINT: run the tests with ./dbay test");
    }
    return endpoint;
  }

  @LocalServerPort int port;
  @Autowired SqsEventConsumer consumer;
  @Autowired JdbcTemplate jdbc;
  @Autowired RedisConnectionFactory redis;
  @Autowired StringRedisTemplate redisTemplate;

  private final HttpClient http = HttpClient.newHttpClient();
  private final GatewayProof proof = new GatewayProof(SECRET);

  @Test
  void theOutbidBidderIsToldOnceLiveAndInTheListAndOnlyTheyCanReadIt() throws Exception {
    String bob = user("bob");
    String carol = user("carol");
    String listing = "L-" + UUID.randomUUID();
    List<JsonNode> frames = listen(bob);

    String outbid =
        event(
            "dbay.auction",
            "BidPlaced",
            Map.of(
                "listingId", listing,
                "bidderId", carol,
                "leaderId", carol,
                "previousLeaderId", bob,
                "currentPrice", "12.50000000",
                "selfRaise", false));
    TestSqs.get().send(outbid);
    TestSqs.get().send(outbid); // delivered twice, as SQS may
    // bob raising his own maximum later tells nobody
    TestSqs.get()
        .send(
            event(
                "dbay.auction",
                "BidPlaced",
                Map.of(
                    "listingId", listing,
                    "bidderId", carol,
                    "leaderId", carol,
                    "previousLeaderId", carol,
                    "currentPrice", "13.00000000",
                    "selfRaise", true)));

    await(() -> get("/api/v1/notification/notifications", bob).path("total").asLong() >= 1);
    await(() -> !frames.isEmpty());
    Thread.sleep(1500); // the duplicate and the self-raise had every chance to arrive

    JsonNode page = get("/api/v1/notification/notifications", bob);
    assertThat(page.path("total").asLong()).isEqualTo(1);
    assertThat(page.path("unreadCount").asLong()).isEqualTo(1);
    JsonNode n = page.path("items").get(0);
    assertThat(n.path("kind").asString()).isEqualTo("outbid");
    assertThat(n.path("title").asString()).isEqualTo("You were outbid");
    assertThat(n.path("body").asString()).contains("12.5 DOGE");
    assertThat(n.path("link").asString()).isEqualTo("/auctions/" + listing);
    assertThat(n.path("unread").asBoolean()).isTrue();

    assertThat(frames).hasSize(1);
    JsonNode frame = frames.get(0);
    assertThat(frame.path("type").asString()).isEqualTo("notification");
    assertThat(frame.path("channel").asString()).isEqualTo("user");
    assertThat(frame.path("data").path("id").asString()).isEqualTo(n.path("id").asString());
    assertThat(frame.path("data").path("kind").asString()).isEqualTo("outbid");
    assertThat(frame.path("data").path("unreadCount").asLong()).isEqualTo(1);

    assertThat(get("/api/v1/notification/notifications", carol).path("total").asLong()).isZero();

    String id = n.path("id").asString();
    // Another user's notification does not exist for them, and stays unread.
    assertThat(
            call("POST", "/api/v1/notification/notifications/" + id + "/read", carol, false).status)
        .isEqualTo(404);
    assertThat(unread(bob)).isEqualTo(1);
    assertThat(
            call("POST", "/api/v1/notification/notifications/" + id + "/read", bob, false).status)
        .isEqualTo(204);
    assertThat(unread(bob)).isZero();
    assertThat(
            call(
                    "POST",
                    "/api/v1/notification/notifications/" + UUID.randomUUID() + "/read",
                    bob,
                    false)
                .status)
        .isEqualTo(404);
  }

  @Test
  void anAuctionsEndTellsTheBiddersWhoDidNotWinAndMarkAllReadClearsTheCount() {
    String bob = user("bob");
    String carol = user("carol");
    String seller = user("alice");
    String listing = "L-" + UUID.randomUUID();
    TestSqs.get()
        .send(
            event(
                "dbay.auction",
                "BidPlaced",
                Map.of(
                    "listingId",
                    listing,
                    "bidderId",
                    bob,
                    "leaderId",
                    bob,
                    "currentPrice",
                    "10.00000000")));
    TestSqs.get()
        .send(
            event(
                "dbay.auction",
                "BidPlaced",
                Map.of(
                    "listingId", listing,
                    "bidderId", carol,
                    "leaderId", carol,
                    "previousLeaderId", bob,
                    "currentPrice", "11.00000000")));
    await(() -> unread(bob) == 1);
    TestSqs.get()
        .send(
            event(
                "dbay.auction",
                "AuctionSold",
                Map.of(
                    "listingId",
                    listing,
                    "sellerId",
                    seller,
                    "winnerId",
                    carol,
                    "finalPrice",
                    "11.00000000")));
    await(() -> unread(bob) == 2);

    JsonNode page = get("/api/v1/notification/notifications?page=0&size=1", bob);
    assertThat(page.path("items")).hasSize(1);
    assertThat(page.path("total").asLong()).isEqualTo(2);
    assertThat(page.path("items").get(0).path("kind").asString()).isEqualTo("auction_lost");
    assertThat(page.path("items").get(0).path("body").asString()).contains("11 DOGE");
    assertThat(get("/api/v1/notification/notifications", carol).path("total").asLong()).isZero();

    Response all = call("POST", "/api/v1/notification/notifications/read-all", bob, false);
    assertThat(all.status).isEqualTo(200);
    assertThat(all.json.path("marked").asInt()).isEqualTo(2);
    assertThat(unread(bob)).isZero();
  }

  @Test
  void preferencesHaveDefaultsAreSetPerKindAndChannelAndAnInAppOffKindIsNotStored() {
    String frank = user("frank");
    JsonNode defaults = get("/api/v1/notification/preferences", frank);
    assertThat(defaults.path("channels").toString()).isEqualTo("[\"in_app\",\"email\",\"push\"]");
    JsonNode outbid = kind(defaults, "outbid");
    assertThat(outbid.path("channels").path("in_app").asBoolean()).isTrue();
    assertThat(outbid.path("channels").path("email").asBoolean()).isTrue();
    // push on for what cannot wait (it reaches only browsers the user subscribed), off for the rest
    assertThat(outbid.path("channels").path("push").asBoolean()).isTrue();
    assertThat(kind(defaults, "deposit_credited").path("channels").path("push").asBoolean())
        .isFalse();
    JsonNode marketing = kind(defaults, "marketing");
    assertThat(marketing.path("channels").toString()).doesNotContain("true");

    // Refused whole: an unknown kind beside a good change changes nothing.
    Response bad =
        send(
            "PUT",
            "/api/v1/notification/preferences",
            frank,
            "{\"preferences\":{\"outbid\":{\"email\":false},\"nonsense\":{\"email\":true}}}");
    assertThat(bad.status).isEqualTo(400);
    assertThat(bad.json.path("errors").toString()).contains("preferences.nonsense");
    assertThat(
            send(
                    "PUT",
                    "/api/v1/notification/preferences",
                    frank,
                    "{\"preferences\":{\"outbid\":{\"fax\":true}}}")
                .status)
        .isEqualTo(400);
    assertThat(
            send(
                    "PUT",
                    "/api/v1/notification/preferences",
                    frank,
                    "{\"preferences\":{\"outbid\":{\"email\":null}}}")
                .status)
        .isEqualTo(400);
    assertThat(
            kind(get("/api/v1/notification/preferences", frank), "outbid")
                .path("channels")
                .path("email")
                .asBoolean())
        .isTrue();

    Response ok =
        send(
            "PUT",
            "/api/v1/notification/preferences",
            frank,
            "{\"preferences\":{\"outbid\":{\"in_app\":false,\"email\":false}}}");
    assertThat(ok.status).isEqualTo(200);
    assertThat(kind(ok.json, "outbid").path("channels").path("in_app").asBoolean()).isFalse();
    assertThat(
            kind(get("/api/v1/notification/preferences", frank), "outbid")
                .path("channels")
                .path("email")
                .asBoolean())
        .isFalse();
    // another user's stay the defaults
    assertThat(
            kind(get("/api/v1/notification/preferences", user("gina")), "outbid")
                .path("channels")
                .path("in_app")
                .asBoolean())
        .isTrue();

    String listing = "L-" + UUID.randomUUID();
    TestSqs.get()
        .send(
            event(
                "dbay.auction",
                "BidPlaced",
                Map.of(
                    "listingId",
                    listing,
                    "bidderId",
                    "x",
                    "leaderId",
                    "x",
                    "previousLeaderId",
                    frank,
                    "currentPrice",
                    "2.00000000")));
    TestSqs.get()
        .send(
            event(
                "dbay.listing",
                "QuestionAsked",
                Map.of(
                    "listingId",
                    listing,
                    "listingTitle",
                    "Lamp",
                    "sellerId",
                    frank,
                    "askerId",
                    "x",
                    "question",
                    "Does it work?")));
    await(() -> unread(frank) == 1);
    JsonNode only = get("/api/v1/notification/notifications", frank).path("items").get(0);
    assertThat(only.path("kind").asString()).isEqualTo("question_asked");
    assertThat(only.path("title").asString()).isEqualTo("New question on Lamp");
    assertThat(stored(frank)).isEqualTo(1);
    assertThat(send("PUT", "/api/v1/notification/preferences", null, "{}").status).isEqualTo(401);
  }

  /**
   * A burst for one user is one email (SES v2, HTML and text), to the address the gateway proved
   * for them, with user input escaped in the HTML; a kind whose email is off is not in it.
   */
  @Test
  void aBurstIsOneEmailToTheProvenAddressThroughTheSesApi() throws Exception {
    String hank = user("hank");
    String address = hank + "@it.dbay";
    // The bell's first call after sign-in: the gateway proves the address.
    assertThat(
            call(
                    "GET",
                    "/api/v1/notification/notifications/unread-count",
                    hank,
                    false,
                    null,
                    address)
                .status)
        .isEqualTo(200);
    assertThat(
            send(
                    "PUT",
                    "/api/v1/notification/preferences",
                    hank,
                    "{\"preferences\":{\"deposit_credited\":{\"email\":false}}}")
                .status)
        .isEqualTo(200);
    String listing = "L-" + UUID.randomUUID();
    for (int i = 1; i <= 3; i++) {
      TestSqs.get()
          .send(
              event(
                  "dbay.auction",
                  "BidPlaced",
                  Map.of(
                      "listingId",
                      listing,
                      "bidderId",
                      "x",
                      "leaderId",
                      "x",
                      "previousLeaderId",
                      hank,
                      "currentPrice",
                      i + "0.00000000")));
    }
    TestSqs.get()
        .send(
            event(
                "dbay.listing",
                "QuestionAsked",
                Map.of(
                    "listingId",
                    listing,
                    "listingTitle",
                    "<b>Lamp</b>",
                    "sellerId",
                    hank,
                    "askerId",
                    "x",
                    "question",
                    "Works?")));
    TestSqs.get()
        .send(
            event(
                "dbay.wallet",
                "DepositCredited",
                Map.of("userId", hank, "txid", "t", "vout", 0, "amount", "5.00000000")));
    await(() -> unread(hank) == 5);
    await(() -> !mailsTo(address).isEmpty());
    Thread.sleep(4000); // a second batch window: nothing more comes
    List<JsonNode> mails = mailsTo(address);
    assertThat(mails).hasSize(1);
    JsonNode mail = mails.get(0);
    assertThat(mail.path("subject").asString())
        .isEqualTo("4 new notifications on DBay: You were outbid");
    String html = mail.path("body").path("html").asString();
    String text = mail.path("body").path("text").asString();
    for (String body : List.of(html, text)) {
      assertThat(body)
          .contains("You were outbid")
          .contains("30 DOGE")
          .contains("http://dbay.test/auctions/" + listing)
          .contains("http://dbay.test/settings/notifications")
          .doesNotContain("Deposit credited");
    }
    // User input is escaped in the HTML, and as written in the plain text.
    assertThat(html).contains("New question on &lt;b&gt;Lamp&lt;/b&gt;").doesNotContain("<b>Lamp");
    assertThat(text).contains("New question on <b>Lamp</b>");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from email_outbox where user_id = ? and outcome = 'SENT'",
                Long.class,
                hank))
        .isEqualTo(4);

    // Someone whose address was never proven gets none (and nothing waits for ever).
    String ivan = user("ivan");
    TestSqs.get()
        .send(
            event(
                "dbay.auction",
                "BidPlaced",
                Map.of(
                    "listingId",
                    listing,
                    "bidderId",
                    "x",
                    "leaderId",
                    "x",
                    "previousLeaderId",
                    ivan,
                    "currentPrice",
                    "40.00000000")));
    await(
        () ->
            jdbc.queryForObject(
                    "select count(*) from email_outbox where user_id = ? and outcome = 'NO_ADDRESS'",
                    Long.class,
                    ivan)
                == 1);
  }

  /** The mails the SES-API server holds for that address (its /store API). */
  private List<JsonNode> mailsTo(String address) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(sesEndpoint() + "/store")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      List<JsonNode> out = new ArrayList<>();
      for (JsonNode mail : JSON.readTree(r.body()).path("emails")) {
        if (mail.path("destination").toString().contains(address)) {
          out.add(mail);
        }
      }
      return out;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode kind(JsonNode preferences, String kind) {
    for (JsonNode k : preferences.path("kinds")) {
      if (k.path("kind").asString().equals(kind)) {
        return k;
      }
    }
    throw new AssertionError("no kind " + kind + " in " + preferences);
  }

  @Test
  void badPagingIsRefusedAndStrangersAreNotServed() {
    String bob = user("bob");
    Response bad = call("GET", "/api/v1/notification/notifications?page=-1&size=0", bob, false);
    assertThat(bad.status).isEqualTo(400);
    assertThat(bad.contentType).startsWith("application/problem+json");
    assertThat(bad.json.path("errors").toString()).contains("page").contains("size");
    Response huge = call("GET", "/api/v1/notification/notifications?size=1000", bob, false);
    assertThat(huge.status).isEqualTo(400);
    assertThat(call("GET", "/api/v1/notification/notifications", null, false).status)
        .isEqualTo(401);
    assertThat(call("GET", "/api/v1/notification/notifications/unread-count", null, false).status)
        .isEqualTo(401);
    assertThat(call("GET", "/api/v1/notification/admin/dead-letters", bob, false).status)
        .isEqualTo(403);
  }

  @Test
  void aPoisonMessageEndsInTheDeadLetterQueueAndIsReportedWhileTheRestFlows() {
    long before = TestSqs.get().depth(TestSqs.get().dlqUrl());
    String dave = user("dave");
    TestSqs.get().send("{this is not an event");
    TestSqs.get()
        .send(
            event(
                "dbay.wallet",
                "DepositCredited",
                Map.of("userId", dave, "txid", "t", "vout", 0, "amount", "5.00000000")));
    await(() -> unread(dave) == 1);
    // Received MAX_RECEIVE_COUNT times (2 s visibility each), then redriven by the queue.
    await(() -> TestSqs.get().depth(TestSqs.get().dlqUrl()) == before + 1);
    await(() -> TestSqs.get().depth(TestSqs.get().queueUrl()) == 0);
    Response report = call("GET", "/api/v1/notification/admin/dead-letters", "admin-" + dave, true);
    assertThat(report.status).isEqualTo(200);
    assertThat(report.json.path("messages").asLong()).isEqualTo(before + 1);
    assertThat(report.json.path("queue").asString()).isEqualTo(TestSqs.DLQ);
  }

  /**
   * The consumer is stopped abruptly (its batch abandoned mid-way, as by a kill) and started again,
   * twice, while events keep arriving, each of them twice: every event notifies exactly once.
   */
  @Test
  void stoppingAndRestartingTheConsumerWhileEventsFlowLosesNoneAndDuplicatesNone()
      throws Exception {
    String erin = user("erin");
    int events = 200;
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      bodies.add(
          event(
              "dbay.wallet",
              "DepositCredited",
              Map.of("userId", erin, "txid", "tx" + i, "vout", i, "amount", i + 1 + ".00000000")));
    }
    Thread sender =
        Thread.ofPlatform()
            .start(
                () -> {
                  for (String body : bodies) {
                    TestSqs.get().send(body);
                    TestSqs.get().send(body);
                  }
                });
    for (int round = 0; round < 2; round++) {
      long seen = stored(erin);
      await(() -> stored(erin) > seen + 20);
      consumer.stop();
      assertThat(consumer.isRunning()).isFalse();
      Thread.sleep(500);
      consumer.start();
    }
    sender.join();
    await(() -> stored(erin) == events && TestSqs.get().depth(TestSqs.get().queueUrl()) == 0);
    Thread.sleep(2500); // past the visibility timeout: anything abandoned has come back by now
    assertThat(TestSqs.get().depth(TestSqs.get().queueUrl())).isZero();
    assertThat(stored(erin)).isEqualTo(events);
    assertThat(
            jdbc.queryForObject(
                "select count(distinct event_id) from notifications where user_id = ?",
                Long.class,
                erin))
        .isEqualTo(events);
  }

  // ---------------------------------------------------------------------------------------------

  private static String user(String name) {
    return name + "-" + UUID.randomUUID();
  }

  private long stored(String userId) {
    Long n =
        jdbc.queryForObject(
            "select count(*) from notifications where user_id = ?", Long.class, userId);
    return n == null ? 0 : n;
  }

  private long unread(String userId) {
    return get("/api/v1/notification/notifications/unread-count", userId)
        .path("unreadCount")
        .asLong();
  }

  /** An event as EventBridge hands it to an SQS target. */
  private static String event(String source, String type, Map<String, Object> detail) {
    ObjectNode e = JSON.createObjectNode();
    e.put("version", "0");
    e.put("id", UUID.randomUUID().toString());
    e.put("detail-type", type);
    e.put("source", source);
    e.put("account", "000000000000");
    e.put("time", Instant.now().toString());
    e.put("region", "local");
    e.putArray("resources");
    e.set("detail", JSON.valueToTree(detail));
    return JSON.writeValueAsString(e);
  }

  private List<JsonNode> listen(String userId) {
    List<JsonNode> frames = new CopyOnWriteArrayList<>();
    RedisMessageListenerContainer container = new RedisMessageListenerContainer();
    container.setConnectionFactory(redis);
    java.util.concurrent.atomic.AtomicBoolean subscribed =
        new java.util.concurrent.atomic.AtomicBoolean();
    container.addMessageListener(
        (message, pattern) -> {
          JsonNode frame = JSON.readTree(new String(message.getBody()));
          if (frame.path("type").asString().equals("probe")) {
            subscribed.set(true);
          } else {
            frames.add(frame);
          }
        },
        new ChannelTopic("dbay:ws:user:" + userId));
    container.afterPropertiesSet();
    container.start();
    // Subscribed for sure once a probe comes back (probes are not frames of the service).
    await(
        () -> {
          redisTemplate.convertAndSend("dbay:ws:user:" + userId, "{\"type\":\"probe\"}");
          return subscribed.get();
        });
    return frames;
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 60 s");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  record Response(int status, String contentType, JsonNode json) {}

  private JsonNode get(String path, String user) {
    Response r = call("GET", path, user, false);
    assertThat(r.status).as("GET %s", path).isEqualTo(200);
    return r.json;
  }

  private Response call(String method, String pathAndQuery, String user, boolean admin) {
    return call(method, pathAndQuery, user, admin, null);
  }

  private Response send(String method, String path, String user, String body) {
    return call(method, path, user, false, body);
  }

  private Response call(
      String method, String pathAndQuery, String user, boolean admin, String body) {
    return call(method, pathAndQuery, user, admin, body, null);
  }

  private Response call(
      String method, String pathAndQuery, String user, boolean admin, String body, String email) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (user != null) {
      Set<String> roles = admin ? Set.of("USER", "ADMIN") : Set.of("USER");
      Identity identity = new Identity(user, null, user, email, roles);
      long now = proof.now();
      if (email != null) {
        request.header(IdentityHeaders.COGNITO_EMAIL, email);
      }
      request
          .header(IdentityHeaders.USER_ID, user)
          .header(IdentityHeaders.COGNITO_USERNAME, user)
          .header(IdentityHeaders.ROLES, String.join(",", roles))
          .header(IdentityHeaders.PROOF_TIMESTAMP, Long.toString(now))
          .header(IdentityHeaders.PROOF_SIGNATURE, proof.sign(identity, method, pathAndQuery, now));
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
