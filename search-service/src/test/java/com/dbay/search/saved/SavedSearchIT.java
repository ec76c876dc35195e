package com.dbay.search.saved;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.test.TestCallers;
import com.dbay.search.SearchServiceIT;
import com.dbay.search.indexing.HttpSavedSearchMatches;
import com.dbay.search.indexing.ListingIndexer;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * Saved searches: CRUD by their owner only, percolated at index time, "new since you looked",
 * SavedSearchMatched.
 */
class SavedSearchIT extends SearchServiceIT {

  @Autowired JdbcTemplate jdbc;

  private final String alice = "u-" + UUID.randomUUID();
  private final String mallory = "u-" + UUID.randomUUID();
  private ListingIndexer liveIndexer;

  @BeforeEach
  void clean() {
    emptyIndices();
    // The function's own code path, reporting to this service over HTTP as it does on ./dbay up.
    liveIndexer =
        new ListingIndexer(
            OPENSEARCH,
            names,
            new HttpSavedSearchMatches(
                URI.create("http://localhost:" + port),
                () -> CALLERS.signer(HttpSavedSearchMatches.CALLER)));
  }

  @Test
  void
      a_new_listing_matching_a_saved_search_shows_as_new_until_its_owner_looks_and_raises_an_event() {
    String id =
        create(
            alice,
            "{\"name\": \"Road bikes under 200\", \"params\": {\"q\": \"bike\", \"category\": \"3\", \"maxPrice\": \"200\"}}");

    publish("L-match", "Red racing bike", List.of(1, 2, 3), "150.00000000");
    publish("L-dear", "Carbon racing bike", List.of(1, 2, 3), "900.00000000");
    publish("L-other", "Film camera", List.of(5, 6), "50.00000000");

    Response list = call("GET", "/api/v1/search/saved-searches", alice, null, Map.of());
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().path("items")).hasSize(1);
    assertThat(list.json().path("items").get(0).path("newCount").asLong()).isEqualTo(1);
    Response matches =
        call("GET", "/api/v1/search/saved-searches/" + id + "/matches", alice, null, Map.of());
    assertThat(matches.json().path("items").get(0).path("listingId").asString())
        .isEqualTo("L-match");

    Integer events =
        jdbc.queryForObject(
            "select count(*) from platform_outbox where detail_type = 'SavedSearchMatched'"
                + " and detail::text like ?",
            Integer.class,
            "%" + id + "%");
    assertThat(events).isEqualTo(1);

    // A replayed event (or a changed listing that still matches) is not news again.
    publish("L-match", "Red racing bike", List.of(1, 2, 3), "150.00000000");
    assertThat(get(alice, id).json().path("newCount").asLong()).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from platform_outbox where detail_type = 'SavedSearchMatched'"
                    + " and detail::text like ?",
                Integer.class,
                "%" + id + "%"))
        .isEqualTo(1);

    Response seen =
        call("POST", "/api/v1/search/saved-searches/" + id + "/seen", alice, null, Map.of());
    assertThat(seen.status()).isEqualTo(200);
    assertThat(seen.json().path("newCount").asLong()).isZero();
    assertThat(seen.json().path("totalCount").asLong()).isEqualTo(1);
  }

  @Test
  void a_saved_search_is_its_owners_alone() {
    String id = create(alice, "{\"name\": \"Cameras\", \"params\": {\"category\": \"6\"}}");

    assertThat(get(mallory, id).status()).isEqualTo(404);
    assertThat(
            call(
                    "PUT",
                    "/api/v1/search/saved-searches/" + id,
                    mallory,
                    "{\"name\": \"mine\", \"params\": {}}",
                    Map.of())
                .status())
        .isEqualTo(404);
    assertThat(
            call("DELETE", "/api/v1/search/saved-searches/" + id, mallory, null, Map.of()).status())
        .isEqualTo(404);
    assertThat(
            call("POST", "/api/v1/search/saved-searches/" + id + "/seen", mallory, null, Map.of())
                .status())
        .isEqualTo(404);
    assertThat(
            call("GET", "/api/v1/search/saved-searches", mallory, null, Map.of())
                .json()
                .path("items"))
        .isEmpty();
    assertThat(get(alice, id).json().path("name").asString()).isEqualTo("Cameras");
  }

  @Test
  void without_a_gateway_proven_user_nothing_is_saved() {
    Response anonymous =
        call(
            "POST",
            "/api/v1/search/saved-searches",
            null,
            "{\"name\": \"x\", \"params\": {}}",
            Map.of());
    assertThat(anonymous.status()).isEqualTo(401);
    Response forged =
        call("GET", "/api/v1/search/saved-searches", null, null, Map.of("X-User-ID", alice));
    assertThat(forged.status()).isEqualTo(401);
  }

  @Test
  void an_owner_renames_changes_and_deletes_a_saved_search_and_a_deleted_one_matches_nothing() {
    String id = create(alice, "{\"name\": \"Cameras\", \"params\": {\"q\": \"camera\"}}");

    Response changed =
        call(
            "PUT",
            "/api/v1/search/saved-searches/" + id,
            alice,
            "{\"name\": \"Helmets\", \"params\": {\"q\": \"helmet\", \"condition\": [\"new\"]}}",
            Map.of());
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.json().path("params").path("condition").get(0).asString()).isEqualTo("new");
    publish("L-cam", "Film camera", List.of(5, 6), "50.00000000");
    assertThat(get(alice, id).json().path("newCount").asLong())
        .as("the old query is gone from the percolator")
        .isZero();

    assertThat(
            call("DELETE", "/api/v1/search/saved-searches/" + id, alice, null, Map.of()).status())
        .isEqualTo(204);
    assertThat(get(alice, id).status()).isEqualTo(404);
    publish("L-helmet", "Bike helmet", List.of(1, 2, 7), "20.00000000");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from saved_search_matches where listing_id = 'L-helmet'",
                Integer.class))
        .isZero();
  }

  @Test
  void bad_saved_searches_are_refused_and_nothing_is_kept() {
    assertThat(
            call(
                    "POST",
                    "/api/v1/search/saved-searches",
                    alice,
                    "{\"name\": \"\", \"params\": {}}",
                    Map.of())
                .status())
        .isEqualTo(400);
    Response badPrice =
        call(
            "POST",
            "/api/v1/search/saved-searches",
            alice,
            "{\"name\": \"x\", \"params\": {\"minPrice\": \"-5\"}}",
            Map.of());
    assertThat(badPrice.status()).isEqualTo(400);
    assertThat(badPrice.json().path("errors").get(0).path("field").asString())
        .isEqualTo("minPrice");
    assertThat(
            call(
                    "POST",
                    "/api/v1/search/saved-searches",
                    alice,
                    "{\"name\": \"x\", \"params\": {\"cursor\": \"abc\"}}",
                    Map.of())
                .status())
        .isEqualTo(400);
    assertThat(
            call(
                    "POST",
                    "/api/v1/search/saved-searches",
                    alice,
                    "{\"name\": \"x\", \"params\": {\"q\": {\"match_all\": {}}}}",
                    Map.of())
                .status())
        .isEqualTo(400);
    assertThat(
            call("GET", "/api/v1/search/saved-searches/not-a-uuid", alice, null, Map.of()).status())
        .isEqualTo(400);
    assertThat(
            call("GET", "/api/v1/search/saved-searches", alice, null, Map.of())
                .json()
                .path("items"))
        .isEmpty();
  }

  @Test
  void only_the_indexer_may_report_matches() {
    String id = create(alice, "{\"name\": \"Anything\", \"params\": {}}");
    String body =
        "{\"listingId\": \"L-x\", \"title\": \"x\", \"savedSearchIds\": [\"" + id + "\"]}";

    String matches = "/api/v1/search/internal/saved-search-matches";
    assertThat(call("POST", matches, null, body, Map.of()).status()).as("unsigned").isEqualTo(401);
    assertThat(
            call("POST", matches, null, body, Map.of("X-Caller-Service", "search-indexer"))
                .status())
        .as("a caller that only names itself, as the interim guard accepted")
        .isEqualTo(401);
    assertThat(
            call("POST", matches, null, body, signedAs(TestCallers.STRANGER, "POST", matches, body))
                .status())
        .as("a key search-service does not know")
        .isEqualTo(401);
    assertThat(
            call("POST", matches, null, body, signedAs("operator", "POST", matches, body)).status())
        .as("another known part's key")
        .isEqualTo(403);
    assertThat(
            call(
                    "POST",
                    "/api/v1/search/internal/reindex",
                    null,
                    null,
                    signedAs("search-indexer", "POST", "/api/v1/search/internal/reindex", null))
                .status())
        .as("the indexer may not rebuild the index")
        .isEqualTo(403);
    assertThat(get(alice, id).json().path("totalCount").asLong()).isZero();
    Response ok =
        call("POST", matches, null, body, signedAs("search-indexer", "POST", matches, body));
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().path("newMatches").asInt()).isEqualTo(1);
  }

  private String create(String user, String body) {
    Response r = call("POST", "/api/v1/search/saved-searches", user, body, Map.of());
    assertThat(r.status()).as(r.json().toString()).isEqualTo(201);
    return r.json().path("id").asString();
  }

  private Response get(String user, String id) {
    return call("GET", "/api/v1/search/saved-searches/" + id, user, null, Map.of());
  }

  private void publish(String id, String title, List<Integer> path, String price) {
    ObjectNode s =
        snapshot(
            id,
            title,
            path,
            "fixed",
            "new",
            price,
            null,
            Instant.now().plus(5, ChronoUnit.DAYS),
            Map.of());
    liveIndexer.onListing(s, true);
  }
}
