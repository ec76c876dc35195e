package com.dbay.lambda.searchindexer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.dbay.search.indexing.IndexNames;
import com.dbay.search.indexing.ListingDocument;
import com.dbay.search.indexing.ListingIndexer;
import com.dbay.search.indexing.OpenSearchHttp;
import com.dbay.search.indexing.SavedSearchMatches;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** What the handler refuses before it touches OpenSearch (nothing listens on the port below). */
class SearchIndexerHandlerTest {

  private final SearchIndexerHandler handler =
      new SearchIndexerHandler(
          new ListingIndexer(
              new OpenSearchHttp(URI.create("http://127.0.0.1:9")),
              new IndexNames("unit-"),
              SavedSearchMatches.NONE));

  @Test
  void an_event_type_it_does_not_know_is_an_error() {
    ScheduledEvent event = EventLoader.loadScheduledEvent("events/listing-published.json");
    event.setDetailType("ListingCreated");
    assertThatThrownBy(() -> handler.handleRequest(event, null))
        .hasMessageContaining("ListingCreated");
  }

  @Test
  void an_auction_event_type_from_the_listing_source_is_an_error() {
    ScheduledEvent event = EventLoader.loadScheduledEvent("events/bid-placed.json");
    event.setSource("dbay.listing");
    assertThatThrownBy(() -> handler.handleRequest(event, null))
        .hasMessageContaining("dbay.listing / BidPlaced");
  }

  @Test
  void a_snapshot_without_a_version_is_refused_as_invalid() {
    ScheduledEvent event = EventLoader.loadScheduledEvent("events/listing-published.json");
    event.getDetail().remove("version");
    assertThatThrownBy(() -> handler.handleRequest(event, null))
        .isInstanceOf(ListingDocument.InvalidEvent.class)
        .hasMessageContaining("version");
  }

  @Test
  void an_auction_event_without_any_sequence_is_refused_as_invalid() {
    ScheduledEvent event = EventLoader.loadScheduledEvent("events/bid-placed.json");
    event.getDetail().remove("sequence");
    assertThatThrownBy(() -> handler.handleRequest(event, null))
        .isInstanceOf(ListingDocument.InvalidEvent.class)
        .hasMessageContaining("version");
  }

  @Test
  void a_price_that_is_not_a_doge_amount_is_refused_as_invalid() {
    ScheduledEvent event = EventLoader.loadScheduledEvent("events/listing-published.json");
    event.getDetail().put("price", "12.123456789");
    assertThatThrownBy(() -> handler.handleRequest(event, null))
        .isInstanceOf(ListingDocument.InvalidEvent.class)
        .hasMessageContaining("price");
  }
}
