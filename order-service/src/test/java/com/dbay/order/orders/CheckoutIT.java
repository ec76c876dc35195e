package com.dbay.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.order.OrderServiceIT;
import com.dbay.platform.money.Doge;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Checkout of fixed-price listings against the real listing-service, wallet and PostgreSQL: price +
 * shipping move from the buyer's available balance into the order's escrow, the listing's units go
 * down, concurrent buyers of the last units never oversell it and the refused ones keep their
 * money, and every refusal (too many, no funds, own listing, bad address) moves nothing.
 */
class CheckoutIT extends OrderServiceIT {

  @Autowired CheckoutService checkouts;
  @Autowired CheckoutAttempts attempts;
  @Autowired ListingPurchases listingUnits;
  @Autowired EscrowWallet escrows;

  @AfterEach
  void clockBack() {
    clock.reset();
  }

  static final String ADDRESS =
      "{\"name\":\"Ada Buyer\",\"street\":\"1 Main St\",\"city\":\"Springfield\",\"postalCode\":\"12345\",\"country\":\"us\"}";

  static String checkout(String listingId, int quantity) {
    return "{\"listingId\":\""
        + listingId
        + "\",\"quantity\":"
        + quantity
        + ",\"shippingAddress\":"
        + ADDRESS
        + "}";
  }

  static void assertProblem(Response r, int status, String type) {
    assertThat(r.status()).as(r.json().toString()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    if (type != null) {
      assertThat(r.json().get("type").asString()).endsWith("/" + type);
    }
  }

  int available(String listingId) {
    return listings.listing(listingId).get("quantityAvailable").asInt();
  }

  @Test
  void checkout_escrows_price_and_shipping_and_takes_the_units_once_per_key() throws Exception {
    String seller = "s-" + UUID.randomUUID(), buyer = "b-" + UUID.randomUUID();
    wallet.fund(buyer, 100);
    String listing = listings.fixedPrice(seller, "12.5", 3, "2");

    String key = UUID.randomUUID().toString();
    Response bought =
        call("POST", "/api/v1/order/checkout", buyer, "USER", checkout(listing, 2), key);
    assertThat(bought.status()).as(bought.json().toString()).isEqualTo(201);
    assertThat(bought.json().get("status").asString()).isEqualTo("PAID_IN_ESCROW");
    assertThat(bought.json().get("source").asString()).isEqualTo("fixed_price");
    assertThat(bought.json().get("price").asString()).isEqualTo("25.00000000");
    assertThat(bought.json().get("shippingCost").asString()).isEqualTo("2.00000000");
    assertThat(bought.json().get("total").asString()).isEqualTo("27.00000000");
    assertThat(bought.json().get("shippingAddress").get("country").asString()).isEqualTo("US");
    String orderId = bought.json().get("orderId").asString();
    assertThat(wallet.available(buyer)).isEqualTo(Doge.parse("73"));
    assertThat(wallet.escrow(orderId).get("amount").asString()).isEqualTo("27.00000000");
    assertThat(available(listing)).isEqualTo(1);

    // A double click (same key): the same order, nothing moves again.
    Response again =
        call("POST", "/api/v1/order/checkout", buyer, "USER", checkout(listing, 2), key);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("orderId").asString()).isEqualTo(orderId);
    // The same key for another purchase: refused.
    assertProblem(
        call("POST", "/api/v1/order/checkout", buyer, "USER", checkout(listing, 1), key),
        422,
        "idempotency-key-reused");
    assertProblem(
        call("POST", "/api/v1/order/checkout", buyer, "USER", checkout(listing, 1), null),
        400,
        "idempotency-key-required");
    assertThat(wallet.available(buyer)).isEqualTo(Doge.parse("73"));
    assertThat(available(listing)).isEqualTo(1);
    assertThat(outboxCount("OrderCreated", orderId)).isEqualTo(1);

    // The seller sees it; the order goes through its lifecycle like any other.
    assertThat(
            get("/api/v1/order/orders/" + orderId, seller, "USER").json().get("buyerId").asString())
        .isEqualTo(buyer);
  }

  @Test
  void buying_more_than_there_is_or_without_funds_or_ones_own_moves_nothing() throws Exception {
    String seller = "s-" + UUID.randomUUID(), buyer = "b-" + UUID.randomUUID();
    String poor = "p-" + UUID.randomUUID();
    wallet.fund(buyer, 100);
    wallet.fund(poor, 10);
    wallet.fund(seller, 100);
    String listing = listings.fixedPrice(seller, "20", 2, "1");

    assertProblem(
        post("/api/v1/order/checkout", buyer, checkout(listing, 3)), 409, "not-enough-quantity");
    assertProblem(
        post("/api/v1/order/checkout", poor, checkout(listing, 1)), 409, "insufficient-funds");
    assertProblem(post("/api/v1/order/checkout", seller, checkout(listing, 1)), 403, null);
    assertProblem(post("/api/v1/order/checkout", buyer, checkout(listing, 0)), 400, "validation");
    assertProblem(
        post(
            "/api/v1/order/checkout",
            buyer,
            "{\"listingId\":\""
                + listing
                + "\",\"quantity\":1,\"shippingAddress\":{\"name\":\"A\"}}"),
        400,
        "validation");
    assertProblem(
        post("/api/v1/order/checkout", buyer, checkout(UUID.randomUUID().toString(), 1)),
        404,
        null);
    assertThat(available(listing)).isEqualTo(2);
    assertThat(wallet.available(buyer)).isEqualTo(Doge.parse("100"));
    assertThat(wallet.available(poor)).isEqualTo(Doge.parse("10"));
    assertThat(wallet.available(seller)).isEqualTo(Doge.parse("100"));
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM orders WHERE listing_id = ?", Integer.class, listing))
        .isZero();
  }

  @Test
  void many_buyers_of_the_last_units_never_oversell_and_the_refused_keep_their_money()
      throws Exception {
    String seller = "s-" + UUID.randomUUID();
    String listing = listings.fixedPrice(seller, "10", 3, "0");
    int buyers = 12;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < buyers; i++) {
      String b = "b" + i + "-" + UUID.randomUUID();
      wallet.fund(b, 50);
      ids.add(b);
    }
    ExecutorService pool = Executors.newFixedThreadPool(buyers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Response>> racing = new ArrayList<>();
    for (String b : ids) {
      racing.add(
          pool.submit(
              () -> {
                start.await();
                return post("/api/v1/order/checkout", b, checkout(listing, 1));
              }));
    }
    start.countDown();
    List<String> winners = new ArrayList<>();
    for (int i = 0; i < buyers; i++) {
      Response r = racing.get(i).get();
      if (r.status() == 201) {
        winners.add(ids.get(i));
      } else {
        assertThat(r.status()).as(r.json().toString()).isEqualTo(409);
        assertThat(r.json().get("type").asString()).matches(".*/(sold-out|not-enough-quantity)");
      }
    }
    pool.shutdown();
    assertThat(winners).hasSize(3);
    assertThat(available(listing)).isZero();
    assertThat(listings.listing(listing).get("status").asString()).isEqualTo("sold");
    for (String b : ids) {
      assertThat(wallet.available(b))
          .as(b)
          .isEqualTo(winners.contains(b) ? Doge.parse("40") : Doge.parse("50"));
    }
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM orders WHERE listing_id = ?", Integer.class, listing))
        .isEqualTo(3);
  }

  @Test
  void a_checkout_a_crash_left_half_done_is_undone_by_the_sweep_once() throws Exception {
    String seller = "s-" + UUID.randomUUID(), buyer = "b-" + UUID.randomUUID();
    wallet.fund(buyer, 100);
    String listing = listings.fixedPrice(seller, "10", 2, "1");
    // A checkout that took the unit and the money, then crashed before storing its order.
    String orderId = UUID.randomUUID().toString();
    assertThat(attempts.begin(orderId, buyer, "k-" + orderId, listing, 1, clock.instant()))
        .isTrue();
    ListingPurchases.Purchase taken = listingUnits.take(listing, orderId, buyer, 1, null, null);
    escrows.fund(orderId, buyer, seller, taken.total(), null);
    assertThat(available(listing)).isEqualTo(1);
    assertThat(wallet.available(buyer)).isEqualTo(Doge.parse("89"));

    checkouts.recoverStale(1_000);
    assertThat(available(listing)).as("still in flight").isEqualTo(1);

    clock.advance(CheckoutService.STALE_AFTER.plus(Duration.ofSeconds(1)));
    assertThat(checkouts.recoverStale(1_000)).isGreaterThanOrEqualTo(1);
    assertThat(available(listing)).isEqualTo(2);
    assertThat(wallet.available(buyer)).isEqualTo(Doge.parse("100"));
    assertThat(wallet.escrow(orderId).get("status").asString()).isEqualTo("REFUNDED");

    checkouts.recoverStale(1_000);
    assertThat(available(listing)).isEqualTo(2);
    assertThat(wallet.available(buyer)).isEqualTo(Doge.parse("100"));
  }
}
