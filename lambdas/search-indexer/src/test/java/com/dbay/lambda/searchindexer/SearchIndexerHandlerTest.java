package com.dbay.lambda.searchindexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.dbay.lambda.support.NotYetImplemented;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchIndexerHandlerTest {

    private final List<String> calls = new ArrayList<>();
    private final SearchIndexerHandler handler = new SearchIndexerHandler(new ListingIndex() {
        public void upsert(String listingId, Map<String, Object> listing) {
            calls.add("upsert " + listingId + " " + listing.get("title"));
        }

        public void remove(String listingId) {
            calls.add("remove " + listingId);
        }
    });

    @Test
    void a_created_listing_is_upserted_and_a_withdrawn_one_removed() {
        handler.handleRequest(EventLoader.loadScheduledEvent("events/listing-created.json"), null);
        handler.handleRequest(EventLoader.loadScheduledEvent("events/listing-withdrawn.json"), null);
        assertThat(calls).containsExactly("upsert L-42 Red bike", "remove L-42");
    }

    @Test
    void an_event_type_it_does_not_know_is_an_error() {
        ScheduledEvent event = EventLoader.loadScheduledEvent("events/listing-created.json");
        event.setDetailType("BidPlaced");
        assertThatThrownBy(() -> handler.handleRequest(event, null)).hasMessageContaining("BidPlaced");
    }

    @Test
    void the_runtime_constructor_fails_clearly_until_the_search_issue() {
        assertThatThrownBy(() -> new SearchIndexerHandler()
                .handleRequest(EventLoader.loadScheduledEvent("events/listing-created.json"), null))
                .isInstanceOf(NotYetImplemented.class).hasMessageContaining("search issue");
    }
}
