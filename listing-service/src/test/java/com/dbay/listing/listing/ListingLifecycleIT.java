package com.dbay.listing.listing;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.listing.support.ListingServiceIT;
import com.dbay.platform.events.EventEnvelope;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.starter.events.EventBus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ListingLifecycleIT extends ListingServiceIT {

  @Autowired EventBus bus;
  @Autowired ListingService listings;

  final Identity alice = user("alice");
  final Identity bob = user("bob");

  @Test
  void a_draft_is_seen_by_its_seller_alone_with_the_reserve_and_by_nobody_else() {
    Answer created = post("/api/v1/listing/listings", phoneAuction(), alice);

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode draft = created.json();
    assertThat(draft.path("status").asString()).isEqualTo("draft");
    assertThat(draft.path("reservePrice").asString()).isEqualTo("250.50000000");
    assertThat(draft.path("itemSpecifics").path("Storage Capacity").asString()).isEqualTo("256 GB");
    assertThat(draft.path("categoryPath").findValuesAsString("name"))
        .containsExactly("Electronics", "Cell Phones & Accessories", "Cell Phones & Smartphones");
    String id = draft.path("id").asString();
    assertThat(created.headers().get("location")).containsExactly("/api/v1/listing/listings/" + id);

    assertThat(get("/api/v1/listing/listings/" + id, bob).status()).isEqualTo(404);
    assertThat(get("/api/v1/listing/listings/" + id, null).status()).isEqualTo(404);
    assertThat(events(id)).as("a draft raises no event").isEmpty();
  }

  @Test
  void publishing_makes_it_live_for_everyone_without_the_reserve_and_sends_the_full_snapshot() {
    String id = createDraft(phoneAuction(), alice);

    Answer published = post("/api/v1/listing/listings/" + id + "/publish", null, alice);

    assertThat(published.status()).as(published.body()).isEqualTo(200);
    JsonNode live = published.json();
    assertThat(live.path("status").asString()).isEqualTo("active");
    Instant startsAt = Instant.parse(live.path("startsAt").asString());
    assertThat(Duration.between(startsAt, Instant.parse(live.path("endsAt").asString())))
        .isEqualTo(Duration.ofDays(7));

    Answer seen = get("/api/v1/listing/listings/" + id, bob);
    assertThat(seen.status()).isEqualTo(200);
    assertThat(seen.json().has("reservePrice")).isFalse();
    assertThat(seen.body()).doesNotContain("250.5");
    assertThat(seen.json().path("buyItNowPrice").asString()).isEqualTo("400.00000000");

    List<Map.Entry<String, JsonNode>> events = events(id);
    assertThat(events).extracting(Map.Entry::getKey).containsExactly("ListingPublished");
    JsonNode s = events.getFirst().getValue();
    assertThat(s.path("listingId").asString()).isEqualTo(id);
    assertThat(s.path("sellerId").asString()).isEqualTo(alice.userId());
    assertThat(s.path("sellerName").asString()).isEqualTo(alice.username());
    assertThat(s.path("categoryPath").toString()).isEqualTo("[1,2,3]");
    assertThat(s.path("format").asString()).isEqualTo("auction");
    assertThat(s.path("status").asString()).isEqualTo("active");
    assertThat(s.path("condition").asString()).isEqualTo("used");
    assertThat(s.path("price").asString()).isEqualTo("100.00000000");
    assertThat(s.path("startPrice").asString()).isEqualTo("100.00000000");
    assertThat(s.path("buyItNowPrice").asString()).isEqualTo("400.00000000");
    assertThat(s.path("shippingCost").asString()).isEqualTo("5.50000000");
    assertThat(s.path("shipsTo").toString()).isEqualTo("[\"europe\",\"US\"]");
    assertThat(s.path("itemSpecifics").path("Brand").asString()).isEqualTo("Apple");
    assertThat(s.path("startsAt").asString()).isNotBlank();
    assertThat(s.path("createdAt").asString()).isNotBlank();
    assertThat(s.path("version").asLong()).isPositive();
    assertThat(s.toString()).doesNotContain("reserve").doesNotContain("250.5");
  }

  @Test
  void every_change_raises_listing_changed_with_a_higher_version() {
    String id = createPublished(phoneAuction(), alice);

    Answer edited =
        put(
            "/api/v1/listing/listings/" + id,
            with(phoneAuction(), "title", "iPhone 15 Pro 256 GB, mint"),
            alice);

    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    List<Map.Entry<String, JsonNode>> events = events(id);
    assertThat(events)
        .extracting(Map.Entry::getKey)
        .containsExactly("ListingPublished", "ListingChanged");
    assertThat(events.get(1).getValue().path("title").asString())
        .isEqualTo("iPhone 15 Pro 256 GB, mint");
    assertThat(events.get(1).getValue().path("version").asLong())
        .isGreaterThan(events.get(0).getValue().path("version").asLong());
  }

  @Test
  void another_user_can_neither_edit_nor_publish_nor_end_a_listing_and_nothing_changes() {
    String draft = createDraft(phoneAuction(), alice);
    String live = createPublished(phoneAuction(), alice);
    String before =
        get("/api/v1/listing/listings/" + live, alice).json().path("version").asString();

    assertThat(put("/api/v1/listing/listings/" + draft, phoneAuction(), bob).status())
        .isEqualTo(404);
    assertThat(post("/api/v1/listing/listings/" + draft + "/publish", null, bob).status())
        .isEqualTo(404);
    Answer edit =
        put("/api/v1/listing/listings/" + live, with(phoneAuction(), "title", "mine now"), bob);
    assertThat(edit.status()).isEqualTo(403);
    assertThat(edit.contentType()).startsWith("application/problem+json");
    assertThat(post("/api/v1/listing/listings/" + live + "/publish", null, bob).status())
        .isEqualTo(403);
    assertThat(post("/api/v1/listing/listings/" + live + "/end", null, bob).status())
        .isEqualTo(403);
    assertThat(post("/api/v1/listing/listings/" + live + "/end", null, null).status())
        .isEqualTo(401);

    JsonNode after = get("/api/v1/listing/listings/" + live, alice).json();
    assertThat(after.path("status").asString()).isEqualTo("active");
    assertThat(after.path("title").asString()).isEqualTo(phoneAuction().get("title"));
    assertThat(after.path("version").asString()).isEqualTo(before);
    assertThat(get("/api/v1/listing/listings/" + draft, alice).json().path("status").asString())
        .isEqualTo("draft");
  }

  @Test
  void identity_headers_without_the_gateway_proof_are_ignored() {
    Answer forged =
        send(
            "POST",
            "/api/v1/listing/listings",
            phoneAuction(),
            null,
            Map.of("X-User-ID", alice.userId()));

    assertThat(forged.status()).isEqualTo(401);
  }

  @Test
  void the_seller_ends_a_listing_early_while_nobody_has_bid_and_cannot_once_someone_has()
      throws Exception {
    String quiet = createPublished(phoneAuction(), alice);
    Answer ended = post("/api/v1/listing/listings/" + quiet + "/end", null, alice);
    assertThat(ended.status()).as(ended.body()).isEqualTo(200);
    assertThat(ended.json().path("status").asString()).isEqualTo("ended");
    assertThat(events(quiet))
        .extracting(Map.Entry::getKey)
        .containsExactly("ListingPublished", "ListingEnded");
    assertThat(post("/api/v1/listing/listings/" + quiet + "/end", null, alice).status())
        .isEqualTo(409);

    String bidOn = createPublished(phoneAuction(), alice);
    Instant endsAt =
        Instant.parse(
            get("/api/v1/listing/listings/" + bidOn, alice).json().path("endsAt").asString());
    bus.publish(
        EventEnvelope.create(
            "dbay.auction",
            "BidPlaced",
            JSON.valueToTree(
                Map.of(
                    "listingId",
                    bidOn,
                    "bidCount",
                    1,
                    "currentPrice",
                    "100.00000000",
                    "endsAt",
                    endsAt.toString()))));
    JsonNode seen = waitFor(bidOn, n -> n.path("bidCount").asInt() == 1);
    assertThat(seen.path("hasBids").asBoolean()).isTrue();

    Answer refused = post("/api/v1/listing/listings/" + bidOn + "/end", null, alice);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().path("type").asString()).endsWith("/listing-has-bids");
    assertThat(
            put(
                    "/api/v1/listing/listings/" + bidOn,
                    with(phoneAuction(), "title", "changed after bids"),
                    alice)
                .status())
        .isEqualTo(409);
    assertThat(get("/api/v1/listing/listings/" + bidOn, alice).json().path("status").asString())
        .isEqualTo("active");

    bus.publish(
        EventEnvelope.create(
            "dbay.auction",
            "AuctionSold",
            JSON.valueToTree(
                Map.of(
                    "listingId",
                    bidOn,
                    "sellerId",
                    alice.userId(),
                    "winnerId",
                    bob.userId(),
                    "finalPrice",
                    "120.00000000"))));
    JsonNode sold = waitFor(bidOn, n -> n.path("status").asString().equals("sold"));
    assertThat(sold.path("price").asString()).isEqualTo("120.00000000");
    assertThat(events(bidOn))
        .extracting(Map.Entry::getKey)
        .containsExactly("ListingPublished", "ListingChanged", "ListingEnded");
  }

  @Test
  void a_scheduled_listing_waits_for_its_start_and_then_goes_live() throws Exception {
    Instant start = Instant.now().plusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    String id = createDraft(with(phoneAuction(), "scheduledStart", start.toString()), alice);

    JsonNode scheduled = post("/api/v1/listing/listings/" + id + "/publish", null, alice).json();
    assertThat(scheduled.path("status").asString()).isEqualTo("scheduled");
    assertThat(Instant.parse(scheduled.path("startsAt").asString())).isEqualTo(start);

    Thread.sleep(Duration.between(Instant.now(), start).toMillis() + 200);
    listings.runClock(1000);

    assertThat(get("/api/v1/listing/listings/" + id, bob).json().path("status").asString())
        .isEqualTo("active");
    assertThat(events(id))
        .extracting(Map.Entry::getKey)
        .containsExactly("ListingPublished", "ListingChanged");
  }

  @Test
  void a_fixed_price_listing_has_a_price_and_a_quantity_and_no_auction_fields() {
    Map<String, Object> fixed =
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
    fixed = with(with(fixed, "quantity", 3), "durationDays", 30);

    String id = createPublished(fixed, alice);

    JsonNode seen = get("/api/v1/listing/listings/" + id, bob).json();
    assertThat(seen.path("format").asString()).isEqualTo("fixed");
    assertThat(seen.path("price").asString()).isEqualTo("350.00000000");
    assertThat(seen.path("quantityAvailable").asInt()).isEqualTo(3);
    JsonNode snapshot = events(id).getFirst().getValue();
    assertThat(snapshot.path("format").asString()).isEqualTo("fixed");
    assertThat(snapshot.path("quantity").asInt()).isEqualTo(3);
    assertThat(snapshot.has("buyItNowPrice")).isFalse();
  }

  @Test
  void my_listings_show_state_views_watchers_and_questions_waiting() {
    Identity seller = user("seller");
    String id = createPublished(phoneAuction(), seller);
    String draft = createDraft(phoneAuction(), seller);
    get("/api/v1/listing/listings/" + id, bob);
    get("/api/v1/listing/listings/" + id, null);
    get("/api/v1/listing/listings/" + id, seller); // the seller's own views are not counted
    assertThat(put("/api/v1/listing/watchlist/" + id, null, bob).status()).isEqualTo(200);
    assertThat(
            post(
                    "/api/v1/listing/listings/" + id + "/questions",
                    Map.of("text", "Is it unlocked?"),
                    bob)
                .status())
        .isEqualTo(201);

    Answer mine = get("/api/v1/listing/listings/mine", seller);

    assertThat(mine.status()).isEqualTo(200);
    JsonNode items = mine.json().path("items");
    assertThat(items.findValuesAsString("id")).containsExactlyInAnyOrder(id, draft);
    JsonNode live = items.get(0).path("id").asString().equals(id) ? items.get(0) : items.get(1);
    assertThat(live.path("status").asString()).isEqualTo("active");
    assertThat(live.path("views").asInt()).isEqualTo(2);
    assertThat(live.path("watchers").asInt()).isEqualTo(1);
    assertThat(live.path("questionsWaiting").asInt()).isEqualTo(1);
    assertThat(
            get("/api/v1/listing/listings/mine?status=draft", seller)
                .json()
                .path("items")
                .findValuesAsString("id"))
        .containsExactly(draft);
    assertThat(get("/api/v1/listing/listings/mine", bob).json().path("items")).isEmpty();
  }

  @Test
  void the_index_rebuild_endpoint_pages_every_published_listing_to_search_and_no_one_else() {
    Identity seller = user("indexed");
    String live = createPublished(phoneAuction(), seller);
    String draft = createDraft(phoneAuction(), seller);

    String feed = "/api/v1/listing/internal/listings";
    Answer anonymous = get(feed + "?limit=10", null);
    assertThat(anonymous.status()).isEqualTo(401);
    Answer named = send("GET", feed, null, null, Map.of("X-Caller-Service", "search-service"));
    assertThat(named.status()).as("naming oneself is no proof").isEqualTo(401);
    Map<String, String> forged =
        new java.util.HashMap<>(signedAs("image-processor", "GET", feed, null));
    forged.put("X-Dbay-Caller", "search-service");
    assertThat(send("GET", feed, null, null, forged).status())
        .as("another part's signature under search-service's name")
        .isEqualTo(401);
    Answer wrongCaller =
        send("GET", feed, null, null, signedAs("image-processor", "GET", feed, null));
    assertThat(wrongCaller.status()).isEqualTo(403);
    Answer sneaky = send("GET", "/api/v1/listing//internal/listings", null, null, Map.of());
    assertThat(sneaky.status()).isIn(401, 404);

    java.util.Set<String> seen = new java.util.HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      String path = feed + "?limit=2" + (cursor == null ? "" : "&after=" + cursor);
      Answer page = send("GET", path, null, null, signedAs("search-service", "GET", path, null));
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      for (JsonNode item : page.json().path("items")) {
        assertThat(seen.add(item.path("listingId").asString())).as("each listing once").isTrue();
        assertThat(item.has("reservePrice")).isFalse();
      }
      cursor =
          page.json().path("nextCursor").isNull() || page.json().path("nextCursor").isMissingNode()
              ? null
              : page.json().path("nextCursor").asString();
      pages++;
    } while (cursor != null && pages < 10_000);
    assertThat(seen).contains(live).doesNotContain(draft);
  }

  private JsonNode waitFor(String id, java.util.function.Predicate<JsonNode> condition)
      throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(20);
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      last = get("/api/v1/listing/listings/" + id, alice).json();
      if (condition.test(last)) {
        return last;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not reached in 20 s: " + last);
  }
}
