package com.dbay.listing.listing;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.listing.support.ListingServiceIT;
import com.dbay.platform.identity.Identity;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Best Offer on fixed-price listings: checked on create and edit, the automatic prices shown to the
 * seller and to order-service's internal offer terms only.
 */
class BestOfferTermsIT extends ListingServiceIT {

  final Identity alice = user("offer-seller");
  final Identity bob = user("offer-buyer");

  static Map<String, Object> fixedWithOffers(String accept, String decline) {
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
            "100");
    form = with(with(form, "durationDays", 30), "acceptsOffers", true);
    return with(with(form, "autoAcceptPrice", accept), "autoDeclinePrice", decline);
  }

  @Test
  void the_seller_sees_the_automatic_prices_everyone_else_only_that_offers_are_taken() {
    String id = createPublished(fixedWithOffers("90", "50"), alice);

    JsonNode mine = get("/api/v1/listing/listings/" + id, alice).json();
    assertThat(mine.path("acceptsOffers").asBoolean()).isTrue();
    assertThat(mine.path("autoAcceptPrice").asString()).isEqualTo("90.00000000");
    assertThat(mine.path("autoDeclinePrice").asString()).isEqualTo("50.00000000");

    Answer theirs = get("/api/v1/listing/listings/" + id, bob);
    assertThat(theirs.json().path("acceptsOffers").asBoolean()).isTrue();
    assertThat(theirs.body()).doesNotContain("autoAcceptPrice").doesNotContain("autoDeclinePrice");
  }

  @Test
  void order_service_reads_the_offer_terms_and_nobody_else_may() {
    String id = createPublished(fixedWithOffers("90", null), alice);
    String path = "/api/v1/listing/internal/listings/" + id + "/offer-terms";

    Answer terms = send("GET", path, null, null, signedAs("order-service", "GET", path, null));
    assertThat(terms.status()).as(terms.body()).isEqualTo(200);
    assertThat(terms.json().path("sellerId").asString()).isEqualTo(alice.userId());
    assertThat(terms.json().path("price").asString()).isEqualTo("100.00000000");
    assertThat(terms.json().path("autoAcceptPrice").asString()).isEqualTo("90.00000000");
    assertThat(terms.json().path("autoDeclinePrice").isNull()).isTrue();
    assertThat(terms.json().path("quantityAvailable").asInt()).isEqualTo(1);
    assertThat(terms.json().path("shippingOptions").size()).isEqualTo(2);

    assertThat(
            send("GET", path, null, null, signedAs("search-service", "GET", path, null)).status())
        .isEqualTo(403);
    assertThat(send("GET", path, null, null, Map.of()).status()).isEqualTo(401);
  }

  @Test
  void nonsense_best_offer_terms_are_refused_naming_the_field_and_nothing_is_written() {
    refused(fixedWithOffers("100", null), "autoAcceptPrice"); // not below the price
    refused(fixedWithOffers("120", null), "autoAcceptPrice");
    refused(fixedWithOffers("80", "80"), "autoDeclinePrice"); // not below auto-accept
    refused(fixedWithOffers(null, "100"), "autoDeclinePrice"); // not below the price
    refused(fixedWithOffers("-1", null), "autoAcceptPrice");
    refused(with(fixedWithOffers("80", null), "acceptsOffers", false), "acceptsOffers");
    refused(
        with(with(phoneAuction(), "acceptsOffers", true), "autoAcceptPrice", "50"),
        "acceptsOffers");
  }

  @Test
  void an_edit_may_turn_offers_on_and_off_but_not_to_nonsense() {
    String id = createDraft(fixedWithOffers(null, null), alice);
    assertThat(put("/api/v1/listing/listings/" + id, fixedWithOffers("95", "60"), alice).status())
        .isEqualTo(200);
    assertThat(
            get("/api/v1/listing/listings/" + id, alice).json().path("autoAcceptPrice").asString())
        .isEqualTo("95.00000000");

    Answer bad = put("/api/v1/listing/listings/" + id, fixedWithOffers("95", "96"), alice);
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    assertThat(
            get("/api/v1/listing/listings/" + id, alice).json().path("autoDeclinePrice").asString())
        .isEqualTo("60.00000000");

    Map<String, Object> off = with(fixedWithOffers(null, null), "acceptsOffers", null);
    assertThat(put("/api/v1/listing/listings/" + id, off, alice).status()).isEqualTo(200);
    JsonNode now = get("/api/v1/listing/listings/" + id, alice).json();
    assertThat(now.path("acceptsOffers").asBoolean()).isFalse();
    assertThat(now.has("autoAcceptPrice")).isFalse();
  }

  private void refused(Map<String, Object> form, String field) {
    long before = count("select count(*) from listing where seller_id = ?", alice.userId());
    Answer answer = post("/api/v1/listing/listings", form, alice);
    assertThat(answer.status()).as(answer.body()).isEqualTo(422);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().path("errors").findValuesAsString("field")).contains(field);
    assertThat(count("select count(*) from listing where seller_id = ?", alice.userId()))
        .isEqualTo(before);
  }
}
