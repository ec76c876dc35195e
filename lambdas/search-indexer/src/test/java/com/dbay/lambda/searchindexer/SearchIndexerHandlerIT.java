package com.dbay.lambda.searchindexer;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.dbay.platform.test.TestStores;
import com.dbay.search.indexing.IndexNames;
import com.dbay.search.indexing.ListingIndexer;
import com.dbay.search.indexing.OpenSearchHttp;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The handler against a real OpenSearch, fed the event JSON of the contract, in indices of its own.
 */
class SearchIndexerHandlerIT {

  private final OpenSearchHttp opensearch =
      new OpenSearchHttp(URI.create(TestStores.opensearchUrl()));
  private final IndexNames names =
      new IndexNames(
          "it-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT) + "-");
  private final List<String> reports = new ArrayList<>();
  private final ListingIndexer indexer =
      new ListingIndexer(
          opensearch, names, (listingId, title, ids) -> reports.add(listingId + " " + ids));
  private final SearchIndexerHandler handler = new SearchIndexerHandler(indexer);

  @BeforeEach
  void indices() {
    indexer.ensureIndices();
  }

  @AfterEach
  void dropIndices() {
    opensearch.send("DELETE", names.prefix() + "*", null);
  }

  @Test
  void a_published_listing_is_found_with_its_price_in_koinu_and_its_specifics() {
    handle("listing-published.json");

    JsonNode doc = document("L-42");
    assertThat(doc.path("visible").asBoolean()).isTrue();
    assertThat(doc.path("priceKoinu").asLong()).isEqualTo(120_00000000L);
    assertThat(doc.path("status").asString()).isEqualTo("active");
    assertThat(doc.path("buyItNow").asBoolean()).isTrue();
    assertThat(doc.path("itemSpecifics").toString())
        .contains("\"Colour\"", "\"Black\"", "\"Frame size\"");
    assertThat(doc.path("listingVersion").asLong()).isEqualTo(1);
    assertThat(search("bike")).containsExactly("L-42");
  }

  @Test
  void an_older_snapshot_arriving_after_a_newer_one_changes_nothing() {
    handle("listing-changed.json");
    String replay = handle("listing-published.json");

    assertThat(replay).startsWith("noop");
    JsonNode doc = document("L-42");
    assertThat(doc.path("title").asString()).contains("new tyres");
    assertThat(doc.path("listingVersion").asLong()).isEqualTo(2);
    assertThat(doc.path("thumbnailUrl").isNull())
        .as("the newer snapshot removed the thumbnail")
        .isTrue();
  }

  @Test
  void a_bid_moves_the_price_and_drops_buy_it_now_and_a_replayed_older_bid_does_not_move_it_back() {
    handle("listing-published.json");
    handle("bid-placed.json");
    ScheduledEvent older = EventLoader.loadScheduledEvent("events/bid-placed.json");
    older.getDetail().put("sequence", 1);
    older.getDetail().put("currentPrice", "121.00000000");
    handler.handleRequest(older, null);

    JsonNode doc = document("L-42");
    assertThat(doc.path("priceKoinu").asLong()).isEqualTo(135_00000000L);
    assertThat(doc.path("bidCount").asInt()).isEqualTo(2);
    assertThat(doc.path("buyItNow").asBoolean()).isFalse();
  }

  @Test
  void a_newer_listing_snapshot_keeps_the_auction_price_it_does_not_know() {
    handle("listing-published.json");
    handle("bid-placed.json");
    handle("listing-changed.json");

    assertThat(document("L-42").path("priceKoinu").asLong()).isEqualTo(135_00000000L);
  }

  @Test
  void an_auction_event_before_its_listing_leaves_an_invisible_stub_that_the_listing_completes() {
    handle("bid-placed.json");
    assertThat(document("L-42").path("visible").asBoolean()).isFalse();
    assertThat(search("bike")).isEmpty();

    handle("listing-published.json");
    JsonNode doc = document("L-42");
    assertThat(doc.path("visible").asBoolean()).isTrue();
    assertThat(doc.path("priceKoinu").asLong()).isEqualTo(135_00000000L);
  }

  @Test
  void an_ended_listing_or_auction_drops_out_of_search() {
    handle("listing-published.json");
    handle("listing-ended.json");
    assertThat(document("L-42").path("visible").asBoolean()).isFalse();
    assertThat(search("bike")).isEmpty();

    handle("listing-published.json");
    assertThat(document("L-42").path("visible").asBoolean())
        .as("a replayed publication does not revive it")
        .isFalse();
  }

  @Test
  void an_auction_end_hides_the_listing_even_if_a_later_listing_snapshot_still_says_active() {
    handle("listing-published.json");
    handle("auction-ended.json");
    handle("listing-changed.json");

    assertThat(document("L-42").path("visible").asBoolean()).isFalse();
  }

  @Test
  void a_published_listing_is_percolated_against_saved_searches_and_the_matches_are_reported() {
    storeSavedSearch("s-bikes", "{\"match\": {\"title\": {\"query\": \"bike\"}}}");
    storeSavedSearch("s-cameras", "{\"match\": {\"title\": {\"query\": \"camera\"}}}");
    storeSavedSearch(
        "s-cheap-bikes",
        "{\"bool\": {\"filter\": [{\"match\": {\"title\": \"bike\"}},"
            + " {\"range\": {\"priceKoinu\": {\"lte\": 5000000000}}}]}}");

    handle("listing-published.json");
    handle("listing-ended.json");

    assertThat(reports).containsExactly("L-42 [s-bikes]");
  }

  @Test
  void events_during_a_rebuild_reach_the_new_index_too() {
    String rebuilding = names.newListingsIndex(java.time.Instant.now());
    ObjectNode body = ListingIndexer.listingsIndexBody();
    body.putObject("aliases").putObject(names.building());
    opensearch.send("PUT", rebuilding, body).orThrow("create");

    handle("listing-published.json");

    assertThat(indexer.writeTargets()).hasSize(2).contains(rebuilding);
    JsonNode copy = opensearch.send("GET", rebuilding + "/_doc/L-42", null).orThrow("get").body();
    assertThat(copy.path("_source").path("visible").asBoolean()).isTrue();
  }

  private String handle(String file) {
    return handler.handleRequest(EventLoader.loadScheduledEvent("events/" + file), null);
  }

  private JsonNode document(String id) {
    return opensearch
        .send("GET", names.listings() + "/_doc/" + id, null)
        .orThrow("get " + id)
        .body()
        .path("_source");
  }

  private List<String> search(String text) {
    opensearch.send("POST", names.listings() + "/_refresh", null).orThrow("refresh");
    String query =
        "{\"query\": {\"bool\": {\"must\": {\"match\": {\"title\": \""
            + text
            + "\"}},"
            + " \"filter\": {\"term\": {\"visible\": true}}}}}";
    JsonNode hits =
        opensearch
            .send("POST", names.listings() + "/_search", OpenSearchHttp.JSON.readTree(query))
            .orThrow("search")
            .body()
            .path("hits")
            .path("hits");
    List<String> ids = new ArrayList<>();
    hits.forEach(h -> ids.add(h.path("_id").asString()));
    return ids;
  }

  private void storeSavedSearch(String id, String query) {
    String doc = "{\"savedSearchId\": \"" + id + "\", \"query\": " + query + "}";
    opensearch
        .send(
            "PUT",
            names.savedSearches() + "/_doc/" + id + "?refresh=true",
            OpenSearchHttp.JSON.readTree(doc))
        .orThrow("store saved search");
  }
}
