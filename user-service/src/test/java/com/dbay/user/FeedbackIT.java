package com.dbay.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.events.EventEnvelope;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.starter.events.EventBus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Feedback against the real PostgreSQL and the real event bus (Redis Streams): an order finishes
 * when order-service's OrderCompleted / DisputeRuled arrives; then each side leaves one feedback
 * within 60 days and the receiver's profile score and 12-month percentage follow.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class FeedbackIT {

  @LocalServerPort int port;
  @Autowired EventBus bus;
  @Autowired JdbcTemplate jdbc;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  record Member(String id, String username, Identity identity) {}

  Member member(String prefix) {
    String name = Api.unique(prefix);
    JsonNode account = api.register(name);
    String id = account.get("id").asString();
    return new Member(id, name, new Identity(id, null, name, null, Set.of("USER")));
  }

  void finished(String type, String orderId, Member buyer, Member seller, Instant at) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("orderId", orderId);
    detail.put("buyerId", buyer.id());
    detail.put("sellerId", seller.id());
    detail.put(type.equals("OrderCompleted") ? "completedAt" : "ruledAt", at.toString());
    bus.publish(EventEnvelope.create("dbay.order", type, Api.JSON.valueToTree(detail)));
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (jdbc.queryForObject(
            "select count(*) from feedback_orders where order_id = ?", Integer.class, orderId)
        == 0) {
      assertThat(System.nanoTime()).as("the event reached user-service").isLessThan(deadline);
      sleep();
    }
  }

  Api.Response leave(Member who, String orderId, String rating, String comment, Object detailed) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderId", orderId);
    body.put("rating", rating);
    body.put("comment", comment);
    if (detailed != null) {
      body.put("detailed", detailed);
    }
    return api.as(who.identity(), "POST", "/api/v1/user/feedback", body);
  }

  static Map<String, Integer> stars(int a, int c, int t, int s) {
    return Map.of("itemAsDescribed", a, "communication", c, "shippingTime", t, "shippingCost", s);
  }

  int feedbackRows(String orderId) {
    return jdbc.queryForObject(
        "select count(*) from feedback where order_id = ?", Integer.class, orderId);
  }

  @Test
  void both_sides_leave_one_feedback_and_the_profiles_score_and_percentage_follow() {
    Member buyer = member("fb"), seller = member("fs");
    String order = "O-" + UUID.randomUUID();
    finished("OrderCompleted", order, buyer, seller, Instant.now());

    Api.Response byBuyer =
        leave(buyer, order, "POSITIVE", "Fast and as described", stars(5, 4, 5, 3));
    assertThat(byBuyer.status()).as(String.valueOf(byBuyer.body())).isEqualTo(201);
    assertThat(byBuyer.body().get("toUserId").asString()).isEqualTo(seller.id());
    assertThat(byBuyer.body().get("fromRole").asString()).isEqualTo("buyer");
    Api.Response bySeller = leave(seller, order, "NEUTRAL", "Paid on time", null);
    assertThat(bySeller.status()).as(String.valueOf(bySeller.body())).isEqualTo(201);

    JsonNode sellerProfile =
        api.anonymous("GET", "/api/v1/user/profiles/" + seller.username() + "/feedback", null)
            .body();
    assertThat(sellerProfile.get("score").asLong()).isEqualTo(1);
    assertThat(sellerProfile.get("positivePercent12m").decimalValue()).isEqualByComparingTo("100");
    assertThat(sellerProfile.get("detailed").get("itemAsDescribed").decimalValue())
        .isEqualByComparingTo("5");
    assertThat(sellerProfile.get("detailed").get("shippingCost").decimalValue())
        .isEqualByComparingTo("3");
    assertThat(sellerProfile.get("items").get(0).get("fromUsername").asString())
        .isEqualTo(buyer.username());
    JsonNode buyerProfile =
        api.anonymous("GET", "/api/v1/user/profiles/" + buyer.username() + "/feedback", null)
            .body();
    assertThat(buyerProfile.get("score").asLong()).isZero();
    assertThat(buyerProfile.get("neutral12m").asLong()).isEqualTo(1);
    // neutral only: no percentage (null, or left out by the mapper)
    assertThat(
            buyerProfile.path("positivePercent12m").isNull()
                || buyerProfile.path("positivePercent12m").isMissingNode())
        .isTrue();

    // a second, negative feedback for the same seller through a ruled dispute: 1 - 1 = 0, 50 %
    Member other = member("fo");
    String ruled = "O-" + UUID.randomUUID();
    finished("DisputeRuled", ruled, other, seller, Instant.now());
    assertThat(leave(other, ruled, "NEGATIVE", "Never arrived", null).status()).isEqualTo(201);
    sellerProfile =
        api.anonymous("GET", "/api/v1/user/profiles/" + seller.username() + "/feedback", null)
            .body();
    assertThat(sellerProfile.get("score").asLong()).isZero();
    assertThat(sellerProfile.get("positivePercent12m").decimalValue()).isEqualByComparingTo("50.0");

    JsonNode state =
        api.as(buyer.identity(), "GET", "/api/v1/user/feedback/orders/" + order, null).body();
    assertThat(state.get("canLeave").asBoolean()).isFalse();
    assertThat(state.get("mine").get("rating").asString()).isEqualTo("POSITIVE");
    assertThat(state.get("theirs").get("rating").asString()).isEqualTo("NEUTRAL");
  }

  @Test
  void feedback_twice_on_an_unfinished_order_late_or_by_a_stranger_is_refused_and_stores_nothing() {
    Member buyer = member("xb"), seller = member("xs"), stranger = member("xx");
    String order = "O-" + UUID.randomUUID();

    Api.Response unfinished = leave(buyer, order, "POSITIVE", "too early", null);
    assertThat(unfinished.status()).isEqualTo(409);
    assertThat(unfinished.contentType()).startsWith("application/problem+json");
    assertThat(unfinished.body().get("type").asString()).endsWith("/order-not-finished");

    finished("OrderCompleted", order, buyer, seller, Instant.now());
    assertThat(leave(buyer, order, "POSITIVE", "great", null).status()).isEqualTo(201);
    Api.Response twice = leave(buyer, order, "NEGATIVE", "changed my mind", null);
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.body().get("type").asString()).endsWith("/feedback-exists");
    assertThat(leave(stranger, order, "NEGATIVE", "who?", null).status()).isEqualTo(404);
    assertThat(
            api.as(stranger.identity(), "GET", "/api/v1/user/feedback/orders/" + order, null)
                .status())
        .isEqualTo(404);
    Api.Response tooLong = leave(seller, order, "POSITIVE", "x".repeat(501), null);
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(Api.errorFields(tooLong.body())).contains("comment");
    assertThat(leave(seller, order, "GREAT", "ok", null).status()).isEqualTo(400);
    Api.Response sellerStars = leave(seller, order, "POSITIVE", "ok", stars(5, 5, 5, 5));
    assertThat(sellerStars.status()).isEqualTo(400);
    assertThat(Api.errorFields(sellerStars.body())).contains("detailed");
    assertThat(feedbackRows(order)).isEqualTo(1);

    Member late = member("lb");
    String old = "O-" + UUID.randomUUID();
    finished("OrderCompleted", old, late, seller, Instant.now().minus(Duration.ofDays(61)));
    Api.Response closed = leave(late, old, "POSITIVE", "late", stars(6, 1, 1, 1));
    assertThat(closed.status()).isEqualTo(400);
    assertThat(Api.errorFields(closed.body())).contains("detailed.itemAsDescribed");
    closed = leave(late, old, "POSITIVE", "late", null);
    assertThat(closed.status()).isEqualTo(409);
    assertThat(closed.body().get("type").asString()).endsWith("/feedback-window-closed");
    assertThat(feedbackRows(old)).isZero();
    assertThat(api.anonymous("POST", "/api/v1/user/feedback", Map.of()).status()).isEqualTo(401);
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
