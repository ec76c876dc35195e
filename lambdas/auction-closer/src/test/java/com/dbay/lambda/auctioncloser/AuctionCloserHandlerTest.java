package com.dbay.lambda.auctioncloser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.dbay.lambda.support.NotYetImplemented;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuctionCloserHandlerTest {

  private final ScheduledEvent event =
      EventLoader.loadScheduledEvent("events/scheduled-event.json");

  @Test
  void closes_what_was_due_at_the_time_of_the_scheduled_event() {
    List<Instant> asked = new ArrayList<>();
    var handler = new AuctionCloserHandler(fake(asked));

    Map<String, Object> result = handler.handleRequest(event, null);

    assertThat(asked).containsExactly(Instant.parse("2026-11-24T01:00:05Z"));
    assertThat(result).containsEntry("closed", 3).containsEntry("asOf", "2026-11-24T01:00:05Z");
  }

  @Test
  void settlement_needs_a_listing_id_and_returns_the_order() {
    var handler = new AuctionSettlementHandler(fake(new ArrayList<>()));
    assertThat(handler.handleRequest(Map.of("listingId", "L1"), null))
        .containsEntry("orderId", "order-of-L1");
    assertThatThrownBy(() -> handler.handleRequest(Map.of(), null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_runtime_constructors_fail_clearly_until_the_auction_issue() {
    assertThatThrownBy(() -> new AuctionCloserHandler().handleRequest(event, null))
        .isInstanceOf(NotYetImplemented.class)
        .hasMessageContaining("auction issue");
    assertThatThrownBy(
            () -> new AuctionSettlementHandler().handleRequest(Map.of("listingId", "L1"), null))
        .isInstanceOf(NotYetImplemented.class)
        .hasMessageContaining("auction issue");
  }

  private static DueAuctions fake(List<Instant> asked) {
    return new DueAuctions() {
      public int closeDue(Instant asOf) {
        asked.add(asOf);
        return 3;
      }

      public String settle(String listingId) {
        return "order-of-" + listingId;
      }
    };
  }
}
