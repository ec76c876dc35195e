package com.dbay.order.offers;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.order.OrderServiceIT;
import com.dbay.platform.events.EventEnvelope;
import com.dbay.platform.money.Doge;
import com.dbay.platform.starter.events.EventDispatcher;
import com.dbay.platform.starter.events.EventSubscriber;
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
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Best Offer over HTTP against the real listing-service, wallet and PostgreSQL: an open offer is a
 * wallet hold; accepting (the seller, or the buyer a counter) makes the order from the held funds
 * and takes the units through listing-service's row lock; every refusal moves nothing; offers
 * expire by the clock and give their hold back.
 */
class OffersIT extends OrderServiceIT {

  static final String ADDRESS =
      "{\"name\":\"Bob Buyer\",\"street\":\"1 Main St\",\"city\":\"Springfield\",\"postalCode\":\"12345\",\"country\":\"us\"}";

  @Autowired OfferService offers;
  @Autowired EventDispatcher dispatcher;

  @Autowired
  @Qualifier("orderListingOffers")
  EventSubscriber listingOffers;

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** listing-service's ListingEnded for the listing as it now is (status read from it). */
  EventEnvelope listingEnded(String listingId) {
    JsonNode now = listings.listing(listingId);
    return EventEnvelope.create(
        "dbay.listing",
        "ListingEnded",
        JSON.createObjectNode()
            .put("listingId", listingId)
            .put("format", "fixed")
            .put("status", now.get("status").asString())
            .put("quantity", now.get("quantityAvailable").asInt()));
  }

  String statusOf(String offerId, String user) throws Exception {
    return get("/api/v1/order/offers/" + offerId, user, "USER").json().get("status").asString();
  }

  @AfterEach
  void clockBack() {
    clock.reset();
  }

  static String offer(String listingId, String amount, int quantity) {
    return "{\"listingId\":\""
        + listingId
        + "\",\"amount\":\""
        + amount
        + "\",\"quantity\":"
        + quantity
        + ",\"message\":\"Would you take this?\",\"shippingAddress\":"
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

  Response make(String buyer, String listing, String amount, int quantity) throws Exception {
    return post("/api/v1/order/offers", buyer, offer(listing, amount, quantity));
  }

  Response act(String user, String offerId, String step) throws Exception {
    return post("/api/v1/order/offers/" + offerId + "/" + step, user, null);
  }

  Response counter(String user, String offerId, String amount) throws Exception {
    return post(
        "/api/v1/order/offers/" + offerId + "/counter", user, "{\"amount\":\"" + amount + "\"}");
  }

  Doge balance(String user, String field) {
    return Doge.parse(wallet.balance(user).get(field).asString());
  }

  int available(String listingId) {
    return listings.listing(listingId).get("quantityAvailable").asInt();
  }

  int offersOf(String buyer) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM offers WHERE buyer_id = ? AND status <> 'FAILED'",
        Integer.class,
        buyer);
  }

  static String id(Response r) {
    return r.json().get("offerId").asString();
  }

  @Test
  void offer_counter_and_accepted_counter_make_an_order_from_the_held_funds() throws Exception {
    String alice = "s-" + UUID.randomUUID(), bob = "b-" + UUID.randomUUID();
    wallet.fund(bob, 1000);
    String listing = listings.fixedPrice(alice, "100", 3, "5", true, null, null);

    String key = UUID.randomUUID().toString();
    Response made = call("POST", "/api/v1/order/offers", bob, "USER", offer(listing, "60", 2), key);
    assertThat(made.status()).as(made.json().toString()).isEqualTo(201);
    assertThat(made.json().get("status").asString()).isEqualTo("OPEN");
    assertThat(made.json().get("total").asString()).isEqualTo("125.00000000");
    assertThat(made.json().get("awaiting").asString()).isEqualTo("SELLER");
    String offerId = id(made);
    assertThat(wallet.held(bob, "offer-" + offerId)).isEqualTo(Doge.parse("125"));
    assertThat(balance(bob, "available")).isEqualTo(Doge.parse("875"));
    // A double click: the same offer, held once.
    Response again =
        call("POST", "/api/v1/order/offers", bob, "USER", offer(listing, "60", 2), key);
    assertThat(again.status()).isEqualTo(200);
    assertThat(id(again)).isEqualTo(offerId);
    assertThat(balance(bob, "available")).isEqualTo(Doge.parse("875"));
    assertThat(outboxCount("OfferMade", offerId)).isEqualTo(1);

    // A second, lower offer of bob on the same listing: voided by the seller's counter.
    Response second = make(bob, listing, "50", 1);
    assertThat(second.status()).isEqualTo(201);
    assertThat(balance(bob, "available")).isEqualTo(Doge.parse("820"));

    // Both parties see it in their lists; nobody else does.
    assertThat(get("/api/v1/order/offers?role=seller", alice, "USER").json().get("items").size())
        .isEqualTo(2);
    assertThat(get("/api/v1/order/offers?role=buyer", bob, "USER").json().get("items").size())
        .isEqualTo(2);

    Response countered = counter(alice, offerId, "80");
    assertThat(countered.status()).as(countered.json().toString()).isEqualTo(200);
    assertThat(countered.json().get("status").asString()).isEqualTo("COUNTERED");
    assertThat(countered.json().get("counterAmount").asString()).isEqualTo("80.00000000");
    assertThat(countered.json().get("awaiting").asString()).isEqualTo("BUYER");
    JsonNode voided = get("/api/v1/order/offers/" + id(second), bob, "USER").json();
    assertThat(voided.get("status").asString()).isEqualTo("VOID");
    assertThat(wallet.held(bob, "offer-" + id(second))).isEqualTo(Doge.ZERO);
    assertThat(balance(bob, "available")).isEqualTo(Doge.parse("875"));
    assertThat(outboxCount("OfferCountered", offerId)).isEqualTo(1);

    // The seller cannot accept their own counter; the buyer does.
    assertProblem(act(alice, offerId, "accept"), 403, "not-the-buyer");
    String acceptKey = UUID.randomUUID().toString();
    Response accepted =
        call("POST", "/api/v1/order/offers/" + offerId + "/accept", bob, "USER", null, acceptKey);
    assertThat(accepted.status()).as(accepted.json().toString()).isEqualTo(200);
    assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");
    String orderId = accepted.json().get("orderId").asString();

    // bob's money moved exactly: counter x 2 + shipping from available into the order's escrow.
    assertThat(balance(bob, "available")).isEqualTo(Doge.parse("835"));
    assertThat(balance(bob, "held")).isEqualTo(Doge.ZERO);
    assertThat(balance(bob, "escrow")).isEqualTo(Doge.parse("165"));
    assertThat(wallet.escrow(orderId).get("amount").asString()).isEqualTo("165.00000000");
    assertThat(available(listing)).isEqualTo(1);
    JsonNode order = get("/api/v1/order/orders/" + orderId, alice, "USER").json();
    assertThat(order.get("source").asString()).isEqualTo("offer");
    assertThat(order.get("price").asString()).isEqualTo("160.00000000");
    assertThat(order.get("total").asString()).isEqualTo("165.00000000");
    assertThat(order.get("quantity").asInt()).isEqualTo(2);
    assertThat(get("/api/v1/order/orders/" + orderId, bob, "USER").status()).isEqualTo(200);
    assertThat(outboxCount("OfferAccepted", offerId)).isEqualTo(1);
    assertThat(outboxCount("OrderCreated", orderId)).isEqualTo(1);

    // Accepting twice: the same key answers the same, a new key is refused; nothing moves again.
    Response replay =
        call("POST", "/api/v1/order/offers/" + offerId + "/accept", bob, "USER", null, acceptKey);
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.json().get("orderId").asString()).isEqualTo(orderId);
    assertProblem(act(bob, offerId, "accept"), 409, "offer-not-open");
    assertThat(balance(bob, "available")).isEqualTo(Doge.parse("835"));
    assertThat(available(listing)).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM orders WHERE listing_id = ?", Integer.class, listing))
        .isEqualTo(1);
  }

  @Test
  void an_offer_above_the_price_or_below_auto_decline_is_refused_and_holds_nothing()
      throws Exception {
    String alice = "s-" + UUID.randomUUID(), bob = "b-" + UUID.randomUUID();
    wallet.fund(bob, 500);
    String listing = listings.fixedPrice(alice, "100", 2, "5", true, "90", "40");
    String plain = listings.fixedPrice(alice, "100", 2, "5");

    assertProblem(make(bob, listing, "100.5", 1), 400, "validation");
    assertProblem(make(bob, listing, "39.99999999", 1), 422, "offer-too-low");
    assertProblem(make(bob, listing, "-5", 1), 400, "validation");
    assertProblem(make(bob, listing, "50", 3), 409, "not-enough-quantity");
    assertProblem(make(bob, plain, "50", 1), 409, "offers-not-accepted");
    assertProblem(make(alice, listing, "50", 1), 403, "own-listing");
    assertProblem(
        call("POST", "/api/v1/order/offers", bob, "USER", offer(listing, "50", 1), null),
        400,
        "idempotency-key-required");
    assertProblem(
        post("/api/v1/order/offers", bob, "{\"listingId\":\"" + listing + "\",\"amount\":50}"),
        400,
        null);

    assertThat(balance(bob, "available")).isEqualTo(Doge.parse("500"));
    assertThat(balance(bob, "held")).isEqualTo(Doge.ZERO);
    assertThat(offersOf(bob)).isZero();
  }

  @Test
  void an_offer_at_the_auto_accept_price_is_accepted_at_once() throws Exception {
    String alice = "s-" + UUID.randomUUID(), bob = "b-" + UUID.randomUUID();
    wallet.fund(bob, 500);
    String listing = listings.fixedPrice(alice, "100", 2, "5", true, "90", "40");

    Response made = make(bob, listing, "90", 1);

    assertThat(made.status()).as(made.json().toString()).isEqualTo(201);
    assertThat(made.json().get("status").asString()).isEqualTo("ACCEPTED");
    String orderId = made.json().get("orderId").asString();
    assertThat(wallet.escrow(orderId).get("amount").asString()).isEqualTo("95.00000000");
    assertThat(balance(bob, "available")).isEqualTo(Doge.parse("405"));
    assertThat(balance(bob, "held")).isEqualTo(Doge.ZERO);
    assertThat(available(listing)).isEqualTo(1);
  }

  @Test
  void a_counter_above_the_price_and_other_peoples_offers_are_refused_moving_nothing()
      throws Exception {
    String alice = "s-" + UUID.randomUUID(), bob = "b-" + UUID.randomUUID();
    String carol = "c-" + UUID.randomUUID();
    wallet.fund(bob, 500);
    wallet.fund(carol, 500);
    String listing = listings.fixedPrice(alice, "100", 2, "5", true, null, null);
    String offerId = id(make(bob, listing, "60", 1));

    assertProblem(counter(alice, offerId, "100.00000001"), 400, "validation");
    assertProblem(counter(alice, offerId, "55"), 400, "validation");
    assertProblem(counter(alice, offerId, "12.5e1"), 400, "validation");
    assertProblem(counter(bob, offerId, "80"), 403, "not-the-seller");
    assertProblem(act(bob, offerId, "accept"), 403, "not-the-seller");
    assertProblem(act(bob, offerId, "decline"), 403, "not-the-seller");
    assertProblem(act(alice, offerId, "withdraw"), 403, "not-the-buyer");
    // A stranger learns nothing.
    assertProblem(get("/api/v1/order/offers/" + offerId, carol, "USER"), 404, "not-found");
    assertProblem(act(carol, offerId, "accept"), 404, "not-found");
    assertProblem(counter(carol, offerId, "80"), 404, "not-found");
    assertThat(get("/api/v1/order/offers?role=seller", carol, "USER").json().get("items").size())
        .isZero();
    assertThat(anonymous("/api/v1/order/offers/" + offerId)).isEqualTo(401);

    JsonNode still = get("/api/v1/order/offers/" + offerId, bob, "USER").json();
    assertThat(still.get("status").asString()).isEqualTo("OPEN");
    assertThat(wallet.held(bob, "offer-" + offerId)).isEqualTo(Doge.parse("65"));
    assertThat(balance(bob, "available")).isEqualTo(Doge.parse("435"));
    assertThat(balance(carol, "available")).isEqualTo(Doge.parse("500"));
    assertThat(available(listing)).isEqualTo(2);

    // The seller declines: the hold comes back.
    Response declined = act(alice, offerId, "decline");
    assertThat(declined.json().get("status").asString()).isEqualTo("DECLINED");
    assertThat(balance(bob, "available")).isEqualTo(Doge.parse("500"));
    assertThat(outboxCount("OfferDeclined", offerId)).isEqualTo(1);
  }

  @Test
  void accepting_a_counter_without_the_funds_for_it_is_refused_clearly_and_changes_nothing()
      throws Exception {
    String alice = "s-" + UUID.randomUUID(), bob = "b-" + UUID.randomUUID();
    wallet.fund(bob, 70);
    String listing = listings.fixedPrice(alice, "100", 1, "5", true, null, null);
    String offerId = id(make(bob, listing, "60", 1));
    assertThat(counter(alice, offerId, "90").status()).isEqualTo(200);

    assertProblem(act(bob, offerId, "accept"), 409, "insufficient-funds");

    assertThat(get("/api/v1/order/offers/" + offerId, bob, "USER").json().get("status").asString())
        .isEqualTo("COUNTERED");
    assertThat(wallet.held(bob, "offer-" + offerId)).isEqualTo(Doge.parse("65"));
    assertThat(balance(bob, "available")).isEqualTo(Doge.parse("5"));
    assertThat(available(listing)).isEqualTo(1);

    // Declining the counter gives everything back.
    assertThat(act(bob, offerId, "decline").json().get("status").asString()).isEqualTo("DECLINED");
    assertThat(balance(bob, "available")).isEqualTo(Doge.parse("70"));
  }

  @Test
  void offers_and_counters_expire_after_48_hours_and_their_holds_are_released() throws Exception {
    String alice = "s-" + UUID.randomUUID(), bob = "b-" + UUID.randomUUID();
    wallet.fund(bob, 300);
    String listing = listings.fixedPrice(alice, "100", 3, "5", true, null, null);
    String open = id(make(bob, listing, "60", 1));
    String countered = id(make(bob, listing, "70", 1));
    clock.advance(Duration.ofHours(24));
    // The counter voids the other open offer and starts its own 48 hours.
    assertThat(counter(alice, countered, "90").status()).isEqualTo(200);
    assertThat(get("/api/v1/order/offers/" + open, bob, "USER").json().get("status").asString())
        .isEqualTo("VOID");
    // The counter's hold stays at the offer's 75 until bob accepts it (then it is resized).
    assertThat(balance(bob, "available")).isEqualTo(Doge.parse("225"));
    assertThat(wallet.held(bob, "offer-" + countered)).isEqualTo(Doge.parse("75"));

    clock.advance(Duration.ofHours(47));
    offers.sweep(100);
    assertThat(
            get("/api/v1/order/offers/" + countered, bob, "USER").json().get("status").asString())
        .isEqualTo("COUNTERED");

    clock.advance(Duration.ofHours(1));
    assertProblem(act(bob, countered, "accept"), 409, "offer-expired");
    offers.sweep(100);

    JsonNode expired = get("/api/v1/order/offers/" + countered, bob, "USER").json();
    assertThat(expired.get("status").asString()).isEqualTo("EXPIRED");
    assertThat(wallet.held(bob, "offer-" + countered)).isEqualTo(Doge.ZERO);
    assertThat(balance(bob, "available")).isEqualTo(Doge.parse("300"));
    assertThat(balance(bob, "held")).isEqualTo(Doge.ZERO);
    assertThat(outboxCount("OfferExpired", countered)).isEqualTo(1);
    // Sweeping again changes nothing.
    offers.sweep(100);
    assertThat(outboxCount("OfferExpired", countered)).isEqualTo(1);
    assertThat(available(listing)).isEqualTo(3);
  }

  @Test
  void at_most_three_offers_per_buyer_and_listing() throws Exception {
    String alice = "s-" + UUID.randomUUID(), bob = "b-" + UUID.randomUUID();
    wallet.fund(bob, 500);
    String listing = listings.fixedPrice(alice, "100", 1, "5", true, null, null);
    for (int i = 0; i < 3; i++) {
      String id = id(make(bob, listing, "50", 1));
      assertThat(act(bob, id, "withdraw").json().get("status").asString()).isEqualTo("WITHDRAWN");
    }

    assertProblem(make(bob, listing, "50", 1), 422, "offer-limit-reached");

    assertThat(balance(bob, "available")).isEqualTo(Doge.parse("500"));
    assertThat(offersOf(bob)).isEqualTo(3);
  }

  @Test
  void concurrent_acceptances_of_the_last_unit_never_oversell_and_the_loser_gets_its_hold_back()
      throws Exception {
    String alice = "s-" + UUID.randomUUID();
    int buyers = 4;
    String listing = listings.fixedPrice(alice, "100", 1, "5", true, null, null);
    List<String> ids = new ArrayList<>();
    List<String> people = new ArrayList<>();
    for (int i = 0; i < buyers; i++) {
      String b = "b" + i + "-" + UUID.randomUUID();
      wallet.fund(b, 200);
      people.add(b);
      ids.add(id(make(b, listing, "80", 1)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(buyers);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Response>> answers = new ArrayList<>();
    for (String id : ids) {
      answers.add(
          pool.submit(
              () -> {
                go.await();
                return act(alice, id, "accept");
              }));
    }
    go.countDown();
    int won = 0;
    for (Future<Response> f : answers) {
      Response r = f.get();
      if (r.status() == 200) {
        won++;
      } else {
        // sold-out: its acceptance reached listing-service after the last unit went;
        // offer-not-open: the listing's ListingEnded had already voided it (order.listing-offers).
        assertProblem(r, 409, null);
        assertThat(r.json().get("type").asString()).matches(".*/(sold-out|offer-not-open)");
      }
    }
    pool.shutdown();

    assertThat(won).isEqualTo(1);
    assertThat(available(listing)).isZero();
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM orders WHERE listing_id = ?", Integer.class, listing))
        .isEqualTo(1);
    Doge escrowed = Doge.ZERO;
    for (int i = 0; i < buyers; i++) {
      String status =
          get("/api/v1/order/offers/" + ids.get(i), people.get(i), "USER")
              .json()
              .get("status")
              .asString();
      assertThat(status).isIn("ACCEPTED", "VOID");
      assertThat(balance(people.get(i), "held")).isEqualTo(Doge.ZERO);
      Doge available = balance(people.get(i), "available");
      assertThat(available).isEqualTo(Doge.parse(status.equals("ACCEPTED") ? "115" : "200"));
      escrowed = escrowed.plus(balance(people.get(i), "escrow"));
    }
    assertThat(escrowed).isEqualTo(Doge.parse("85"));
  }

  @Test
  void a_listing_that_ends_voids_every_open_offer_and_counter_at_once_releasing_each_hold_once()
      throws Exception {
    String alice = "s-" + UUID.randomUUID(),
        bob = "b-" + UUID.randomUUID(),
        carol = "c-" + UUID.randomUUID();
    wallet.fund(bob, 300);
    wallet.fund(carol, 300);
    String listing = listings.fixedPrice(alice, "100", 2, "5", true, null, null);
    String bobs = id(make(bob, listing, "60", 1));
    String carols = id(make(carol, listing, "70", 1));
    assertThat(counter(alice, carols, "90").status()).isEqualTo(200);
    assertThat(balance(bob, "available")).isEqualTo(Doge.parse("235"));
    assertThat(balance(carol, "available")).isEqualTo(Doge.parse("225"));

    listings.end(alice, listing);
    EventEnvelope ended = listingEnded(listing);
    assertThat(ended.detail().get("status").asString()).isEqualTo("ended");
    assertThat(dispatcher.deliver(listingOffers, ended)).isEqualTo(EventDispatcher.Outcome.HANDLED);

    for (String[] o : new String[][] {{bobs, bob}, {carols, carol}}) {
      JsonNode view = get("/api/v1/order/offers/" + o[0], o[1], "USER").json();
      assertThat(view.get("status").asString()).isEqualTo("VOID");
      assertThat(view.get("endReason").asString()).isEqualTo("listing-not-active");
      assertThat(wallet.held(o[1], "offer-" + o[0])).isEqualTo(Doge.ZERO);
      assertThat(balance(o[1], "available")).isEqualTo(Doge.parse("300"));
      assertThat(balance(o[1], "held")).isEqualTo(Doge.ZERO);
      assertThat(outboxCount("OfferVoided", o[0])).isEqualTo(1);
      assertThat(
              jdbc.queryForObject("SELECT hold_open FROM offers WHERE id = ?", Boolean.class, o[0]))
          .isFalse();
    }

    // The same event again is skipped; another copy (a new id), or the sweep, moves nothing twice.
    assertThat(dispatcher.deliver(listingOffers, ended))
        .isEqualTo(EventDispatcher.Outcome.DUPLICATE);
    assertThat(dispatcher.deliver(listingOffers, listingEnded(listing)))
        .isEqualTo(EventDispatcher.Outcome.HANDLED);
    clock.advance(Duration.ofHours(49));
    offers.sweep(100);
    for (String[] o : new String[][] {{bobs, bob}, {carols, carol}}) {
      assertThat(statusOf(o[0], o[1])).isEqualTo("VOID");
      assertThat(balance(o[1], "available")).isEqualTo(Doge.parse("300"));
      assertThat(outboxCount("OfferVoided", o[0])).isEqualTo(1);
      assertThat(outboxCount("OfferExpired", o[0])).isZero();
    }
  }

  @Test
  void the_last_unit_taken_by_an_accepted_offer_voids_the_other_buyers_offers() throws Exception {
    String alice = "s-" + UUID.randomUUID(),
        bob = "b-" + UUID.randomUUID(),
        carol = "c-" + UUID.randomUUID();
    wallet.fund(bob, 200);
    wallet.fund(carol, 200);
    String listing = listings.fixedPrice(alice, "100", 1, "5", true, null, null);
    String bobs = id(make(bob, listing, "80", 1));
    String carols = id(make(carol, listing, "70", 1));
    assertThat(act(alice, bobs, "accept").status()).isEqualTo(200);

    EventEnvelope soldOut = listingEnded(listing);
    assertThat(soldOut.detail().get("status").asString()).isEqualTo("sold");
    dispatcher.deliver(listingOffers, soldOut);

    JsonNode carolsView = get("/api/v1/order/offers/" + carols, carol, "USER").json();
    assertThat(carolsView.get("status").asString()).isEqualTo("VOID");
    assertThat(carolsView.get("endReason").asString()).isEqualTo("sold-out");
    assertThat(balance(carol, "available")).isEqualTo(Doge.parse("200"));
    assertThat(balance(carol, "held")).isEqualTo(Doge.ZERO);
    assertThat(outboxCount("OfferVoided", carols)).isEqualTo(1);
    // The accepted offer and its escrow are untouched.
    assertThat(statusOf(bobs, bob)).isEqualTo("ACCEPTED");
    assertThat(balance(bob, "escrow")).isEqualTo(Doge.parse("85"));
    assertThat(balance(bob, "available")).isEqualTo(Doge.parse("115"));
  }
}
