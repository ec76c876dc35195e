package com.dbay.lambda.localruntime.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dbay.lambda.asl.Json;
import org.junit.jupiter.api.Test;

class EventPatternTest {

  private static final String BID =
      """
            {"id": "1", "source": "dbay.auction", "detail-type": "BidPlaced",
             "detail": {"listingId": "L-1", "amount": 12.5, "tags": ["hot", "new"]}}""";

  private static boolean matches(String pattern, String event) {
    return EventPattern.parse(pattern).matches(Json.parse(event));
  }

  @Test
  void every_named_field_must_match_one_of_its_values() {
    assertThat(
            matches(
                "{\"source\": [\"dbay.auction\"], \"detail-type\": [\"BidPlaced\", \"AuctionEnded\"]}",
                BID))
        .isTrue();
    assertThat(
            matches("{\"source\": [\"dbay.auction\"], \"detail-type\": [\"AuctionEnded\"]}", BID))
        .isFalse();
  }

  @Test
  void nested_detail_fields_and_array_values_match_like_event_bridge() {
    assertThat(matches("{\"detail\": {\"listingId\": [\"L-1\"], \"tags\": [\"hot\"]}}", BID))
        .isTrue();
    assertThat(matches("{\"detail\": {\"listingId\": [\"L-2\"]}}", BID)).isFalse();
  }

  @Test
  void content_filters_prefix_anything_but_exists_and_numeric() {
    assertThat(matches("{\"source\": [{\"prefix\": \"dbay.\"}]}", BID)).isTrue();
    assertThat(matches("{\"detail-type\": [{\"anything-but\": [\"BidPlaced\"]}]}", BID)).isFalse();
    assertThat(matches("{\"detail\": {\"missing\": [{\"exists\": false}]}}", BID)).isTrue();
    assertThat(matches("{\"detail\": {\"listingId\": [{\"exists\": false}]}}", BID)).isFalse();
    assertThat(
            matches("{\"detail\": {\"amount\": [{\"numeric\": [\">\", 10, \"<=\", 12.5]}]}}", BID))
        .isTrue();
  }

  @Test
  void an_unknown_operator_is_refused_when_the_rule_loads() {
    assertThatThrownBy(() -> EventPattern.parse("{\"source\": [{\"wildcard\": \"dbay.*\"}]}"))
        .hasMessageContaining("wildcard");
  }
}
