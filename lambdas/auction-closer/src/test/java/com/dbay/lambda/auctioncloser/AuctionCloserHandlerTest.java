package com.dbay.lambda.auctioncloser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
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
    var handler =
        new AuctionCloserHandler(
            asOf -> {
              asked.add(asOf);
              return 3;
            });

    Map<String, Object> result = handler.handleRequest(event, null);

    assertThat(asked).containsExactly(Instant.parse("2026-11-24T01:00:05Z"));
    assertThat(result).containsEntry("closed", 3).containsEntry("asOf", "2026-11-24T01:00:05Z");
  }

  @Test
  void settlement_needs_a_listing_id_and_a_known_action() {
    var handler = new AuctionSettlementHandler(new InMemorySettlement());
    assertThatThrownBy(() -> handler.handleRequest(Map.of(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("listingId");
    assertThatThrownBy(
            () -> handler.handleRequest(Map.of("listingId", "L1", "action", "refund"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown action");
    assertThatThrownBy(
            () ->
                handler.handleRequest(
                    Map.of("listingId", "L1", "action", "release", "userIds", "bob"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userIds");
  }

  @Test
  void the_runtime_constructors_need_the_functions_keys_only_when_they_call() {
    // Built without DBAY_SERVICE_KEYS_FILE: construction succeeds (the runtime builds every
    // function at start-up), the key is looked up at the first call.
    new AuctionCloserHandler();
    new AuctionSettlementHandler();
  }
}
