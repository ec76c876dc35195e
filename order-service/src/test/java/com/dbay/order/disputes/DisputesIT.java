package com.dbay.order.disputes;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.order.OrderServiceIT;
import com.dbay.order.RealWallet;
import com.dbay.platform.events.EventEnvelope;
import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.identity.IdentityHeaders;
import com.dbay.platform.money.Doge;
import com.dbay.platform.starter.events.EventBus;
import com.dbay.platform.test.TestCallers;
import com.dbay.platform.test.TestStores;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Disputes over HTTP against the real stores (PostgreSQL, Redis bus, MongoDB audit, the S3 store
 * for evidence) and the real wallet-service (escrow). DisputeWorkflow's side is played by its
 * events on the real bus (DisputeAwaitingSeller / DisputeEscalated with task tokens) and a
 * recording Step Functions endpoint: the workflow itself runs in lambdas' StepFunctionsApiIT.
 * Orders are set up SHIPPED through SQL (the lifecycle is the orders helper's); time is the
 * service's Clock, moved by the test.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "dbay.identity.gateway-secret=" + DisputesIT.SECRET,
      "dbay.order.disputes.workflow-answers-interval=200ms",
      "dbay.order.disputes.sfn-access-key-id=AKIAORDERDISPUTESIT",
      "dbay.order.disputes.sfn-secret-access-key=order-disputes-it"
    })
class DisputesIT {

  static final String SECRET = "order-disputes-it-secret-0123456789abcdef";
  static final List<String[]> SFN_CALLS = new CopyOnWriteArrayList<>();
  static final HttpServer SFN = sfn();

  /** The service's clock, moved by the tests (deadlines without waiting). */
  static final class MovableClock extends Clock {
    volatile Duration offset = Duration.ZERO;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }
  }

  static final MovableClock CLOCK = new MovableClock();

  @TestConfiguration
  static class Clocks {
    @Bean
    @Primary
    Clock testClock() {
      return CLOCK;
    }
  }

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) {
    TestStores.ensureDatabase("order");
    RealWallet.register(registry);
    registry.add(
        "dbay.service-calls.trusted-callers-file", OrderServiceIT.CALLERS::trustedCallersFile);
    registry.add(
        "dbay.order.disputes.sfn-endpoint", () -> "http://127.0.0.1:" + SFN.getAddress().getPort());
    registry.add("dbay.order.disputes.evidence-bucket", () -> "dbay-evidence-it");
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired JsonMapper json;
  @Autowired EventBus bus;
  @Autowired MongoTemplate mongo;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final GatewayProof proof = new GatewayProof(SECRET);
  final RealWallet wallet = RealWallet.get();

  record Response(int status, String contentType, JsonNode json, byte[] bytes) {}

  @AfterAll
  static void stopSfn() {
    SFN.stop(0);
    CLOCK.offset = Duration.ZERO;
  }

  // ------------------------------------------------------------------ the journeys

  @Test
  void a_dispute_goes_to_an_admin_who_splits_70_30_and_the_escrow_moves_exactly_once()
      throws Exception {
    String buyer = "b-" + UUID.randomUUID(), seller = "s-" + UUID.randomUUID();
    String admin = "a-" + UUID.randomUUID(), stranger = "x-" + UUID.randomUUID();
    String order = shippedOrder(buyer, seller, "100", Duration.ofDays(2));
    Doge buyerBefore = available(buyer);

    Response opened =
        send(
            "POST",
            "/api/v1/order/orders/" + order + "/dispute",
            buyer,
            "USER",
            "{\"reason\":\"NOT_AS_DESCRIBED\",\"description\":\"It is blue, not red.\"}");
    assertThat(opened.status()).as(opened.json().toString()).isEqualTo(201);
    String id = opened.json().get("disputeId").asString();
    assertThat(opened.json().get("status").asString()).isEqualTo("AWAITING_SELLER");
    assertThat(orderStatus(order)).isEqualTo("DISPUTED");
    assertThat(outbox("DisputeOpened", id)).isEqualTo(1);

    workflowEvent("DisputeAwaitingSeller", id, order, "seller-token-" + id);
    await(() -> token("seller_token", id) != null, "the seller step's token is kept");

    Response answered =
        send(
            "POST",
            "/api/v1/order/disputes/" + id + "/answer",
            seller,
            "USER",
            "{\"answer\":\"It was red when I shipped it.\"}");
    assertThat(answered.status()).as(answered.json().toString()).isEqualTo(200);
    assertThat(answered.json().get("status").asString()).isEqualTo("ANSWERED");

    // evidence from both sides: a text from the buyer, an image from the seller
    Response text =
        send(
            "POST",
            "/api/v1/order/disputes/" + id + "/evidence",
            buyer,
            "USER",
            "{\"text\":\"Photo in the listing shows red.\"}");
    assertThat(text.status()).as(text.json().toString()).isEqualTo(201);
    assertThat(text.json().get("sha256").asString())
        .isEqualTo(
            DisputeService.sha256(
                "Photo in the listing shows red.".getBytes(StandardCharsets.UTF_8)));
    byte[] png = png();
    Response image =
        upload("/api/v1/order/disputes/" + id + "/evidence/images", seller, "image/png", png);
    assertThat(image.status()).as(image.json().toString()).isEqualTo(201);
    assertThat(image.json().get("sha256").asString()).isEqualTo(DisputeService.sha256(png));
    assertThat(image.json().get("createdAt").asString()).isNotBlank();
    String url = image.json().get("url").asString();
    assertThat(send("GET", url, buyer, "USER", null).bytes()).isEqualTo(png);
    assertThat(send("GET", url, admin, "ADMIN", null).bytes()).isEqualTo(png);

    // strangers see neither the dispute nor its evidence
    Response strangerDispute = send("GET", "/api/v1/order/disputes/" + id, stranger, "USER", null);
    assertThat(strangerDispute.status()).isEqualTo(404);
    assertThat(strangerDispute.contentType()).startsWith("application/problem+json");
    assertThat(send("GET", url, stranger, "USER", null).status()).isEqualTo(404);
    assertThat(
            send("GET", "/api/v1/order/orders/" + order + "/dispute", stranger, "USER", null)
                .status())
        .isEqualTo(404);
    assertThat(
            upload("/api/v1/order/disputes/" + id + "/evidence/images", stranger, "image/png", png)
                .status())
        .isEqualTo(404);
    // a file that is not what it claims is refused
    assertThat(
            upload(
                    "/api/v1/order/disputes/" + id + "/evidence/images",
                    buyer,
                    "image/png",
                    "<svg/>".getBytes(StandardCharsets.UTF_8))
                .status())
        .isEqualTo(400);

    JsonNode seen = send("GET", "/api/v1/order/disputes/" + id, buyer, "USER", null).json();
    assertThat(seen.get("evidence").size()).isEqualTo(2);

    // the buyer escalates: the workflow's seller step is answered ESCALATE
    Response escalated =
        send("POST", "/api/v1/order/disputes/" + id + "/escalate", buyer, "USER", null);
    assertThat(escalated.status()).as(escalated.json().toString()).isEqualTo(200);
    assertThat(escalated.json().get("escalatedBy").asString()).isEqualTo("BUYER");
    await(() -> sfnCall("seller-token-" + id) != null, "the seller step is answered");
    assertThat(json.readTree(sfnCall("seller-token-" + id)))
        .isEqualTo(json.readTree("{\"resolution\":\"ESCALATE\"}"));
    workflowEvent("DisputeEscalated", id, order, "admin-token-" + id);
    await(() -> token("admin_token", id) != null, "the admin step's token is kept");

    // refused rulings move nothing
    String ruling = "/api/v1/order/admin/disputes/" + id + "/ruling";
    Response notAdmin =
        send("POST", ruling, seller, "USER", "{\"decision\":\"RELEASE\",\"reason\":\"mine\"}");
    assertThat(notAdmin.status()).isEqualTo(403);
    assertThat(notAdmin.contentType()).startsWith("application/problem+json");
    assertThat(send("GET", "/api/v1/order/admin/disputes", buyer, "USER", null).status())
        .isEqualTo(403);
    Response over =
        send(
            "POST",
            ruling,
            admin,
            "ADMIN",
            "{\"decision\":\"SPLIT\",\"buyerPercent\":\"101\",\"reason\":\"too much\"}");
    assertThat(over.status()).isEqualTo(400);
    assertThat(over.json().get("errors").get(0).get("field").asString()).isEqualTo("buyerPercent");
    Response decimals =
        send(
            "POST",
            ruling,
            admin,
            "ADMIN",
            "{\"decision\":\"SPLIT\",\"buyerPercent\":\"70.125\",\"reason\":\"too precise\"}");
    assertThat(decimals.status()).isEqualTo(400);
    assertThat(
            send("POST", ruling, admin, "ADMIN", "{\"decision\":\"SPLIT\",\"buyerPercent\":\"70\"}")
                .status())
        .isEqualTo(400);
    assertThat(wallet.escrow(order).get("status").asString()).isEqualTo("FUNDED");
    assertThat(orderStatus(order)).isEqualTo("DISPUTED");

    // the admin's view: queue, detail with both sides' evidence and the escrow, exact preview
    JsonNode queue = send("GET", "/api/v1/order/admin/disputes", admin, "ADMIN", null).json();
    List<String> queued = new java.util.ArrayList<>();
    queue.get("items").forEach(item -> queued.add(item.get("disputeId").asString()));
    assertThat(queued).contains(id);
    JsonNode detail =
        send("GET", "/api/v1/order/admin/disputes/" + id, admin, "ADMIN", null).json();
    assertThat(detail.get("escrow").get("status").asString()).isEqualTo("FUNDED");
    assertThat(detail.get("dispute").get("evidence").size()).isEqualTo(2);
    JsonNode preview =
        send(
                "GET",
                "/api/v1/order/admin/disputes/" + id + "/preview?decision=SPLIT&buyerPercent=70",
                admin,
                "ADMIN",
                null)
            .json();
    // 70 DOGE to the buyer; 30 to the seller minus the 2.5 % fee (0.75)
    assertThat(preview.get("buyerAmount").asString()).isEqualTo("70.00000000");
    assertThat(preview.get("sellerAmount").asString()).isEqualTo("29.25000000");
    assertThat(preview.get("fee").asString()).isEqualTo("0.75000000");

    Response ruled =
        send(
            "POST",
            ruling,
            admin,
            "ADMIN",
            "{\"decision\":\"SPLIT\",\"buyerPercent\":\"70\",\"reason\":\"Colour differs; item usable.\"}");
    assertThat(ruled.status()).as(ruled.json().toString()).isEqualTo(200);
    assertThat(ruled.json().get("status").asString()).isEqualTo("RULED");
    assertThat(ruled.json().get("ruling").get("buyerAmount").asString()).isEqualTo("70.00000000");
    assertThat(ruled.json().get("ruling").get("sellerAmount").asString()).isEqualTo("29.25000000");
    assertThat(available(buyer)).isEqualTo(buyerBefore.plus(Doge.ofDoge(70)));
    assertThat(available(seller)).isEqualTo(Doge.parse("29.25"));
    assertThat(wallet.escrow(order).get("status").asString()).isEqualTo("SPLIT");
    assertThat(orderStatus(order)).isEqualTo("SPLIT");
    assertThat(outbox("DisputeRuled", id)).isEqualTo(1);
    await(() -> sfnCall("admin-token-" + id) != null, "the admin step is answered");
    assertThat(json.readTree(sfnCall("admin-token-" + id)))
        .isEqualTo(json.readTree("{\"decision\":\"SPLIT\",\"buyerPercent\":70}"));
    Document audited =
        mongo.findOne(
            new Query(Criteria.where("disputeId").is(id).and("action").is("dispute.ruled")),
            Document.class,
            AdminAudit.COLLECTION);
    assertThat(audited).isNotNull();
    assertThat(audited.getString("adminId")).isEqualTo(admin);
    assertThat(audited.get("at")).isNotNull();
    assertThat(((Document) audited.get("details")).getString("reason"))
        .isEqualTo("Colour differs; item usable.");
    assertThat(
            mongo.count(
                new Query(
                    Criteria.where("disputeId").is(id).and("action").is("dispute.ruled.refused")),
                AdminAudit.COLLECTION))
        .isEqualTo(1);

    // a second ruling (another key) finds it ruled: nothing moves again
    Response again =
        send(
            "POST",
            ruling,
            admin,
            "ADMIN",
            "{\"decision\":\"REFUND\",\"reason\":\"changed my mind\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(available(buyer)).isEqualTo(buyerBefore.plus(Doge.ofDoge(70)));
    assertThat(available(seller)).isEqualTo(Doge.parse("29.25"));
    // evidence closes with the ruling
    assertThat(
            send(
                    "POST",
                    "/api/v1/order/disputes/" + id + "/evidence",
                    buyer,
                    "USER",
                    "{\"text\":\"one more\"}")
                .status())
        .isEqualTo(409);
  }

  @Test
  void the_deadlines_30_days_to_open_3_days_to_answer_then_the_workflow_escalates()
      throws Exception {
    String buyer = "b-" + UUID.randomUUID(), seller = "s-" + UUID.randomUUID();
    String late = shippedOrder(buyer, seller, "10", Duration.ofDays(30).plusMinutes(1));
    Response tooLate =
        send(
            "POST",
            "/api/v1/order/orders/" + late + "/dispute",
            buyer,
            "USER",
            "{\"reason\":\"NOT_RECEIVED\",\"description\":\"Nothing came.\"}");
    assertThat(tooLate.status()).isEqualTo(409);
    assertThat(tooLate.contentType()).startsWith("application/problem+json");
    assertThat(tooLate.json().get("type").asString()).endsWith("/dispute-window-closed");
    assertThat(orderStatus(late)).isEqualTo("SHIPPED");
    assertThat(disputeRows(late)).isZero();

    String order = shippedOrder(buyer, seller, "10", Duration.ofDays(29));
    String open = "/api/v1/order/orders/" + order + "/dispute";
    String body = "{\"reason\":\"NOT_RECEIVED\",\"description\":\"Nothing came.\"}";
    assertThat(send("POST", open, seller, "USER", body).status()).isEqualTo(403);
    assertThat(send("POST", open, "x-" + UUID.randomUUID(), "USER", body).status()).isEqualTo(404);
    assertThat(
            send("POST", open, buyer, "USER", "{\"reason\":\"BORED\",\"description\":\"x\"}")
                .status())
        .isEqualTo(400);
    assertThat(disputeRows(order)).isZero();
    Response opened = send("POST", open, buyer, "USER", body);
    assertThat(opened.status()).isEqualTo(201);
    assertThat(send("POST", open, buyer, "USER", body).status()).isEqualTo(409);
    String id = opened.json().get("disputeId").asString();

    CLOCK.offset = Duration.ofDays(3).plusSeconds(1);
    try {
      Response lateAnswer =
          send(
              "POST",
              "/api/v1/order/disputes/" + id + "/answer",
              seller,
              "USER",
              "{\"answer\":\"Sorry, I was away.\"}");
      assertThat(lateAnswer.status()).isEqualTo(409);
      assertThat(lateAnswer.json().get("type").asString()).endsWith("/answer-window-closed");
      JsonNode queue = send("GET", "/api/v1/order/admin/disputes", "a-1", "ADMIN", null).json();
      JsonNode row = null;
      for (JsonNode item : queue.get("items")) {
        if (item.get("disputeId").asString().equals(id)) {
          row = item;
        }
      }
      assertThat(row).isNotNull();
      assertThat(row.get("answerOverdue").asBoolean()).isTrue();
      assertThat(row.get("ageHours").asLong()).isGreaterThanOrEqualTo(72);
    } finally {
      CLOCK.offset = Duration.ZERO;
    }
    // the workflow's 3-day timeout escalates (its DisputeEscalated carries the admin step's token)
    workflowEvent("DisputeEscalated", id, order, "admin-token-" + id);
    await(
        () ->
            "ESCALATED"
                .equals(
                    jdbc.queryForObject(
                        "SELECT status FROM disputes WHERE id = ?", String.class, id)),
        "the dispute is escalated by the deadline");
    assertThat(
            jdbc.queryForObject("SELECT escalated_by FROM disputes WHERE id = ?", String.class, id))
        .isEqualTo("DEADLINE");
  }

  @Test
  void the_seller_refunds_in_full_and_an_unshipped_order_cannot_be_disputed() throws Exception {
    String buyer = "b-" + UUID.randomUUID(), seller = "s-" + UUID.randomUUID();
    String order = shippedOrder(buyer, seller, "40", Duration.ofDays(1));
    Doge before = available(buyer);
    String id =
        send(
                "POST",
                "/api/v1/order/orders/" + order + "/dispute",
                buyer,
                "USER",
                "{\"reason\":\"NOT_RECEIVED\",\"description\":\"Nothing came.\"}")
            .json()
            .get("disputeId")
            .asString();
    assertThat(
            send("POST", "/api/v1/order/disputes/" + id + "/refund", buyer, "USER", null, "k-" + id)
                .status())
        .isEqualTo(403);
    // messaging-service asks whether the order is in dispute (an admin may then read the
    // parties' thread): by the order, or by the thread's listing and buyer; nobody else may ask
    String byOrder = "/api/v1/order/internal/disputes?orderId=" + order;
    String byThread = "/api/v1/order/internal/disputes?listingId=L-" + order + "&buyerId=" + buyer;
    for (String ask : List.of(byOrder, byThread)) {
      Response asked = internal("messaging-service", ask);
      assertThat(asked.status()).as(ask).isEqualTo(200);
      JsonNode item = asked.json().get("items").get(0);
      assertThat(asked.json().get("items").size()).isEqualTo(1);
      assertThat(item.get("disputeId").asString()).isEqualTo(id);
      assertThat(item.get("orderId").asString()).isEqualTo(order);
      assertThat(item.get("listingId").asString()).isEqualTo("L-" + order);
      assertThat(item.get("buyerId").asString()).isEqualTo(buyer);
      assertThat(item.get("sellerId").asString()).isEqualTo(seller);
      assertThat(item.get("status").asString()).isEqualTo("AWAITING_SELLER");
      assertThat(item.get("open").asBoolean()).isTrue();
    }
    assertThat(
            internal("messaging-service", "/api/v1/order/internal/disputes?orderId=O-none")
                .json()
                .get("items")
                .size())
        .isZero();
    Response both = internal("messaging-service", byOrder + "&buyerId=" + buyer);
    assertThat(both.status()).isEqualTo(400);
    assertThat(both.contentType()).startsWith("application/problem+json");
    assertThat(internal("messaging-service", "/api/v1/order/internal/disputes").status())
        .isEqualTo(400);
    assertThat(internal(TestCallers.STRANGER, byOrder).status()).isIn(401, 403);
    assertThat(send("GET", byOrder, buyer, "ADMIN", null).status()).isIn(401, 403);
    Response refunded =
        send("POST", "/api/v1/order/disputes/" + id + "/refund", seller, "USER", null, "k2-" + id);
    assertThat(refunded.status()).as(refunded.json().toString()).isEqualTo(200);
    assertThat(refunded.json().get("ruling").get("decision").asString()).isEqualTo("REFUND");
    assertThat(available(buyer)).isEqualTo(before.plus(Doge.ofDoge(40)));
    assertThat(orderStatus(order)).isEqualTo("REFUNDED");
    JsonNode closed = internal("messaging-service", byOrder).json().get("items").get(0);
    assertThat(closed.get("status").asString()).isEqualTo("RULED");
    assertThat(closed.get("open").asBoolean()).isFalse();
    // the token comes after: the owed REFUND is sent then
    workflowEvent("DisputeAwaitingSeller", id, order, "late-token-" + id);
    await(
        () -> sfnCall("late-token-" + id) != null,
        "the owed answer is sent once the token is known");
    assertThat(json.readTree(sfnCall("late-token-" + id)))
        .isEqualTo(json.readTree("{\"resolution\":\"REFUND\"}"));

    String unpaid = "O-" + UUID.randomUUID();
    jdbc.update(
        "INSERT INTO orders (id, source, listing_id, buyer_id, seller_id, price, status, created_at)"
            + " VALUES (?, 'auction', ?, ?, ?, 100000000, 'PAID_IN_ESCROW', now())",
        unpaid,
        "L-" + unpaid,
        buyer,
        seller);
    Response notShipped =
        send(
            "POST",
            "/api/v1/order/orders/" + unpaid + "/dispute",
            buyer,
            "USER",
            "{\"reason\":\"NOT_RECEIVED\",\"description\":\"Nothing came.\"}");
    assertThat(notShipped.status()).isEqualTo(409);
    assertThat(notShipped.json().get("type").asString()).endsWith("/order-not-disputable");
  }

  // ------------------------------------------------------------------ set-up and helpers

  /**
   * A SHIPPED order (through SQL until the lifecycle lands) with its escrow funded in the wallet.
   */
  String shippedOrder(String buyer, String seller, String price, Duration shippedAgo) {
    String order = "O-" + UUID.randomUUID();
    wallet.fund(buyer, 1000);
    Instant now = Instant.now();
    jdbc.update(
        "INSERT INTO orders (id, source, listing_id, buyer_id, seller_id, price, status, created_at, shipped_at)"
            + " VALUES (?, 'auction', ?, ?, ?, ?, 'SHIPPED', ?, ?)",
        order,
        "L-" + order,
        buyer,
        seller,
        Doge.parse(price).koinu(),
        Timestamp.from(now.minus(shippedAgo).minusSeconds(3600)),
        Timestamp.from(now.minus(shippedAgo)));
    wallet.fundEscrow(order, buyer, seller, price);
    return order;
  }

  Doge available(String user) {
    return Doge.parse(wallet.balance(user).get("available").asString());
  }

  String orderStatus(String order) {
    return jdbc.queryForObject("SELECT status FROM orders WHERE id = ?", String.class, order);
  }

  int disputeRows(String order) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM disputes WHERE order_id = ?", Integer.class, order);
  }

  int outbox(String type, String disputeId) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM platform_outbox WHERE detail_type = ? AND detail LIKE ?",
        Integer.class,
        type,
        "%" + disputeId + "%");
  }

  String token(String column, String id) {
    return jdbc.queryForObject(
        "SELECT " + column + " FROM disputes WHERE id = ?", String.class, id);
  }

  void workflowEvent(String type, String disputeId, String orderId, String token) {
    bus.publish(
        EventEnvelope.create(
            "dbay.serverless",
            type,
            json.valueToTree(
                Map.of("disputeId", disputeId, "orderId", orderId, "taskToken", token))));
  }

  static String sfnCall(String token) {
    for (String[] call : SFN_CALLS) {
      if (call[0].equals(token)) {
        return call[1];
      }
    }
    return null;
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never happened: " + what);
      }
      Thread.sleep(50);
    }
  }

  /** A recording Step Functions API: SendTaskSuccess's token and output. */
  static HttpServer sfn() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      JsonMapper mapper = JsonMapper.builder().build();
      server.createContext(
          "/",
          exchange -> {
            JsonNode body = mapper.readTree(exchange.getRequestBody().readAllBytes());
            if ("AWSStepFunctions.SendTaskSuccess"
                .equals(exchange.getRequestHeaders().getFirst("X-Amz-Target"))) {
              SFN_CALLS.add(
                  new String[] {body.get("taskToken").asString(), body.get("output").asString()});
            }
            byte[] ok = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A tiny valid PNG (1x1). */
  static byte[] png() {
    return java.util.Base64.getDecoder()
        .decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
  }

  Response send(String method, String pathAndQuery, String user, String role, String body)
      throws Exception {
    return send(method, pathAndQuery, user, role, body, UUID.randomUUID().toString());
  }

  Response send(
      String method, String pathAndQuery, String user, String role, String body, String key)
      throws Exception {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    return request(method, pathAndQuery, user, role, "application/json", bytes, key);
  }

  /** A GET on an internal endpoint signed as {@code caller} (no gateway identity). */
  Response internal(String caller, String pathAndQuery) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).GET();
    OrderServiceIT.CALLERS
        .signer(caller)
        .headers("GET", URI.create("http://x" + pathAndQuery), new byte[0])
        .forEach(request::header);
    HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    String type = r.headers().firstValue("Content-Type").orElse("");
    JsonNode body = type.contains("json") && r.body().length > 0 ? json.readTree(r.body()) : null;
    return new Response(r.statusCode(), type, body, r.body());
  }

  Response upload(String path, String user, String contentType, byte[] bytes) throws Exception {
    return request("POST", path, user, "USER", contentType, bytes, UUID.randomUUID().toString());
  }

  Response request(
      String method,
      String pathAndQuery,
      String user,
      String role,
      String contentType,
      byte[] bytes,
      String key)
      throws Exception {
    URI uri = URI.create("http://localhost:" + port + pathAndQuery);
    Identity identity = new Identity(user, null, user, null, Set.of(role));
    long now = proof.now();
    String target = GatewayProof.target(uri.getRawPath(), uri.getRawQuery());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header(IdentityHeaders.USER_ID, user)
            .header(IdentityHeaders.COGNITO_USERNAME, user)
            .header(IdentityHeaders.ROLES, role)
            .header(IdentityHeaders.PROOF_TIMESTAMP, Long.toString(now))
            .header(IdentityHeaders.PROOF_SIGNATURE, proof.sign(identity, method, target, now))
            .header("Idempotency-Key", key)
            .method(
                method,
                method.equals("GET")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(bytes));
    if (!method.equals("GET")) {
      request.header("Content-Type", contentType);
    }
    HttpResponse<byte[]> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    String type = response.headers().firstValue("Content-Type").orElse("");
    JsonNode parsed =
        type.contains("json") && response.body().length > 0
            ? json.readTree(response.body())
            : json.createObjectNode();
    return new Response(response.statusCode(), type, parsed, response.body());
  }
}
