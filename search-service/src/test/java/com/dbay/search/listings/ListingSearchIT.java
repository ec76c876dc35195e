package com.dbay.search.listings;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.search.SearchServiceIT;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET /api/v1/search/listings} and {@code /suggest} over a small real index. */
class ListingSearchIT extends SearchServiceIT {

  private final Instant now = Instant.now();

  @BeforeEach
  void fiveListings() {
    emptyIndices();
    index(
        snapshot(
            "L-road",
            "Red racing bike, Shimano gears",
            List.of(1, 2, 3),
            "auction",
            "used",
            "120.00000000",
            "400.00000000",
            now.plus(2, ChronoUnit.HOURS),
            Map.of("Brand", "Shimano", "Colour", "Red")));
    index(
        snapshot(
            "L-mtb",
            "Blue mountain bike",
            List.of(1, 2, 4),
            "fixed",
            "new",
            "300.00000000",
            null,
            now.plus(10, ChronoUnit.DAYS),
            Map.of("Brand", "Trek", "Colour", "Blue")));
    index(
        snapshot(
            "L-cam",
            "Vintage film camera",
            List.of(5, 6),
            "auction",
            "used",
            "45.00000000",
            null,
            now.plus(30, ChronoUnit.MINUTES),
            Map.of("Brand", "Canon")));
    index(
        snapshot(
            "L-helmet",
            "Bike helmet, size M",
            List.of(1, 2, 7),
            "fixed",
            "new",
            "25.00000000",
            null,
            now.plus(20, ChronoUnit.DAYS),
            Map.of("Brand", "Giro")));
    ObjectNode ended =
        snapshot(
            "L-old",
            "Old road bike",
            List.of(1, 2, 3),
            "auction",
            "used",
            "80.00000000",
            null,
            now.plus(1, ChronoUnit.HOURS),
            Map.of("Brand", "Shimano"));
    ended.put("status", "ended");
    index(ended);
    refresh();
  }

  @Test
  void a_misspelled_word_finds_the_listing_with_the_match_highlighted() {
    Response r = get("/api/v1/search/listings?q=bikke");

    assertThat(r.status()).isEqualTo(200);
    assertThat(ids(r)).containsExactlyInAnyOrder("L-road", "L-mtb", "L-helmet");
    JsonNode road = item(r, "L-road");
    assertThat(road.path("highlights").path("title").asString()).contains("<em>bike</em>");
    assertThat(road.path("price").asString()).isEqualTo("120.00000000");
    assertThat(road.path("format").asString()).isEqualTo("auction");
    assertThat(road.path("thumbnailUrl").asString())
        .isEqualTo("https://img.dbay.dev/L-road/300.jpg");
    assertThat(road.path("endsAt").asString()).isNotBlank();
    assertThat(r.json().path("total").asLong()).isEqualTo(3);
  }

  @Test
  void an_ended_listing_never_appears() {
    assertThat(ids(get("/api/v1/search/listings?q=old+road+bike"))).doesNotContain("L-old");
    assertThat(ids(get("/api/v1/search/listings"))).hasSize(4).doesNotContain("L-old");
  }

  @Test
  void facets_count_the_category_tree_with_names_conditions_formats_prices_and_endings() {
    JsonNode facets = get("/api/v1/search/listings?q=bike").json().path("facets");

    JsonNode sports = facets.path("categories").get(0);
    assertThat(sports.path("name").asString()).isEqualTo("Sports");
    assertThat(sports.path("count").asLong()).isEqualTo(3);
    JsonNode cycling = sports.path("children").get(0);
    assertThat(cycling.path("name").asString()).isEqualTo("Cycling");
    assertThat(cycling.path("children")).hasSize(3);
    assertThat(counts(facets.path("condition"))).containsEntry("new", 2L).containsEntry("used", 1L);
    assertThat(counts(facets.path("format")))
        .containsEntry("fixed", 2L)
        .containsEntry("auction", 1L);
    assertThat(facets.path("buyItNow").asLong())
        .as("the auction with BIN and the two fixed-price listings")
        .isEqualTo(3);
    assertThat(facets.path("price").path("min").asString()).isEqualTo("25.00000000");
    assertThat(facets.path("price").path("max").asString()).isEqualTo("300.00000000");
    assertThat(counts(facets.path("endingWithin")))
        .containsEntry("1h", 0L)
        .containsEntry("1d", 1L)
        .containsEntry("7d", 1L);
    assertThat(facets.path("itemSpecifics")).as("only for a chosen category").isEmpty();
  }

  @Test
  void a_chosen_category_filters_by_its_subtree_and_offers_its_item_specifics() {
    Response r = get("/api/v1/search/listings?category=2");

    assertThat(ids(r)).containsExactlyInAnyOrder("L-road", "L-mtb", "L-helmet");
    JsonNode specifics = r.json().path("facets").path("itemSpecifics");
    JsonNode brand = null;
    for (JsonNode s : specifics) {
      if (s.path("name").asString().equals("Brand")) {
        brand = s;
      }
    }
    assertThat(brand).isNotNull();
    assertThat(counts(brand.path("values"))).containsOnlyKeys("Shimano", "Trek", "Giro");

    assertThat(ids(get("/api/v1/search/listings?category=2&spec.Brand=Trek&spec.Brand=Giro")))
        .containsExactlyInAnyOrder("L-mtb", "L-helmet");
    assertThat(ids(get("/api/v1/search/listings?category=2&spec.Brand=Trek&spec.Colour=Red")))
        .isEmpty();
  }

  @Test
  void filters_narrow_by_format_condition_price_buy_it_now_and_ending_time() {
    assertThat(ids(get("/api/v1/search/listings?format=auction")))
        .containsExactlyInAnyOrder("L-road", "L-cam");
    assertThat(ids(get("/api/v1/search/listings?condition=new")))
        .containsExactlyInAnyOrder("L-mtb", "L-helmet");
    assertThat(ids(get("/api/v1/search/listings?minPrice=40&maxPrice=150")))
        .containsExactlyInAnyOrder("L-road", "L-cam");
    assertThat(ids(get("/api/v1/search/listings?buyItNow=true")))
        .containsExactlyInAnyOrder("L-road", "L-mtb", "L-helmet");
    assertThat(ids(get("/api/v1/search/listings?endingWithin=1h"))).containsExactly("L-cam");
  }

  @Test
  void sorts_by_price_either_way_by_ending_soonest_and_by_newly_listed() {
    assertThat(ids(get("/api/v1/search/listings?sort=price_asc")))
        .containsExactly("L-helmet", "L-cam", "L-road", "L-mtb");
    assertThat(ids(get("/api/v1/search/listings?sort=price_desc")))
        .containsExactly("L-mtb", "L-road", "L-cam", "L-helmet");
    assertThat(ids(get("/api/v1/search/listings?sort=ending_soonest")))
        .containsExactly("L-cam", "L-road", "L-mtb", "L-helmet");
    assertThat(get("/api/v1/search/listings?sort=newly_listed").status()).isEqualTo(200);
    assertThat(get("/api/v1/search/listings?q=bike&sort=relevance").status()).isEqualTo(200);
  }

  @Test
  void a_cursor_walks_every_result_once_and_only_for_its_own_search() {
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Response page =
          get(
              "/api/v1/search/listings?sort=price_asc&size=3"
                  + (cursor == null ? "" : "&cursor=" + enc(cursor)));
      assertThat(page.status()).as(page.json().toString()).isEqualTo(200);
      seen.addAll(ids(page));
      assertThat(page.json().has("nextCursor"))
          .as("nextCursor is always there, null on the last page")
          .isTrue();
      assertThat(page.json().has("facets"))
          .as("facets come with the first page only")
          .isEqualTo(cursor == null);
      cursor =
          page.json().path("nextCursor").isNull()
              ? null
              : page.json().path("nextCursor").asString();
      pages++;
    } while (cursor != null && pages < 5);
    assertThat(seen).containsExactly("L-helmet", "L-cam", "L-road", "L-mtb");

    String first =
        get("/api/v1/search/listings?sort=price_asc&size=2").json().path("nextCursor").asString();
    Response other = get("/api/v1/search/listings?sort=price_desc&size=2&cursor=" + enc(first));
    assertThat(other.status()).isEqualTo(400);
    assertThat(other.json().path("errors").get(0).path("field").asString()).isEqualTo("cursor");
    String forged =
        first.substring(0, first.indexOf('.') - 2) + "AA" + first.substring(first.indexOf('.'));
    assertThat(get("/api/v1/search/listings?sort=price_asc&size=2&cursor=" + enc(forged)).status())
        .isEqualTo(400);
    assertThat(get("/api/v1/search/listings?cursor=not-a-cursor").status()).isEqualTo(400);
  }

  @Test
  void queries_it_cannot_serve_are_400_problems_naming_the_parameter() {
    assertProblem("/api/v1/search/listings?sort=cheapest", "sort");
    assertProblem("/api/v1/search/listings?size=1000", "size");
    assertProblem("/api/v1/search/listings?size=ten", "size");
    assertProblem("/api/v1/search/listings?minPrice=100&maxPrice=10", "minPrice");
    assertProblem("/api/v1/search/listings?minPrice=-1", "minPrice");
    assertProblem("/api/v1/search/listings?maxPrice=1e5", "maxPrice");
    assertProblem("/api/v1/search/listings?format=lottery", "format");
    assertProblem("/api/v1/search/listings?endingWithin=forever", "endingWithin");
    assertProblem("/api/v1/search/listings?category=" + enc("1\" OR 1"), "category");
    assertProblem("/api/v1/search/listings?q=" + "a".repeat(201), "q");
    assertProblem("/api/v1/search/listings?query=bike", "query");
    assertProblem("/api/v1/search/listings?sort=price_asc&sort=price_desc", "sort");
  }

  @Test
  void query_dsl_typed_into_the_search_box_is_only_text() {
    Response r = get("/api/v1/search/listings?q=" + enc("{\"match_all\": {}}"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(ids(r)).isEmpty();
    Response star = get("/api/v1/search/listings?q=" + enc("title:* OR *"));
    assertThat(star.status()).isEqualTo(200);
    assertThat(ids(star)).isEmpty();
  }

  @Test
  void suggestions_complete_what_was_typed_from_visible_titles() {
    Response r = get("/api/v1/search/suggest?q=red+rac");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("suggestions").get(0).path("text").asString())
        .isEqualTo("Red racing bike, Shimano gears");
    assertThat(r.json().path("suggestions").get(0).path("listingId").asString())
        .isEqualTo("L-road");
    List<String> old = new ArrayList<>();
    get("/api/v1/search/suggest?q=old+ro")
        .json()
        .path("suggestions")
        .forEach(s -> old.add(s.path("text").asString()));
    assertThat(old).doesNotContain("Old road bike");
    assertThat(get("/api/v1/search/suggest?q=").status()).isEqualTo(400);
    assertThat(get("/api/v1/search/suggest?q=bike&size=500").status()).isEqualTo(400);
  }

  @Test
  void suggestions_start_at_any_word_of_a_title_and_leave_out_an_auction_once_it_ended() {
    assertThat(suggested("mount")).containsExactly("Blue mountain bike");
    assertThat(suggested("film ca")).containsExactly("Vintage film camera");
    assertThat(suggested("bike")).contains("Bike helmet, size M", "Blue mountain bike");
    assertThat(suggested("bike").get(0))
        .as("a title that starts with the words ranks before one that has them later")
        .isEqualTo("Bike helmet, size M");

    indexer.onAuction(
        tools.jackson.databind.json.JsonMapper.builder()
            .build()
            .readTree("{\"listingId\": \"L-cam\", \"version\": 5}"),
        true);
    refresh();

    assertThat(suggested("vintage")).isEmpty();
    assertThat(suggested("film")).isEmpty();
  }

  @Test
  void an_empty_answer_is_not_cached_so_a_listing_is_found_as_soon_as_it_is_indexed() {
    String path = "/api/v1/search/listings?q=gramophone";
    assertThat(ids(get(path))).isEmpty();
    assertThat(get(path).header("X-Cache")).isEqualTo("miss");
    assertThat(suggested("gramo")).isEmpty();

    index(
        snapshot(
            "L-gramophone",
            "Gramophone with brass horn",
            List.of(5, 6),
            "fixed",
            "used",
            "90.00000000",
            null,
            now.plus(5, ChronoUnit.DAYS),
            Map.of("Brand", "HMV")));
    refresh();

    assertThat(ids(get(path))).containsExactly("L-gramophone");
    assertThat(suggested("gramo")).containsExactly("Gramophone with brass horn");
  }

  @Test
  void suggestions_from_memory_are_the_ones_the_index_completion_field_gives() {
    index(
        snapshot(
            "L-cafe",
            "Café racer helmet, size L",
            List.of(1, 2, 7),
            "fixed",
            "new",
            "60.00000000",
            null,
            now.plus(3, ChronoUnit.DAYS),
            Map.of("Brand", "Bell")));
    refresh();

    for (String typed :
        List.of("b", "bi", "bike", "bike h", "red rac", "cafe", "CAFÉ R", "size", "mount", "zz")) {
      List<String> fromIndex = new ArrayList<>();
      OPENSEARCH
          .send("POST", names.listings() + "/_search", ListingQueries.completion(typed, 10))
          .orThrow("completion")
          .body()
          .path("suggest")
          .path("titles")
          .path(0)
          .path("options")
          .forEach(o -> fromIndex.add(o.path("_source").path("title").asString()));
      assertThat(suggested(typed)).as(typed).containsExactlyInAnyOrderElementsOf(fromIndex);
    }
  }

  @Test
  void a_new_title_is_suggested_by_the_feed_on_its_own_within_two_seconds() throws Exception {
    index(
        snapshot(
            "L-theremin",
            "Theremin kit, wooden case",
            List.of(5, 6),
            "fixed",
            "new",
            "150.00000000",
            null,
            now.plus(3, ChronoUnit.DAYS),
            Map.of("Brand", "Moog")));
    OPENSEARCH.send("POST", names.listings() + "/_refresh", null).orThrow("refresh");

    long deadline = System.nanoTime() + 2_000_000_000L;
    while (suggested("theremin").isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(suggested("theremin")).containsExactly("Theremin kit, wooden case");
  }

  private List<String> suggested(String prefix) {
    List<String> texts = new ArrayList<>();
    get("/api/v1/search/suggest?q=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8))
        .json()
        .path("suggestions")
        .forEach(s -> texts.add(s.path("text").asString()));
    return texts;
  }

  @Test
  void a_repeated_search_is_answered_from_memcached_and_an_edit_shows_once_the_cache_expires()
      throws Exception {
    String path = "/api/v1/search/listings?q=vintage+camera&size=5";
    assertThat(get(path).header("X-Cache")).isEqualTo("miss");
    assertThat(get(path).header("X-Cache")).isEqualTo("hit");

    ObjectNode edited =
        snapshot(
            "L-cam",
            "Vintage film camera with lens",
            List.of(5, 6),
            "auction",
            "used",
            "45.00000000",
            null,
            now.plus(30, ChronoUnit.MINUTES),
            Map.of("Brand", "Canon"));
    edited.put("version", 2);
    indexer.onListing(edited, false);
    long deadline = System.currentTimeMillis() + 3000;
    String title = null;
    while (System.currentTimeMillis() < deadline) {
      title = item(get(path), "L-cam").path("title").asString();
      if (title.endsWith("with lens")) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(title).isEqualTo("Vintage film camera with lens");
  }

  @Test
  void an_auction_price_move_reorders_the_price_sort() {
    indexer.onAuction(
        tools.jackson.databind.json.JsonMapper.builder()
            .build()
            .readTree(
                "{\"listingId\": \"L-cam\", \"currentPrice\": \"500.00000000\", \"bidCount\": 4, \"version\": 3}"),
        false);
    refresh();

    assertThat(ids(get("/api/v1/search/listings?sort=price_desc&size=10")))
        .containsExactly("L-cam", "L-mtb", "L-road", "L-helmet");
    assertThat(
            item(get("/api/v1/search/listings?sort=price_desc&size=1"), "L-cam")
                .path("bidCount")
                .asInt())
        .isEqualTo(4);
  }

  private void assertProblem(String path, String field) {
    Response r = get(path);
    assertThat(r.status()).as(path).isEqualTo(400);
    assertThat(r.contentType()).isEqualTo("application/problem+json");
    assertThat(r.json().path("errors").get(0).path("field").asString()).as(path).isEqualTo(field);
  }

  private void index(ObjectNode snapshot) {
    indexer.onListing(snapshot, false);
  }

  private static List<String> ids(Response r) {
    assertThat(r.status()).as(r.json().toString()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    r.json().path("items").forEach(i -> ids.add(i.path("id").asString()));
    return ids;
  }

  private static JsonNode item(Response r, String id) {
    for (JsonNode i : r.json().path("items")) {
      if (i.path("id").asString().equals(id)) {
        return i;
      }
    }
    throw new AssertionError(id + " not in " + r.json());
  }

  private static Map<String, Long> counts(JsonNode buckets) {
    Map<String, Long> counts = new java.util.HashMap<>();
    buckets.forEach(b -> counts.put(b.path("value").asString(), b.path("count").asLong()));
    return counts;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
