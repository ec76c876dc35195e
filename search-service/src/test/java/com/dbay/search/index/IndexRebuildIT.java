package com.dbay.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.search.SearchServiceIT;
import com.dbay.search.StubListingService;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ./dbay reindex}: a new index from listing-service's snapshots, then one atomic alias swap.
 */
class IndexRebuildIT extends SearchServiceIT {

  @Test
  void
      a_rebuild_fills_a_new_index_from_every_snapshot_page_swaps_the_alias_and_drops_the_old_index() {
    emptyIndices();
    indexer.onListing(
        snapshot(
            "R-stale",
            "Listing that listing-service no longer has",
            List.of(5, 6),
            "fixed",
            "new",
            "10.00000000",
            null,
            Instant.now().plus(1, ChronoUnit.DAYS),
            Map.of()),
        false);
    List<String> before = aliasIndices();
    StubListingService listings = StubListingService.get();
    listings.snapshots.clear();
    for (int i = 0; i < 7; i++) {
      listings.snapshots.add(
          snapshot(
                  "R-" + i,
                  "Rebuilt teapot number " + i,
                  List.of(5, 6),
                  "fixed",
                  "new",
                  (10 + i) + ".00000000",
                  null,
                  Instant.now().plus(1, ChronoUnit.DAYS),
                  Map.of("Material", "Porcelain"))
              .toString());
    }
    ObjectNode ended =
        snapshot(
            "R-ended",
            "Rebuilt teapot that ended",
            List.of(5, 6),
            "fixed",
            "new",
            "10.00000000",
            null,
            Instant.now().plus(1, ChronoUnit.DAYS),
            Map.of());
    ended.put("status", "ended");
    listings.snapshots.add(ended.toString());

    Response r =
        call(
            "POST",
            "/api/v1/search/internal/reindex",
            null,
            null,
            signedAs("operator", "POST", "/api/v1/search/internal/reindex", null));

    assertThat(r.status()).as(r.json().toString()).isEqualTo(200);
    assertThat(r.json().path("listings").asLong()).isEqualTo(8);
    assertThat(listings.callers).contains("search-service");
    List<String> after = aliasIndices();
    assertThat(after).hasSize(1).doesNotContainAnyElementsOf(before);
    assertThat(OPENSEARCH.send("HEAD", before.get(0), null).status())
        .as("the old index is gone")
        .isEqualTo(404);
    assertThat(OPENSEARCH.send("GET", names.building() + "/_alias", null).status())
        .as("nothing left building")
        .isEqualTo(404);
    Response found = get("/api/v1/search/listings?q=teapot&size=20");
    List<String> ids = new ArrayList<>();
    found.json().path("items").forEach(i -> ids.add(i.path("id").asString()));
    assertThat(ids).hasSize(7).doesNotContain("R-ended", "R-stale");
  }

  @Test
  void a_rebuild_that_cannot_read_the_snapshots_leaves_the_current_index_serving() {
    emptyIndices();
    indexer.onListing(
        snapshot(
            "K-kept",
            "Kettle that stays findable",
            List.of(5, 6),
            "fixed",
            "new",
            "10.00000000",
            null,
            Instant.now().plus(1, ChronoUnit.DAYS),
            Map.of()),
        false);
    refresh();
    List<String> before = aliasIndices();
    StubListingService listings = StubListingService.get();
    listings.snapshots.clear();
    for (int i = 0; i < 3; i++) {
      listings.snapshots.add(
          snapshot(
                  "K-" + i,
                  "Kettle " + i,
                  List.of(5, 6),
                  "fixed",
                  "new",
                  "10.00000000",
                  null,
                  Instant.now().plus(1, ChronoUnit.DAYS),
                  Map.of())
              .toString());
    }
    listings.failing = true;
    try {
      Response r =
          call(
              "POST",
              "/api/v1/search/internal/reindex",
              null,
              null,
              signedAs("operator", "POST", "/api/v1/search/internal/reindex", null));

      assertThat(r.status()).isEqualTo(503);
      assertThat(aliasIndices()).isEqualTo(before);
      assertThat(
              OPENSEARCH
                  .send("GET", names.listingsPattern() + "/_alias", null)
                  .body()
                  .propertyNames())
          .hasSize(1);
      assertThat(
              get("/api/v1/search/listings?q=kettle+stays")
                  .json()
                  .path("items")
                  .get(0)
                  .path("id")
                  .asString())
          .isEqualTo("K-kept");
    } finally {
      listings.failing = false;
    }
  }

  @Test
  void a_rebuild_is_for_the_operator_only() {
    String reindex = "/api/v1/search/internal/reindex";
    assertThat(call("POST", reindex, null, null, Map.of()).status()).isEqualTo(401);
    assertThat(call("POST", reindex, null, null, Map.of("X-Caller-Service", "dbay-cli")).status())
        .as("naming oneself is no proof")
        .isEqualTo(401);
    assertThat(
            call(
                    "POST",
                    reindex,
                    null,
                    null,
                    signedAs(com.dbay.platform.test.TestCallers.STRANGER, "POST", reindex, null))
                .status())
        .as("a key search-service does not know")
        .isEqualTo(401);
    assertThat(
            call("POST", reindex, null, null, signedAs("search-indexer", "POST", reindex, null))
                .status())
        .as("a known part that is not the operator")
        .isEqualTo(403);
  }

  private List<String> aliasIndices() {
    JsonNode reply =
        OPENSEARCH.send("GET", "_alias/" + names.listings(), null).orThrow("alias").body();
    return new ArrayList<>(reply.propertyNames());
  }
}
