package com.dbay.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

class EventEnvelopeTest {

  private final JsonMapper mapper = JsonMapper.builder().build();

  record BidPlaced(String listingId, String amount) {}

  @Test
  void usesEventBridgeFieldNames() {
    var detail =
        JsonNodeFactory.instance.objectNode().put("listingId", "L1").put("amount", "1.00000000");
    var event =
        new EventEnvelope(
            "e-1", "dbay.auction", "BidPlaced", Instant.parse("2026-11-24T01:00:00Z"), detail);

    String json = mapper.writeValueAsString(event);

    assertThat(json)
        .isEqualTo(
            "{\"id\":\"e-1\",\"source\":\"dbay.auction\",\"detail-type\":\"BidPlaced\","
                + "\"time\":\"2026-11-24T01:00:00Z\",\"detail\":{\"listingId\":\"L1\",\"amount\":\"1.00000000\"}}");
    assertThat(mapper.readValue(json, EventEnvelope.class)).isEqualTo(event);
  }

  @Test
  void bindsTheDetailToTheConsumersRecord() {
    var event =
        EventEnvelope.create(
            "dbay.auction", "BidPlaced", mapper.valueToTree(new BidPlaced("L1", "2.00000000")));
    assertThat(event.detailAs(BidPlaced.class, mapper))
        .isEqualTo(new BidPlaced("L1", "2.00000000"));
    assertThat(event.id()).isNotBlank();
  }

  @Test
  void patternsMatchOnSourceAndDetailTypeLikeEventBridgeRules() {
    var bid =
        EventEnvelope.create("dbay.auction", "BidPlaced", JsonNodeFactory.instance.objectNode());
    var order =
        EventEnvelope.create("dbay.order", "OrderCreated", JsonNodeFactory.instance.objectNode());

    assertThat(EventPattern.any().matches(bid)).isTrue();
    assertThat(EventPattern.source("dbay.auction").matches(bid)).isTrue();
    assertThat(EventPattern.source("dbay.auction").matches(order)).isFalse();
    assertThat(EventPattern.source("dbay.auction").detailType("AuctionEnded").matches(bid))
        .isFalse();
    assertThat(
            EventPattern.source("dbay.auction", "dbay.order")
                .detailType("BidPlaced", "OrderCreated")
                .matches(order))
        .isTrue();
  }
}
