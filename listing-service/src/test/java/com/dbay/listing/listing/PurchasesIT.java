package com.dbay.listing.listing;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.listing.support.ListingServiceIT;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.test.TestCallers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * order-service takes units of fixed-price listings (checkout, accepted offers) through the
 * internal purchases endpoint: once per order, never more than there are (concurrent buyers of the
 * last units), refused for the seller's own listing or an auction, and given back once.
 */
class PurchasesIT extends ListingServiceIT {

  final Identity alice = user("alice");

  String fixed(int quantity) {
    Map<String, Object> form =
        with(
            with(
                with(
                    with(with(phoneAuction(), "format", "fixed"), "startPrice", null),
                    "reservePrice",
                    null),
                "buyItNowPrice",
                null),
            "price",
            "350");
    return createPublished(with(with(form, "quantity", quantity), "durationDays", 30), alice);
  }

  Answer purchase(String listing, String orderId, String buyer, int quantity, String caller) {
    String path = "/api/v1/listing/internal/listings/" + listing + "/purchases";
    String body =
        "{\"orderId\":\""
            + orderId
            + "\",\"buyerId\":\""
            + buyer
            + "\",\"quantity\":"
            + quantity
            + "}";
    return send("POST", path, body, null, signedAs(caller, "POST", path, body));
  }

  Answer giveBack(String listing, String orderId) {
    String path = "/api/v1/listing/internal/listings/" + listing + "/purchases/" + orderId;
    return send("DELETE", path, null, null, signedAs("order-service", "DELETE", path, null));
  }

  int available(String listing) {
    return get("/api/v1/listing/listings/" + listing, alice)
        .json()
        .path("quantityAvailable")
        .asInt();
  }

  @Test
  void
      an_order_takes_its_units_once_at_the_price_with_the_cheapest_shipping_and_gives_them_back_once() {
    String listing = fixed(3);
    String order = UUID.randomUUID().toString();
    Answer taken = purchase(listing, order, "bob", 2, "order-service");
    assertThat(taken.status()).as(taken.body()).isEqualTo(201);
    assertThat(taken.json().path("sellerId").asString()).isEqualTo(alice.userId());
    assertThat(taken.json().path("unitPrice").asString()).isEqualTo("350.00000000");
    assertThat(taken.json().path("shippingService").asString()).isEqualTo("Standard");
    assertThat(taken.json().path("total").asString()).isEqualTo("705.50000000");
    assertThat(available(listing)).isEqualTo(1);

    Answer again = purchase(listing, order, "bob", 2, "order-service");
    assertThat(again.status()).isEqualTo(200);
    assertThat(available(listing)).isEqualTo(1);
    assertThat(purchase(listing, order, "bob", 1, "order-service").status()).isEqualTo(409);

    assertThat(giveBack(listing, order).json().path("released").asBoolean()).isTrue();
    assertThat(available(listing)).isEqualTo(3);
    assertThat(giveBack(listing, order).json().path("released").asBoolean()).isFalse();
    assertThat(available(listing)).isEqualTo(3);
  }

  @Test
  void refusals_take_nothing() {
    String listing = fixed(2);
    Answer tooMany = purchase(listing, UUID.randomUUID().toString(), "bob", 3, "order-service");
    assertThat(tooMany.status()).isEqualTo(409);
    assertThat(tooMany.contentType()).startsWith("application/problem+json");
    assertThat(tooMany.json().path("type").asString()).endsWith("/not-enough-quantity");
    assertThat(
            purchase(listing, UUID.randomUUID().toString(), alice.userId(), 1, "order-service")
                .status())
        .isEqualTo(403);
    assertThat(
            purchase(listing, UUID.randomUUID().toString(), "bob", 1, TestCallers.STRANGER)
                .status())
        .isIn(401, 403);
    assertThat(purchase(listing, UUID.randomUUID().toString(), "bob", 1, "search-service").status())
        .isIn(401, 403);
    String auction = createPublished(phoneAuction(), alice);
    assertThat(purchase(auction, UUID.randomUUID().toString(), "bob", 1, "order-service").status())
        .isEqualTo(409);
    assertThat(available(listing)).isEqualTo(2);
    assertThat(count("select count(*) from listing_purchase where listing_id = ?::uuid", listing))
        .isZero();
  }

  @Test
  void concurrent_buyers_of_the_last_units_never_oversell_and_the_last_one_sells_it_out()
      throws Exception {
    String listing = fixed(3);
    int buyers = 10;
    ExecutorService pool = Executors.newFixedThreadPool(buyers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Answer>> racing = new ArrayList<>();
    for (int i = 0; i < buyers; i++) {
      String buyer = "buyer-" + i;
      racing.add(
          pool.submit(
              () -> {
                start.await();
                return purchase(listing, UUID.randomUUID().toString(), buyer, 1, "order-service");
              }));
    }
    start.countDown();
    int taken = 0;
    for (Future<Answer> f : racing) {
      Answer a = f.get();
      if (a.status() == 201) {
        taken++;
      } else {
        assertThat(a.status()).as(a.body()).isEqualTo(409);
      }
    }
    pool.shutdown();
    assertThat(taken).isEqualTo(3);
    assertThat(available(listing)).isZero();
    assertThat(get("/api/v1/listing/listings/" + listing, alice).json().path("status").asString())
        .isEqualTo("sold");
  }
}
