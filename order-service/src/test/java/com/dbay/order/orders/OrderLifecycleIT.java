package com.dbay.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.order.OrderServiceIT;
import com.dbay.platform.money.Doge;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The order lifecycle over HTTP against the real PostgreSQL and the real wallet: ship, confirm
 * receipt (escrow released to the seller minus the 2.5 % fee), cancel after 3 business days (escrow
 * refunded), auto-release 14 days after shipment. Deadlines move with the test clock. Every refused
 * step answers problem+json and moves nothing.
 */
class OrderLifecycleIT extends OrderServiceIT {

  @Autowired OrderService service;

  final String run = UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void clockBack() {
    clock.reset();
  }

  /** An auction's order for 100 DOGE, its escrow funded from the buyer's 500. */
  record Deal(String orderId, String buyer, String seller) {}

  Deal paidOrder() throws Exception {
    String buyer = "b-" + UUID.randomUUID(), seller = "s-" + UUID.randomUUID();
    wallet.fund(buyer, 500);
    Response created =
        internal(
            "auction-settlement",
            "POST",
            "/api/v1/order/internal/orders",
            "{\"listingId\":\"L-"
                + UUID.randomUUID()
                + "\",\"buyerId\":\""
                + buyer
                + "\",\"sellerId\":\""
                + seller
                + "\",\"price\":\"100\",\"source\":\"auction\"}");
    assertThat(created.status()).as(created.json().toString()).isEqualTo(201);
    String id = created.json().get("orderId").asString();
    wallet.fundEscrow(id, buyer, seller, "100");
    return new Deal(id, buyer, seller);
  }

  String path(Deal d, String step) {
    return "/api/v1/order/orders/" + d.orderId() + "/" + step;
  }

  static void assertProblem(Response r, int status, String type) {
    assertThat(r.status()).as(r.json().toString()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    if (type != null) {
      assertThat(r.json().get("type").asString()).endsWith("/" + type);
    }
  }

  @Test
  void shipped_then_confirmed_pays_the_seller_price_minus_fee_once() throws Exception {
    Deal d = paidOrder();
    assertThat(wallet.available(d.buyer())).isEqualTo(Doge.parse("400"));

    assertProblem(post(path(d, "confirm-receipt"), d.buyer(), null), 409, "order-not-shipped");
    Response shipped =
        post(path(d, "ship"), d.seller(), "{\"carrier\":\"DHL\",\"trackingNumber\":\"JD014600\"}");
    assertThat(shipped.status()).as(shipped.json().toString()).isEqualTo(200);
    assertThat(shipped.json().get("status").asString()).isEqualTo("SHIPPED");
    assertThat(shipped.json().get("carrier").asString()).isEqualTo("DHL");
    assertThat(shipped.json().get("autoReleaseAt").isNull()).isFalse();

    String key = UUID.randomUUID().toString();
    Response confirmed = call("POST", path(d, "confirm-receipt"), d.buyer(), "USER", null, key);
    assertThat(confirmed.status()).as(confirmed.json().toString()).isEqualTo(200);
    assertThat(confirmed.json().get("status").asString()).isEqualTo("COMPLETED");
    assertThat(confirmed.json().get("sellerAmount").asString()).isEqualTo("97.50000000");
    assertThat(confirmed.json().get("fee").asString()).isEqualTo("2.50000000");
    assertThat(wallet.available(d.seller())).isEqualTo(Doge.parse("97.5"));
    assertThat(wallet.escrow(d.orderId()).get("status").asString()).isEqualTo("RELEASED");

    // The same request again (same key): the same answer, nothing moves.
    Response replay = call("POST", path(d, "confirm-receipt"), d.buyer(), "USER", null, key);
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.json().get("completedAt").asString())
        .isEqualTo(confirmed.json().get("completedAt").asString());
    // A second confirmation: refused, nothing moves.
    assertProblem(post(path(d, "confirm-receipt"), d.buyer(), null), 409, "order-completed");
    assertThat(wallet.available(d.seller())).isEqualTo(Doge.parse("97.5"));
    assertThat(wallet.available(d.buyer())).isEqualTo(Doge.parse("400"));
    assertThat(outboxCount("OrderShipped", d.orderId())).isEqualTo(1);
    assertThat(outboxCount("OrderReceived", d.orderId())).isEqualTo(1);
    assertThat(outboxCount("OrderCompleted", d.orderId())).isEqualTo(1);

    // Shipping a completed order: not paid any more.
    assertProblem(
        post(path(d, "ship"), d.seller(), "{\"carrier\":\"UPS\",\"trackingNumber\":\"2\"}"),
        409,
        "order-not-paid");
  }

  @Test
  void only_the_seller_ships_and_bad_shipments_change_nothing() throws Exception {
    Deal d = paidOrder();
    String body = "{\"carrier\":\"DHL\",\"trackingNumber\":\"JD1\"}";
    assertProblem(post(path(d, "ship"), d.buyer(), body), 403, "not-the-seller");
    assertProblem(post(path(d, "ship"), "stranger-" + run, body), 404, "not-found");
    assertProblem(
        post("/api/v1/order/orders/no-such-order/ship", d.seller(), body), 404, "not-found");
    assertProblem(
        post(path(d, "ship"), d.seller(), "{\"carrier\":\"\",\"trackingNumber\":\"JD1\"}"),
        400,
        "validation");
    assertProblem(
        post(path(d, "ship"), d.seller(), "{\"carrier\":\"DHL\",\"trackingNumber\":\"<b>\"}"),
        400,
        "validation");
    assertProblem(call("POST", path(d, "ship"), d.seller(), "USER", body, null), 400, null);
    assertProblem(post(path(d, "confirm-receipt"), d.seller(), null), 403, "not-the-buyer");
    assertThat(
            get("/api/v1/order/orders/" + d.orderId(), d.buyer(), "USER")
                .json()
                .get("status")
                .asString())
        .isEqualTo("PAID_IN_ESCROW");
    assertThat(outboxCount("OrderShipped", d.orderId())).isZero();
    assertThat(wallet.escrow(d.orderId()).get("status").asString()).isEqualTo("FUNDED");
  }

  @Test
  void the_buyer_cancels_for_a_refund_only_after_three_business_days_unshipped() throws Exception {
    Deal d = paidOrder();
    assertProblem(post(path(d, "cancel"), d.buyer(), null), 409, "order-not-cancellable");
    clock.advance(Duration.ofDays(2));
    assertProblem(post(path(d, "cancel"), d.buyer(), null), 409, "order-not-cancellable");
    assertThat(wallet.available(d.buyer())).isEqualTo(Doge.parse("400"));

    // 3 business days are at most 5 calendar days.
    clock.advance(Duration.ofDays(3));
    assertProblem(post(path(d, "cancel"), d.seller(), null), 403, "not-the-buyer");
    Response cancelled = post(path(d, "cancel"), d.buyer(), null);
    assertThat(cancelled.status()).as(cancelled.json().toString()).isEqualTo(200);
    assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
    assertThat(wallet.available(d.buyer())).isEqualTo(Doge.parse("500"));
    assertThat(wallet.escrow(d.orderId()).get("status").asString()).isEqualTo("REFUNDED");

    assertProblem(post(path(d, "cancel"), d.buyer(), null), 409, "order-cancelled");
    assertProblem(
        post(path(d, "ship"), d.seller(), "{\"carrier\":\"DHL\",\"trackingNumber\":\"1\"}"),
        409,
        "order-not-paid");
    assertThat(wallet.available(d.buyer())).isEqualTo(Doge.parse("500"));
    assertThat(outboxCount("OrderCancelled", d.orderId())).isEqualTo(1);
  }

  @Test
  void a_shipped_order_releases_by_itself_after_14_days_once() throws Exception {
    Deal d = paidOrder();
    assertThat(
            post(path(d, "ship"), d.seller(), "{\"carrier\":\"DHL\",\"trackingNumber\":\"JD2\"}")
                .status())
        .isEqualTo(200);
    clock.advance(Duration.ofDays(13).plusHours(23));
    service.autoReleaseDue(1_000);
    assertThat(status(d)).isEqualTo("SHIPPED");
    assertThat(wallet.available(d.seller())).isEqualTo(Doge.ZERO);

    clock.advance(Duration.ofHours(1).plusSeconds(1));
    assertThat(service.autoReleaseDue(1_000)).isGreaterThanOrEqualTo(1);
    assertThat(status(d)).isEqualTo("COMPLETED");
    assertThat(wallet.available(d.seller())).isEqualTo(Doge.parse("97.5"));
    service.autoReleaseDue(1_000);
    assertThat(wallet.available(d.seller())).isEqualTo(Doge.parse("97.5"));
    assertThat(outboxCount("OrderCompleted", d.orderId())).isEqualTo(1);
    assertThat(outboxCount("OrderReceived", d.orderId())).isZero();
    assertProblem(post(path(d, "confirm-receipt"), d.buyer(), null), 409, "order-completed");
  }

  @Test
  void many_confirmations_at_once_release_the_escrow_once() throws Exception {
    Deal d = paidOrder();
    post(path(d, "ship"), d.seller(), "{\"carrier\":\"DHL\",\"trackingNumber\":\"JD3\"}");
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<Response>> racing = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      racing.add(pool.submit(() -> post(path(d, "confirm-receipt"), d.buyer(), null)));
    }
    int ok = 0;
    for (Future<Response> f : racing) {
      Response r = f.get();
      if (r.status() == 200) {
        ok++;
      } else {
        assertProblem(r, 409, "order-completed");
      }
    }
    pool.shutdown();
    assertThat(ok).isEqualTo(1);
    assertThat(wallet.available(d.seller())).isEqualTo(Doge.parse("97.5"));
    assertThat(outboxCount("OrderCompleted", d.orderId())).isEqualTo(1);
  }

  String status(Deal d) throws Exception {
    return get("/api/v1/order/orders/" + d.orderId(), d.seller(), "USER")
        .json()
        .get("status")
        .asString();
  }
}
