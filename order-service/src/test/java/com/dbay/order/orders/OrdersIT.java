package com.dbay.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.order.OrderServiceIT;
import com.dbay.platform.test.TestCallers;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Orders over HTTP against the real PostgreSQL: auction-settlement creates the order of a win once
 * however often it asks, and an order is visible to its buyer, its seller and an admin only.
 */
class OrdersIT extends OrderServiceIT {

  static final String CREATE = "/api/v1/order/internal/orders";

  @Test
  void settlement_asking_again_and_again_gets_the_same_single_order() throws Exception {
    String listing = "L-" + UUID.randomUUID();
    String seller = "s-" + UUID.randomUUID(), buyer = "b-" + UUID.randomUUID();
    String body = order(listing, buyer, seller, "150.00000000");

    ExecutorService pool = Executors.newFixedThreadPool(5);
    List<Future<Response>> racing = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      racing.add(pool.submit(() -> internal("auction-settlement", body)));
    }
    List<String> ids = new ArrayList<>();
    int created = 0;
    for (Future<Response> f : racing) {
      Response r = f.get();
      assertThat(r.status()).as(r.json().toString()).isIn(200, 201);
      created += r.status() == 201 ? 1 : 0;
      ids.add(r.json().get("orderId").asString());
    }
    pool.shutdown();
    assertThat(created).isEqualTo(1);
    assertThat(ids).containsOnly(ids.getFirst());
    Response again = internal("auction-settlement", body);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("orderId").asString()).isEqualTo(ids.getFirst());
    assertThat(again.json().get("status").asString()).isEqualTo("PAID_IN_ESCROW");
    assertThat(again.json().get("price").asString()).isEqualTo("150.00000000");
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM orders WHERE listing_id = ?", Integer.class, listing))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM platform_outbox WHERE detail_type = 'OrderCreated' AND detail LIKE ?",
                Integer.class,
                "%" + listing + "%"))
        .isEqualTo(1);

    Response otherTerms = internal("auction-settlement", order(listing, buyer, seller, "151"));
    assertThat(otherTerms.status()).isEqualTo(409);
    assertThat(otherTerms.contentType()).startsWith("application/problem+json");
  }

  @Test
  void only_its_buyer_its_seller_and_an_admin_see_an_order() throws Exception {
    String seller = "s-" + UUID.randomUUID(), buyer = "b-" + UUID.randomUUID();
    String id =
        internal("auction-settlement", order("L-" + UUID.randomUUID(), buyer, seller, "12.5"))
            .json()
            .get("orderId")
            .asString();
    String path = "/api/v1/order/orders/" + id;

    assertThat(get(path, buyer, "USER").status()).isEqualTo(200);
    assertThat(get(path, seller, "USER").json().get("buyerId").asString()).isEqualTo(buyer);
    assertThat(get(path, "someone-else", "ADMIN").status()).isEqualTo(200);
    Response stranger = get(path, "someone-else", "USER");
    assertThat(stranger.status()).isEqualTo(404);
    assertThat(stranger.contentType()).startsWith("application/problem+json");
    assertThat(get("/api/v1/order/orders/no-such-order", buyer, "USER").status()).isEqualTo(404);

    Response bought = get("/api/v1/order/orders?role=buyer", buyer, "USER");
    assertThat(bought.json().get("items").size()).isEqualTo(1);
    assertThat(bought.json().get("items").get(0).get("orderId").asString()).isEqualTo(id);
    assertThat(get("/api/v1/order/orders?role=seller", buyer, "USER").json().get("items").size())
        .isZero();
    assertThat(
            get("/api/v1/order/orders?role=seller", seller, "USER")
                .json()
                .get("items")
                .get(0)
                .get("price")
                .asString())
        .isEqualTo("12.50000000");
    assertThat(get("/api/v1/order/orders?role=admin", buyer, "USER").status()).isEqualTo(400);
    assertThat(anonymous("/api/v1/order/orders?role=buyer")).isEqualTo(401);
  }

  @Test
  void bad_requests_and_other_callers_change_nothing() throws Exception {
    String listing = "L-" + UUID.randomUUID();
    assertThat(internal("auction-settlement", order(listing, "b1", "b1", "10")).status())
        .isEqualTo(400);
    assertThat(internal("auction-settlement", order(listing, "b1", "s1", "-1")).status())
        .isEqualTo(400);
    assertThat(internal("auction-settlement", order(listing, "b1", "s1", "0")).status())
        .isEqualTo(400);
    assertThat(
            internal(
                    "auction-settlement",
                    "{\"listingId\":\""
                        + listing
                        + "\",\"buyerId\":\"b1\",\"sellerId\":\"s1\",\"price\":\"10\",\"source\":\"shop\"}")
                .status())
        .isEqualTo(400);
    assertThat(internal(TestCallers.STRANGER, order(listing, "b1", "s1", "10")).status())
        .isIn(401, 403);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM orders WHERE listing_id = ?", Integer.class, listing))
        .isZero();
  }

  static String order(String listing, String buyer, String seller, String price) {
    return "{\"listingId\":\""
        + listing
        + "\",\"buyerId\":\""
        + buyer
        + "\",\"sellerId\":\""
        + seller
        + "\",\"price\":\""
        + price
        + "\",\"source\":\"auction\"}";
  }

  Response internal(String caller, String body) throws Exception {
    return internal(caller, "POST", CREATE, body);
  }
}
