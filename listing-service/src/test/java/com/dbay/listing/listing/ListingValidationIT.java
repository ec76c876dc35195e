package com.dbay.listing.listing;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.listing.support.ListingServiceIT;
import com.dbay.platform.identity.Identity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Bad input: each a 422 naming the field, and nothing written. */
class ListingValidationIT extends ListingServiceIT {

  final Identity seller = user("careful");

  @Test
  void an_unknown_category_is_refused_naming_the_field() {
    assertRefused(with(phoneAuction(), "categoryId", 987654), "categoryId");
  }

  @Test
  void a_category_with_subcategories_is_refused_naming_the_field() {
    assertRefused(with(phoneAuction(), "categoryId", 1), "categoryId");
  }

  @Test
  void a_missing_required_item_specific_is_refused_naming_it() {
    JsonNode problem =
        assertRefused(
            with(phoneAuction(), "itemSpecifics", Map.of("Brand", "Apple")), "itemSpecifics.Model");
    assertThat(problem.path("detail").asString()).contains("itemSpecifics.Model");
  }

  @Test
  void an_item_specific_outside_its_allowed_values_or_unknown_to_the_category_is_refused() {
    assertRefused(
        with(
            phoneAuction(),
            "itemSpecifics",
            Map.of("Brand", "Apple", "Model", "15", "Storage Capacity", "3 TB")),
        "itemSpecifics.Storage Capacity");
    assertRefused(
        with(
            phoneAuction(),
            "itemSpecifics",
            Map.of("Brand", "Apple", "Model", "15", "Horsepower", "300")),
        "itemSpecifics.Horsepower");
  }

  @Test
  void a_reserve_below_the_start_price_is_refused() {
    assertRefused(with(phoneAuction(), "reservePrice", "99.99"), "reservePrice");
  }

  @Test
  void a_buy_it_now_price_at_or_below_the_start_price_is_refused() {
    assertRefused(with(phoneAuction(), "buyItNowPrice", "100"), "buyItNowPrice");
    assertRefused(
        with(with(phoneAuction(), "reservePrice", null), "buyItNowPrice", "50"), "buyItNowPrice");
  }

  @Test
  void a_negative_price_is_refused() {
    assertRefused(with(phoneAuction(), "startPrice", "-5"), "startPrice");
  }

  @Test
  void a_price_with_more_than_eight_decimals_is_refused() {
    assertRefused(with(phoneAuction(), "startPrice", "1.123456789"), "startPrice");
  }

  @Test
  void a_price_given_as_a_json_number_is_refused() {
    Answer answer =
        post("/api/v1/listing/listings", with(phoneAuction(), "startPrice", 12.5), seller);
    assertThat(answer.status()).isBetween(400, 422);
    assertThat(count("select count(*) from listing where seller_id = ?", seller.userId())).isZero();
  }

  @Test
  void a_zero_or_absurd_price_a_bad_duration_and_a_fixed_price_reserve_are_refused() {
    assertRefused(with(phoneAuction(), "startPrice", "0"), "startPrice");
    assertRefused(with(phoneAuction(), "startPrice", "99999999999"), "startPrice");
    assertRefused(with(phoneAuction(), "durationDays", 2), "durationDays");
    assertRefused(with(phoneAuction(), "durationMinutes", 10), "durationMinutes");
    assertRefused(with(with(phoneAuction(), "format", "fixed"), "price", "10"), "format");
  }

  @Test
  void
      a_draft_without_shipping_or_regions_and_with_a_past_start_is_refused_with_every_field_named_at_once() {
    Map<String, Object> form =
        with(
            with(with(phoneAuction(), "shippingOptions", List.of()), "shipsTo", List.of("Narnia")),
            "scheduledStart",
            "2020-01-01T00:00:00Z");
    JsonNode problem = assertRefused(form, "shippingOptions");
    assertThat(problem.path("errors").findValuesAsString("field"))
        .contains("shipsTo", "scheduledStart");
  }

  @Test
  void an_edit_that_breaks_a_rule_changes_nothing() {
    String id = createDraft(phoneAuction(), seller);

    Answer refused =
        put("/api/v1/listing/listings/" + id, with(phoneAuction(), "reservePrice", "1"), seller);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(get("/api/v1/listing/listings/" + id, seller).json().path("reservePrice").asString())
        .isEqualTo("250.50000000");
  }

  private JsonNode assertRefused(Map<String, Object> form, String field) {
    long before = count("select count(*) from listing where seller_id = ?", seller.userId());
    Answer answer = post("/api/v1/listing/listings", form, seller);
    assertThat(answer.status()).as(answer.body()).isEqualTo(422);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    JsonNode problem = answer.json();
    assertThat(problem.path("errors").findValuesAsString("field"))
        .as(answer.body())
        .contains(field);
    assertThat(count("select count(*) from listing where seller_id = ?", seller.userId()))
        .isEqualTo(before);
    return problem;
  }
}
