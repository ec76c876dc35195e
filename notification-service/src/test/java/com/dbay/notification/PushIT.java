package com.dbay.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.identity.IdentityHeaders;
import com.dbay.platform.test.TestStores;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Browser push end to end against a local push service ({@link PushReceiver}) that verifies the
 * VAPID signature and decrypts each message with the subscribing browser's own keys: an event on
 * the real SQS path (ElasticMQ) ends as a readable push; a gone browser is forgotten without
 * holding up the others; the subscription API checks its input and its owner.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PushIT {

  private static final String SECRET = "notification-it-gateway-secret-0123456789abcdef";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final PushReceiver RECEIVER = new PushReceiver();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestStores.ensureDatabase("notification");
    registry.add("dbay.identity.gateway-secret", () -> SECRET);
    registry.add("dbay.notification.sqs.endpoint", () -> TestSqs.get().endpoint());
    registry.add("dbay.notification.sqs.queue", () -> TestSqs.QUEUE);
    registry.add("dbay.notification.sqs.dead-letter-queue", () -> TestSqs.DLQ);
    registry.add("dbay.notification.sqs.visibility-timeout", () -> "2s");
    registry.add("dbay.notification.sqs.poll-wait", () -> "1s");
    registry.add("dbay.notification.email.endpoint", NotificationQueueIT::sesEndpoint);
    registry.add("dbay.notification.push.poll-interval", () -> "200ms");
  }

  @AfterAll
  static void stopReceiver() {
    RECEIVER.close();
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newHttpClient();
  private final GatewayProof proof = new GatewayProof(SECRET);

  @Test
  void anOutbidOnTheQueueArrivesOnceAsADecryptedPushSignedWithTheServedVapidKey() throws Exception {
    String bob = user("bob");
    String listing = "L-" + UUID.randomUUID();
    PushReceiver.Browser laptop = RECEIVER.browser("laptop-" + bob);
    PushReceiver.Browser oldPhone = RECEIVER.browser("phone-" + bob);
    assertThat(
            call("POST", "/api/v1/notification/push/subscriptions", bob, laptop.subscription())
                .status)
        .isEqualTo(201);
    assertThat(
            call("POST", "/api/v1/notification/push/subscriptions", bob, oldPhone.subscription())
                .status)
        .isEqualTo(201);
    oldPhone.gone(); // the phone's browser dropped its subscription: its push service answers 410

    String vapidKey =
        call("GET", "/api/v1/notification/push/public-key", bob, null)
            .json
            .path("publicKey")
            .asString();
    String outbid =
        event(
            "dbay.auction",
            "BidPlaced",
            Map.of(
                "listingId",
                listing,
                "bidderId",
                "carol",
                "leaderId",
                "carol",
                "previousLeaderId",
                bob,
                "currentPrice",
                "12.50000000",
                "selfRaise",
                false));
    TestSqs.get().send(outbid);
    TestSqs.get().send(outbid); // delivered twice, as SQS may

    String laptopName = "laptop-" + bob;
    await(() -> RECEIVER.pushesTo(laptopName).size() == 1);
    // the gone phone is forgotten, and took none of the laptop's push with it
    await(() -> subscriptions(bob) == 1);
    Thread.sleep(1500); // the duplicate had every chance to arrive
    assertThat(RECEIVER.pushesTo(laptopName)).hasSize(1);
    assertThat(RECEIVER.pushesTo("phone-" + bob)).isEmpty();
    assertThat(RECEIVER.refused()).isEmpty();

    PushReceiver.Push push = RECEIVER.pushesTo(laptopName).getFirst();
    // signed with the key the SPA subscribes with, for the receiver's origin
    assertThat(push.vapidKey()).isEqualTo(vapidKey);
    assertThat(push.jwtClaims().path("aud").asString()).isEqualTo(RECEIVER.origin());
    assertThat(push.ttl()).isEqualTo("86400");
    JsonNode message = push.json();
    assertThat(message.path("title").asString()).isEqualTo("You were outbid");
    assertThat(message.path("body").asString())
        .isEqualTo("Someone bid more; the price is now 12.5 DOGE.");
    assertThat(message.path("link").asString()).isEqualTo("/auctions/" + listing);
    assertThat(message.path("kind").asString()).isEqualTo("outbid");

    // the in-app channel had it too, once
    assertThat(
            jdbc.queryForObject(
                "select count(*) from notifications where user_id = ? and kind = 'outbid'",
                Long.class,
                bob))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from push_outbox where user_id = ? and outcome = 'SENT'",
                Long.class,
                bob))
        .isEqualTo(1);
  }

  @Test
  void onlyTheKindsAUserGetsByPushArePushed() throws Exception {
    String dana = user("dana");
    PushReceiver.Browser browser = RECEIVER.browser("desk-" + dana);
    assertThat(
            call("POST", "/api/v1/notification/push/subscriptions", dana, browser.subscription())
                .status)
        .isEqualTo(201);
    // push is off for deposits by default; dana turns it on for them and off for outbids
    assertThat(
            call(
                    "PUT",
                    "/api/v1/notification/preferences",
                    dana,
                    Map.of("preferences", Map.of("outbid", Map.of("push", false))))
                .status)
        .isEqualTo(200);
    TestSqs.get()
        .send(
            event(
                "dbay.auction",
                "BidPlaced",
                Map.of(
                    "listingId", "L-" + UUID.randomUUID(),
                    "bidderId", "x",
                    "leaderId", "x",
                    "previousLeaderId", dana,
                    "currentPrice", "3.00000000")));
    TestSqs.get()
        .send(
            event(
                "dbay.wallet",
                "DepositCredited",
                Map.of("userId", dana, "txid", "t", "vout", 0, "amount", "5.00000000")));
    await(
        () ->
            jdbc.queryForObject(
                    "select count(*) from notifications where user_id = ?", Long.class, dana)
                == 2);
    Thread.sleep(1500);
    assertThat(RECEIVER.pushesTo("desk-" + dana)).isEmpty();

    assertThat(
            call(
                    "PUT",
                    "/api/v1/notification/preferences",
                    dana,
                    Map.of("preferences", Map.of("deposit_credited", Map.of("push", true))))
                .status)
        .isEqualTo(200);
    TestSqs.get()
        .send(
            event(
                "dbay.wallet",
                "DepositCredited",
                Map.of("userId", dana, "txid", "t2", "vout", 1, "amount", "7.00000000")));
    await(() -> RECEIVER.pushesTo("desk-" + dana).size() == 1);
    JsonNode message = RECEIVER.pushesTo("desk-" + dana).getFirst().json();
    assertThat(message.path("title").asString()).isEqualTo("Deposit credited");
    assertThat(message.path("body").asString()).isEqualTo("7 DOGE are now in your wallet.");
    assertThat(message.path("link").asString()).isEqualTo("/wallet");
  }

  @Test
  void theVapidKeyIsOneP256KeyKeptInTheDatabase() {
    String bob = user("bob");
    String key =
        call("GET", "/api/v1/notification/push/public-key", bob, null)
            .json
            .path("publicKey")
            .asString();
    byte[] raw = Base64.getUrlDecoder().decode(key);
    assertThat(raw).hasSize(65);
    assertThat(raw[0]).isEqualTo((byte) 4);
    assertThat(
            call("GET", "/api/v1/notification/push/public-key", user("eve"), null)
                .json
                .path("publicKey")
                .asString())
        .isEqualTo(key);
    assertThat(jdbc.queryForObject("select count(*) from push_vapid_keys", Long.class))
        .isEqualTo(1);
    assertThat(call("GET", "/api/v1/notification/push/public-key", null, null).status)
        .isEqualTo(401);
  }

  @Test
  void badSubscriptionsAreRefusedWithProblemsAndOnlyTheOwnerRemovesOne() {
    String bob = user("bob");
    String eve = user("eve");
    PushReceiver.Browser b = RECEIVER.browser("tab-" + bob);
    String shortAuth = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[8]);
    byte[] offCurve = new byte[65];
    offCurve[0] = 4;
    offCurve[1] = 1;
    String notAPoint = Base64.getUrlEncoder().withoutPadding().encodeToString(offCurve);
    for (Object[] bad :
        new Object[][] {
          {
            Map.of(
                "endpoint",
                "ftp://push.example/x",
                "keys",
                Map.of("p256dh", b.p256dh(), "auth", b.auth())),
            "endpoint"
          },
          {
            Map.of("endpoint", "not a url", "keys", Map.of("p256dh", b.p256dh(), "auth", b.auth())),
            "endpoint"
          },
          {
            Map.of(
                "endpoint", b.endpoint(), "keys", Map.of("p256dh", b.p256dh(), "auth", shortAuth)),
            "keys.auth"
          },
          {
            Map.of("endpoint", b.endpoint(), "keys", Map.of("p256dh", shortAuth, "auth", b.auth())),
            "keys.p256dh"
          },
          {
            Map.of("endpoint", b.endpoint(), "keys", Map.of("p256dh", notAPoint, "auth", b.auth())),
            "keys.p256dh"
          },
          {
            Map.of("endpoint", b.endpoint(), "keys", Map.of("p256dh", "!!!", "auth", b.auth())),
            "keys.p256dh"
          },
          {Map.of("endpoint", b.endpoint()), "keys.auth"},
        }) {
      Response r = call("POST", "/api/v1/notification/push/subscriptions", bob, bad[0]);
      assertThat(r.status).as("%s", bad[0]).isEqualTo(400);
      assertThat(r.contentType).startsWith("application/problem+json");
      assertThat(r.json.path("errors").toString()).as("%s", bad[0]).contains((String) bad[1]);
    }
    assertThat(subscriptions(bob)).isZero();
    assertThat(
            call("POST", "/api/v1/notification/push/subscriptions", null, b.subscription()).status)
        .isEqualTo(401);

    Response ok = call("POST", "/api/v1/notification/push/subscriptions", bob, b.subscription());
    assertThat(ok.status).isEqualTo(201);
    assertThat(ok.json.path("endpoint").asString()).isEqualTo(b.endpoint());
    // subscribing the same browser again keeps one row
    assertThat(
            call("POST", "/api/v1/notification/push/subscriptions", bob, b.subscription()).status)
        .isEqualTo(201);
    JsonNode mine = call("GET", "/api/v1/notification/push/subscriptions", bob, null).json;
    assertThat(mine.path("items")).hasSize(1);
    assertThat(call("GET", "/api/v1/notification/push/subscriptions", eve, null).json.path("items"))
        .isEmpty();

    String remove =
        "/api/v1/notification/push/subscriptions?endpoint="
            + URLEncoder.encode(b.endpoint(), StandardCharsets.UTF_8);
    Response strangers = call("DELETE", remove, eve, null);
    assertThat(strangers.status).isEqualTo(404);
    assertThat(strangers.contentType).startsWith("application/problem+json");
    assertThat(subscriptions(bob)).isEqualTo(1);
    assertThat(call("DELETE", remove, bob, null).status).isEqualTo(204);
    assertThat(subscriptions(bob)).isZero();
    assertThat(call("DELETE", remove, bob, null).status).isEqualTo(404);
  }

  // ---------------------------------------------------------------------------------------------

  private static String user(String name) {
    return name + "-" + UUID.randomUUID();
  }

  private long subscriptions(String userId) {
    Long n =
        jdbc.queryForObject(
            "select count(*) from push_subscriptions where user_id = ?", Long.class, userId);
    return n == null ? 0 : n;
  }

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

  private Response call(String method, String pathAndQuery, String user, Object body) {
    String json = body == null ? null : JSON.writeValueAsString(body);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (user != null) {
      Set<String> roles = Set.of("USER");
      Identity identity = new Identity(user, null, user, null, roles);
      long now = proof.now();
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
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
