package com.dbay.messaging.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.identity.IdentityHeaders;
import com.dbay.platform.servicecall.CallerKeys;
import com.dbay.platform.servicecall.ServiceCallVerifier;
import com.dbay.platform.test.TestCallers;
import com.dbay.platform.test.TestStores;
import com.mongodb.client.model.Filters;
import com.sun.net.httpserver.HttpServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Threads over HTTP against the real PostgreSQL (idempotency, outbox), MongoDB (threads, messages,
 * blocks) and Redis (rate limit, live frames). listing-service is a small HTTP stand-in answering
 * its public listing page; order-service one answering its internal disputes endpoint (which
 * order-service's DisputesIT proves on the real disputes), checking that every call is signed as
 * messaging-service with the platform's verifier and the table's keys.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "dbay.identity.gateway-secret=" + ConversationsIT.SECRET,
      "dbay.messaging.rate-burst=5",
      "dbay.messaging.rate-per-minute=6"
    })
class ConversationsIT {

  static final String SECRET = "messaging-conversations-it-secret-0123456789";

  /** listing id → the listing page's JSON. */
  static final Map<String, String> LISTINGS = new ConcurrentHashMap<>();

  static final HttpServer LISTING_SERVICE = listingService();

  /**
   * What the order-service stand-in answers: "order:<id>" or "thread:<listing>|<buyer>" → items.
   */
  static final Map<String, String> DISPUTES = new ConcurrentHashMap<>();

  static final TestCallers ORDER_CALLERS = TestCallers.forPart("order-service");
  static final AtomicInteger SIGNED_DISPUTE_CALLS = new AtomicInteger();
  static final AtomicInteger UNSIGNED_DISPUTE_CALLS = new AtomicInteger();
  static final HttpServer ORDER_SERVICE = orderService();

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) {
    TestStores.ensureDatabase("messaging");
    registry.add(
        "dbay.messaging.listing-url",
        () -> "http://127.0.0.1:" + LISTING_SERVICE.getAddress().getPort());
    registry.add(
        "dbay.messaging.order-url",
        () -> "http://127.0.0.1:" + ORDER_SERVICE.getAddress().getPort());
    registry.add(
        "dbay.service-calls.own-keys-file", () -> ORDER_CALLERS.ownKeysFile("messaging-service"));
  }

  @AfterAll
  static void stopListingService() {
    LISTING_SERVICE.stop(0);
    ORDER_SERVICE.stop(0);
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired MongoTemplate mongo;
  @Autowired ConversationStore store;
  @Autowired JsonMapper json;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final GatewayProof proof = new GatewayProof(SECRET);

  record Response(
      int status, String contentType, JsonNode json, java.net.http.HttpHeaders headers) {
    String type() {
      return json == null || json.get("type") == null ? null : json.get("type").asString();
    }
  }

  // ---- the conversation itself

  @Test
  void a_buyer_asks_about_a_listing_and_the_seller_reads_and_answers() throws Exception {
    String alice = user("alice"), bob = user("bob");
    String listing = listing(alice, "alice", "A blue stamp");

    Response started = post("/api/v1/messaging/threads", bob, Map.of("listingId", listing));
    assertThat(started.status()).as(started.json().toString()).isEqualTo(201);
    String thread = started.json().get("threadId").asString();
    assertThat(started.json().get("role").asString()).isEqualTo("buyer");
    assertThat(started.json().get("other").get("userId").asString()).isEqualTo(alice);
    assertThat(started.json().get("other").get("name").asString()).isEqualTo("alice");
    assertThat(started.json().get("listingTitle").asString()).isEqualTo("A blue stamp");
    // Asking again finds the same thread.
    Response again = post("/api/v1/messaging/threads", bob, Map.of("listingId", listing));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("threadId").asString()).isEqualTo(thread);
    // A thread without a message is nobody's business yet.
    assertThat(get("/api/v1/messaging/threads", alice).json().get("items").size()).isZero();

    LinkedBlockingQueue<String> aliceFrames = frames(alice);
    String body = "  Is it <b>mint</b>?\n<script>alert('x')</script> & \"more\"  ";
    Response sent = send(thread, bob, body, UUID.randomUUID().toString());
    assertThat(sent.status()).as(sent.json().toString()).isEqualTo(201);
    String messageId = sent.json().get("messageId").asString();
    // Stored and answered exactly as written.
    assertThat(sent.json().get("body").asString()).isEqualTo(body);

    String frame = aliceFrames.poll(5, TimeUnit.SECONDS);
    assertThat(frame).as("a message frame on alice's user channel").isNotNull();
    JsonNode f = json.readTree(frame);
    assertThat(f.get("type").asString()).isEqualTo("message");
    assertThat(f.get("channel").asString()).isEqualTo("user");
    assertThat(f.get("data").get("threadId").asString()).isEqualTo(thread);
    assertThat(f.get("data").get("messageId").asString()).isEqualTo(messageId);
    assertThat(f.get("data").get("senderId").asString()).isEqualTo(bob);
    assertThat(f.get("data").get("body").asString()).isEqualTo(body);

    // The event for notifications, in the outbox with the message's id.
    JsonNode event =
        json.readTree(
            jdbc.queryForObject(
                "SELECT detail FROM platform_outbox WHERE event_id = ? AND detail_type = 'MessageSent'"
                    + " AND source = 'dbay.messaging'",
                String.class,
                messageId));
    assertThat(event.get("threadId").asString()).isEqualTo(thread);
    assertThat(event.get("listingId").asString()).isEqualTo(listing);
    assertThat(event.get("senderId").asString()).isEqualTo(bob);
    assertThat(event.get("recipientId").asString()).isEqualTo(alice);
    assertThat(event.get("preview").asString()).isEqualTo(body);

    assertThat(unread(alice)).isEqualTo(1);
    assertThat(unread(bob)).isZero();
    JsonNode aliceList = get("/api/v1/messaging/threads", alice).json().get("items");
    assertThat(aliceList.size()).isEqualTo(1);
    assertThat(aliceList.get(0).get("threadId").asString()).isEqualTo(thread);
    assertThat(aliceList.get(0).get("role").asString()).isEqualTo("seller");
    assertThat(aliceList.get(0).get("unreadCount").asLong()).isEqualTo(1);
    assertThat(aliceList.get(0).get("lastMessage").get("preview").asString()).isEqualTo(body);

    Response read = post("/api/v1/messaging/threads/" + thread + "/read", alice, Map.of());
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().get("unreadCount").asLong()).isZero();
    assertThat(unread(alice)).isZero();

    Thread.sleep(5);
    Response reply = send(thread, alice, "Yes, mint.", UUID.randomUUID().toString());
    assertThat(reply.status()).isEqualTo(201);
    assertThat(unread(bob)).isEqualTo(1);
    JsonNode page = get("/api/v1/messaging/threads/" + thread + "/messages", bob).json();
    assertThat(page.get("items").size()).isEqualTo(2);
    assertThat(page.get("items").get(0).get("body").asString()).isEqualTo(body);
    assertThat(page.get("items").get(1).get("body").asString()).isEqualTo("Yes, mint.");
    assertThat(absent(page.get("items").get(0).get("readAt"))).isFalse();
    assertThat(absent(page.get("nextCursor"))).isTrue();
  }

  @Test
  void a_seller_cannot_start_a_thread_about_their_own_listing() throws Exception {
    String alice = user("alice");
    String listing = listing(alice, "alice", "Mine");
    Response own = post("/api/v1/messaging/threads", alice, Map.of("listingId", listing));
    assertThat(own.status()).isEqualTo(422);
    assertThat(own.contentType()).startsWith("application/problem+json");
    assertThat(own.type()).isEqualTo("https://dbay.dev/problems/own-listing");
    assertThat(mongo.getCollection("threads").countDocuments(Filters.eq("listingId", listing)))
        .isZero();

    Response unknown =
        post(
            "/api/v1/messaging/threads",
            user("bob"),
            Map.of("listingId", UUID.randomUUID().toString()));
    assertThat(unknown.status()).isEqualTo(404);
    Response malformed =
        post("/api/v1/messaging/threads", user("bob"), Map.of("listingId", "../../etc"));
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(anonymousGet("/api/v1/messaging/threads")).isEqualTo(401);

    // listing-service failing: a 503 to retry later, and no thread.
    String broken = UUID.randomUUID().toString();
    LISTINGS.put(broken, "broken");
    Response down = post("/api/v1/messaging/threads", user("bob"), Map.of("listingId", broken));
    assertThat(down.status()).isEqualTo(503);
    assertThat(down.type()).isEqualTo("https://dbay.dev/problems/listing-unavailable");
    assertThat(mongo.getCollection("threads").countDocuments(Filters.eq("listingId", broken)))
        .isZero();
  }

  // ---- ownership

  @Test
  void a_stranger_or_an_admin_without_a_dispute_neither_reads_nor_writes_a_thread()
      throws Exception {
    String alice = user("alice"), bob = user("bob"), mallory = user("mallory");
    String thread = thread(bob, alice);
    send(thread, bob, "private", UUID.randomUUID().toString());
    long before = messagesIn(thread);

    for (Identity stranger : List.of(identity(mallory, "USER"), identity(user("admin"), "ADMIN"))) {
      for (Response r :
          List.of(
              call("GET", "/api/v1/messaging/threads/" + thread, stranger, null, Map.of()),
              call(
                  "GET",
                  "/api/v1/messaging/threads/" + thread + "/messages",
                  stranger,
                  null,
                  Map.of()),
              call(
                  "POST",
                  "/api/v1/messaging/threads/" + thread + "/messages",
                  stranger,
                  Map.of("body", "let me in"),
                  Map.of("Idempotency-Key", UUID.randomUUID().toString())),
              call(
                  "POST",
                  "/api/v1/messaging/threads/" + thread + "/read",
                  stranger,
                  Map.of(),
                  Map.of()))) {
        assertThat(r.status()).as(stranger.userId() + " " + r.json()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
      }
      assertThat(get("/api/v1/messaging/threads", stranger.userId()).json().get("items").size())
          .isZero();
    }
    assertThat(messagesIn(thread)).isEqualTo(before);
    // bob's message is still unread: the stranger's "read" marked nothing.
    assertThat(unread(alice)).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM platform_outbox WHERE detail LIKE ?",
                Integer.class,
                "%" + mallory + "%"))
        .isZero();
  }

  @Test
  void an_admin_reads_but_never_writes_a_thread_only_while_its_order_is_in_an_open_dispute()
      throws Exception {
    String alice = user("alice"), bob = user("bob"), carol = user("carol");
    String listing = listing(alice, "alice", "A disputed stamp");
    Response started = post("/api/v1/messaging/threads", bob, Map.of("listingId", listing));
    String thread = started.json().get("threadId").asString();
    send(thread, bob, "Where is my stamp?", UUID.randomUUID().toString());
    // carol's thread about the same listing is not the disputed order's
    Response carols = post("/api/v1/messaging/threads", carol, Map.of("listingId", listing));
    String other = carols.json().get("threadId").asString();
    send(other, carol, "Another question", UUID.randomUUID().toString());
    long before = messagesIn(thread);
    Identity admin = identity(user("admin"), "ADMIN");
    String order = "O-" + UUID.randomUUID();
    String item =
        "{\"disputeId\":\"D-1\",\"orderId\":\""
            + order
            + "\",\"listingId\":\""
            + listing
            + "\",\"buyerId\":\""
            + bob
            + "\",\"sellerId\":\""
            + alice
            + "\",\"status\":\"%s\",\"open\":%s}";
    String open = "{\"items\":[" + item.formatted("ESCALATED", "true") + "]}";
    DISPUTES.put("order:" + order, open);
    DISPUTES.put("thread:" + listing + "|" + bob, open);
    int signedBefore = SIGNED_DISPUTE_CALLS.get();

    Response view = call("GET", "/api/v1/messaging/threads/" + thread, admin, null, Map.of());
    assertThat(view.status()).as(String.valueOf(view.json())).isEqualTo(200);
    assertThat(view.json().hasNonNull("role")).isFalse();
    assertThat(view.json().get("buyer").get("userId").asString()).isEqualTo(bob);
    assertThat(view.json().get("seller").get("userId").asString()).isEqualTo(alice);
    Response messages =
        call("GET", "/api/v1/messaging/threads/" + thread + "/messages", admin, null, Map.of());
    assertThat(messages.status()).isEqualTo(200);
    assertThat(messages.json().get("items").get(0).get("body").asString())
        .isEqualTo("Where is my stamp?");
    // the admin console's link from the dispute to the thread
    Response linked =
        call("GET", "/api/v1/messaging/admin/orders/" + order + "/thread", admin, null, Map.of());
    assertThat(linked.status()).as(String.valueOf(linked.json())).isEqualTo(200);
    assertThat(linked.json().get("threadId").asString()).isEqualTo(thread);
    // read-only: no message, no "read" in the parties' counts
    Response wrote =
        call(
            "POST",
            "/api/v1/messaging/threads/" + thread + "/messages",
            admin,
            Map.of("body", "admin here"),
            Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertThat(wrote.status()).isEqualTo(404);
    assertThat(
            call("POST", "/api/v1/messaging/threads/" + thread + "/read", admin, Map.of(), Map.of())
                .status())
        .isEqualTo(404);
    assertThat(messagesIn(thread)).isEqualTo(before);
    assertThat(unread(alice)).isEqualTo(2);
    // the dispute covers bob's thread only, and only admins
    assertThat(call("GET", "/api/v1/messaging/threads/" + other, admin, null, Map.of()).status())
        .isEqualTo(404);
    Response notAdmin =
        call(
            "GET",
            "/api/v1/messaging/admin/orders/" + order + "/thread",
            identity(carol, "USER"),
            null,
            Map.of());
    assertThat(notAdmin.status()).isEqualTo(403);
    assertThat(notAdmin.contentType()).startsWith("application/problem+json");
    assertThat(get("/api/v1/messaging/threads/" + thread, carol).status()).isEqualTo(404);
    // the participants still read it
    assertThat(get("/api/v1/messaging/threads/" + thread, alice).status()).isEqualTo(200);
    assertThat(SIGNED_DISPUTE_CALLS.get()).isGreaterThan(signedBefore);
    assertThat(UNSIGNED_DISPUTE_CALLS.get()).isZero();

    // once ruled, the admin is out again
    String ruled = "{\"items\":[" + item.formatted("RULED", "false") + "]}";
    DISPUTES.put("order:" + order, ruled);
    DISPUTES.put("thread:" + listing + "|" + bob, ruled);
    assertThat(call("GET", "/api/v1/messaging/threads/" + thread, admin, null, Map.of()).status())
        .isEqualTo(404);
    assertThat(
            call("GET", "/api/v1/messaging/threads/" + thread + "/messages", admin, null, Map.of())
                .status())
        .isEqualTo(404);
    assertThat(
            call(
                    "GET",
                    "/api/v1/messaging/admin/orders/" + order + "/thread",
                    admin,
                    null,
                    Map.of())
                .status())
        .isEqualTo(404);
  }

  // ---- limits

  @Test
  void a_message_longer_than_2000_characters_or_blank_is_refused_and_nothing_is_written()
      throws Exception {
    String alice = user("alice"), bob = user("bob");
    String thread = thread(bob, alice);
    // 2,000 characters, counted as people count them (each emoji is one, two UTF-16 units).
    String longest = "😀".repeat(1000) + "a".repeat(1000);
    assertThat(send(thread, bob, longest, UUID.randomUUID().toString()).status()).isEqualTo(201);

    Response tooLong = send(thread, bob, longest + "b", UUID.randomUUID().toString());
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.contentType()).startsWith("application/problem+json");
    assertThat(tooLong.type()).isEqualTo("https://dbay.dev/problems/message-too-long");
    assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
    assertThat(send(thread, bob, " \n\t ", UUID.randomUUID().toString()).status()).isEqualTo(400);
    Response missing =
        call(
            "POST",
            "/api/v1/messaging/threads/" + thread + "/messages",
            identity(bob, "USER"),
            Map.of(),
            Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertThat(missing.status()).isEqualTo(400);
    Response noKey =
        call(
            "POST",
            "/api/v1/messaging/threads/" + thread + "/messages",
            identity(bob, "USER"),
            Map.of("body", "hello"),
            Map.of());
    assertThat(noKey.status()).isEqualTo(400);
    assertThat(messagesIn(thread)).isEqualTo(1);
    assertThat(unread(alice)).isEqualTo(1);
  }

  @Test
  void a_sender_beyond_the_rate_gets_429_with_retry_after_and_nothing_is_written()
      throws Exception {
    String alice = user("alice"), bob = user("bob");
    String thread = thread(bob, alice);
    for (int i = 0; i < 5; i++) {
      assertThat(send(thread, bob, "message " + i, UUID.randomUUID().toString()).status())
          .isEqualTo(201);
    }
    Response sixth = send(thread, bob, "one too many", UUID.randomUUID().toString());
    assertThat(sixth.status()).isEqualTo(429);
    assertThat(sixth.contentType()).startsWith("application/problem+json");
    assertThat(sixth.type()).isEqualTo("https://dbay.dev/problems/rate-limited");
    assertThat(Long.parseLong(sixth.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, 10L);
    assertThat(messagesIn(thread)).isEqualTo(5);
    // The limit is the sender's: alice still answers.
    assertThat(send(thread, alice, "slow down", UUID.randomUUID().toString()).status())
        .isEqualTo(201);
  }

  // ---- blocks

  @Test
  void a_blocked_sender_gets_403_until_unblocked_and_the_blocker_cannot_send_either()
      throws Exception {
    String alice = user("alice"), bob = user("bob");
    String thread = thread(bob, alice);
    assertThat(put("/api/v1/messaging/blocks/" + bob, alice).status()).isEqualTo(204);
    assertThat(put("/api/v1/messaging/blocks/" + bob, alice).status()).isEqualTo(204);
    JsonNode blocks = get("/api/v1/messaging/blocks", alice).json().get("items");
    assertThat(blocks.size()).isEqualTo(1);
    assertThat(blocks.get(0).get("userId").asString()).isEqualTo(bob);
    assertThat(
            get("/api/v1/messaging/threads/" + thread, alice)
                .json()
                .get("blockedOther")
                .asBoolean())
        .isTrue();

    Response refused = send(thread, bob, "hello?", UUID.randomUUID().toString());
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.type()).isEqualTo("https://dbay.dev/problems/blocked");
    assertThat(refused.json().get("detail").asString()).contains("does not accept messages");
    Response own = send(thread, alice, "hi bob", UUID.randomUUID().toString());
    assertThat(own.status()).isEqualTo(403);
    assertThat(own.json().get("detail").asString()).contains("unblock");
    // Nor can bob start a thread about another of alice's listings.
    Response other =
        post(
            "/api/v1/messaging/threads",
            bob,
            Map.of("listingId", listing(alice, "alice", "Another")));
    assertThat(other.status()).isEqualTo(403);
    assertThat(messagesIn(thread)).isZero();
    assertThat(put("/api/v1/messaging/blocks/" + alice, alice).status()).isEqualTo(400);

    assertThat(delete("/api/v1/messaging/blocks/" + bob, alice).status()).isEqualTo(204);
    assertThat(delete("/api/v1/messaging/blocks/" + bob, alice).status()).isEqualTo(204);
    assertThat(send(thread, bob, "hello again", UUID.randomUUID().toString()).status())
        .isEqualTo(201);
    assertThat(get("/api/v1/messaging/blocks", alice).json().get("items").size()).isZero();
  }

  // ---- idempotency

  @Test
  void a_repeated_send_with_the_same_key_sends_one_message_and_one_event() throws Exception {
    String alice = user("alice"), bob = user("bob");
    String thread = thread(bob, alice);
    String key = UUID.randomUUID().toString();
    Response first = send(thread, bob, "once", key);
    Response second = send(thread, bob, "once", key);
    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(second.json().get("messageId").asString())
        .isEqualTo(first.json().get("messageId").asString());
    assertThat(send(thread, bob, "twice", key).status()).isEqualTo(422);
    assertThat(messagesIn(thread)).isEqualTo(1);
    assertThat(events(first.json().get("messageId").asString())).isEqualTo(1);
    assertThat(unread(alice)).isEqualTo(1);
  }

  @Test
  void a_retry_after_the_message_was_stored_but_the_request_failed_finishes_the_send_once()
      throws Exception {
    String alice = user("alice"), bob = user("bob");
    String thread = thread(bob, alice);
    String key = UUID.randomUUID().toString();
    // The first attempt stored the message in MongoDB and died before PostgreSQL committed the
    // event and the key's answer.
    String id = Conversations.messageId(bob, key);
    store.insert(
        new Message(
            id,
            thread,
            bob,
            alice,
            "half sent",
            Instant.now().truncatedTo(ChronoUnit.MILLIS),
            null));
    assertThat(events(id)).isZero();

    Response retry = send(thread, bob, "half sent", key);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.json().get("messageId").asString()).isEqualTo(id);
    assertThat(messagesIn(thread)).isEqualTo(1);
    assertThat(events(id)).isEqualTo(1);
    JsonNode listed = get("/api/v1/messaging/threads", alice).json().get("items");
    assertThat(listed.get(0).get("lastMessage").get("messageId").asString()).isEqualTo(id);
    // The same key for another text is refused, also on this path.
    String other = UUID.randomUUID().toString();
    store.insert(
        new Message(
            Conversations.messageId(bob, other),
            thread,
            bob,
            alice,
            "first text",
            Instant.now().truncatedTo(ChronoUnit.MILLIS),
            null));
    assertThat(send(thread, bob, "second text", other).status()).isEqualTo(422);
  }

  // ---- unread counts and the list

  @Test
  void a_seller_with_two_buyers_sees_each_threads_unread_count_newest_first_and_pages()
      throws Exception {
    String alice = user("alice"), bob = user("bob"), carol = user("carol");
    String withBob = thread(bob, alice);
    String withCarol = thread(carol, alice);
    // A few milliseconds apart, so the order by time is the order written here.
    send(withBob, bob, "one", UUID.randomUUID().toString());
    Thread.sleep(5);
    send(withBob, bob, "two", UUID.randomUUID().toString());
    Thread.sleep(5);
    send(withCarol, carol, "three", UUID.randomUUID().toString());
    Thread.sleep(5);
    send(withBob, alice, "answer", UUID.randomUUID().toString());

    assertThat(unread(alice)).isEqualTo(3);
    assertThat(unread(bob)).isEqualTo(1);
    JsonNode items = get("/api/v1/messaging/threads", alice).json().get("items");
    assertThat(items.size()).isEqualTo(2);
    // bob's thread has the newest message (alice's answer).
    assertThat(items.get(0).get("threadId").asString()).isEqualTo(withBob);
    assertThat(items.get(0).get("unreadCount").asLong()).isEqualTo(2);
    assertThat(items.get(0).get("lastMessage").get("preview").asString()).isEqualTo("answer");
    assertThat(items.get(1).get("threadId").asString()).isEqualTo(withCarol);
    assertThat(items.get(1).get("unreadCount").asLong()).isEqualTo(1);

    JsonNode first = get("/api/v1/messaging/threads?limit=1", alice).json();
    assertThat(first.get("items").get(0).get("threadId").asString()).isEqualTo(withBob);
    JsonNode second =
        get("/api/v1/messaging/threads?limit=1&cursor=" + first.get("nextCursor").asString(), alice)
            .json();
    assertThat(second.get("items").get(0).get("threadId").asString()).isEqualTo(withCarol);
    assertThat(absent(second.get("nextCursor"))).isTrue();

    JsonNode older =
        get("/api/v1/messaging/threads/" + withBob + "/messages?limit=2", alice).json();
    assertThat(older.get("items").get(0).get("body").asString()).isEqualTo("two");
    assertThat(older.get("items").get(1).get("body").asString()).isEqualTo("answer");
    JsonNode oldest =
        get(
                "/api/v1/messaging/threads/"
                    + withBob
                    + "/messages?limit=2&before="
                    + older.get("nextCursor").asString(),
                alice)
            .json();
    assertThat(oldest.get("items").size()).isEqualTo(1);
    assertThat(oldest.get("items").get(0).get("body").asString()).isEqualTo("one");

    post("/api/v1/messaging/threads/" + withBob + "/read", alice, Map.of());
    assertThat(unread(alice)).isEqualTo(1);
    assertThat(
            get("/api/v1/messaging/threads", alice)
                .json()
                .get("items")
                .get(1)
                .get("unreadCount")
                .asLong())
        .isEqualTo(1);
    assertThat(get("/api/v1/messaging/threads?limit=0", alice).status()).isEqualTo(400);
    assertThat(get("/api/v1/messaging/threads?cursor=nonsense!", alice).status()).isEqualTo(400);
  }

  // ---- helpers

  static boolean absent(JsonNode node) {
    return node == null || node.isNull();
  }

  static String user(String name) {
    return name + "-" + UUID.randomUUID();
  }

  static String listing(String sellerId, String sellerName, String title) {
    String id = UUID.randomUUID().toString();
    LISTINGS.put(
        id,
        "{\"id\":\""
            + id
            + "\",\"sellerId\":\""
            + sellerId
            + "\",\"sellerName\":\""
            + sellerName
            + "\",\"title\":\""
            + title
            + "\",\"status\":\"active\",\"format\":\"fixed\",\"photos\":[],\"bidCount\":0}");
    return id;
  }

  String thread(String buyer, String seller) throws Exception {
    Response r =
        post(
            "/api/v1/messaging/threads",
            buyer,
            Map.of("listingId", listing(seller, seller.substring(0, seller.indexOf('-')), "Item")));
    assertThat(r.status()).as(String.valueOf(r.json())).isEqualTo(201);
    return r.json().get("threadId").asString();
  }

  long messagesIn(String thread) {
    return mongo.getCollection("messages").countDocuments(Filters.eq("threadId", thread));
  }

  int events(String messageId) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM platform_outbox WHERE event_id = ?", Integer.class, messageId);
  }

  long unread(String user) throws Exception {
    return get("/api/v1/messaging/unread", user).json().get("unreadCount").asLong();
  }

  LinkedBlockingQueue<String> frames(String user) throws Exception {
    LinkedBlockingQueue<String> out = new LinkedBlockingQueue<>();
    RedisClient client = RedisClient.create(TestStores.redisUrl());
    StatefulRedisPubSubConnection<String, String> connection = client.connectPubSub();
    connection.addListener(
        new RedisPubSubAdapter<>() {
          @Override
          public void message(String channel, String message) {
            out.add(message);
          }
        });
    connection.sync().subscribe("dbay:ws:user:" + user);
    return out;
  }

  static Identity identity(String user, String role) {
    return new Identity(user, null, user.substring(0, user.indexOf('-')), null, Set.of(role));
  }

  Response get(String path, String user) throws Exception {
    return call("GET", path, identity(user, "USER"), null, Map.of());
  }

  Response post(String path, String user, Map<String, ?> body) throws Exception {
    return call("POST", path, identity(user, "USER"), body, Map.of());
  }

  Response put(String path, String user) throws Exception {
    return call("PUT", path, identity(user, "USER"), null, Map.of());
  }

  Response delete(String path, String user) throws Exception {
    return call("DELETE", path, identity(user, "USER"), null, Map.of());
  }

  Response send(String thread, String user, String body, String key) throws Exception {
    return call(
        "POST",
        "/api/v1/messaging/threads/" + thread + "/messages",
        identity(user, "USER"),
        Map.of("body", body),
        Map.of("Idempotency-Key", key));
  }

  Response call(
      String method, String path, Identity who, Map<String, ?> body, Map<String, String> headers)
      throws Exception {
    URI uri = URI.create("http://localhost:" + port + path);
    long now = proof.now();
    String target = GatewayProof.target(uri.getRawPath(), uri.getRawQuery());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header(IdentityHeaders.USER_ID, who.userId())
            .header(IdentityHeaders.COGNITO_USERNAME, who.username())
            .header(IdentityHeaders.ROLES, String.join(",", who.roles()))
            .header(IdentityHeaders.PROOF_TIMESTAMP, Long.toString(now))
            .header(IdentityHeaders.PROOF_SIGNATURE, proof.sign(who, method, target, now));
    headers.forEach(request::header);
    if (body != null) {
      request
          .header("Content-Type", "application/json")
          .method(
              method,
              HttpRequest.BodyPublishers.ofString(
                  json.writeValueAsString(new LinkedHashMap<>(body)), StandardCharsets.UTF_8));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return send(request.build());
  }

  int anonymousGet(String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  Response send(HttpRequest request) throws Exception {
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    String text = r.body();
    return new Response(
        r.statusCode(),
        r.headers().firstValue("Content-Type").orElse(""),
        text == null || text.isBlank() ? null : json.readTree(text),
        r.headers());
  }

  static HttpServer listingService() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/api/v1/listing/listings/",
          exchange -> {
            String id =
                exchange.getRequestURI().getPath().substring("/api/v1/listing/listings/".length());
            String page = LISTINGS.get(id);
            if ("broken".equals(page)) {
              exchange.sendResponseHeaders(500, -1);
              exchange.close();
              return;
            }
            byte[] bytes =
                (page != null
                        ? page
                        : "{\"type\":\"https://dbay.dev/problems/not-found\",\"status\":404}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange
                .getResponseHeaders()
                .add(
                    "Content-Type", page != null ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(page != null ? 200 : 404, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
          });
      server.start();
      return server;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** order-service's internal disputes endpoint: signed calls of messaging-service only. */
  static HttpServer orderService() {
    try {
      ServiceCallVerifier verifier =
          new ServiceCallVerifier(CallerKeys.fromFile(Path.of(ORDER_CALLERS.trustedCallersFile())));
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/api/v1/order/internal/disputes",
          exchange -> {
            URI uri = exchange.getRequestURI();
            ServiceCallVerifier.Result proven =
                verifier.verify(
                    exchange.getRequestMethod(),
                    uri.getRawPath(),
                    uri.getRawQuery(),
                    exchange.getRequestBody().readAllBytes(),
                    exchange.getRequestHeaders()::getFirst);
            if (!proven.verified() || !"messaging-service".equals(proven.caller())) {
              UNSIGNED_DISPUTE_CALLS.incrementAndGet();
              exchange.sendResponseHeaders(401, -1);
              exchange.close();
              return;
            }
            SIGNED_DISPUTE_CALLS.incrementAndGet();
            Map<String, String> q = new LinkedHashMap<>();
            for (String pair : uri.getQuery().split("&")) {
              String[] kv = pair.split("=", 2);
              q.put(kv[0], kv[1]);
            }
            String key =
                q.containsKey("orderId")
                    ? "order:" + q.get("orderId")
                    : "thread:" + q.get("listingId") + "|" + q.get("buyerId");
            byte[] bytes =
                DISPUTES.getOrDefault(key, "{\"items\":[]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
          });
      server.start();
      return server;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
