package com.dbay.search.indexing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one indexing code path, used by the {@code search-indexer} function for live events and by
 * search-service's rebuild for snapshots.
 *
 * <p>Ordering: listing snapshots carry listing-service's {@code version}, auction updates
 * auction-service's own. The two counters are unrelated, so one external version per document
 * cannot order both; instead each write is a scripted upsert that compares the version of its own
 * kind ({@code listingVersion} / {@code auctionVersion}) inside OpenSearch, atomically per
 * document, and turns an older or replayed event into a no-op. Derived fields (effective price,
 * end, Buy It Now availability, visibility) are recomputed in the same script, so it does not
 * matter which kind arrives first.
 */
public final class ListingIndexer {

  static final String LISTING_SCRIPT = resource("search-index/listing-upsert.painless");
  static final String AUCTION_SCRIPT = resource("search-index/auction-update.painless");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final OpenSearchHttp opensearch;
  private final IndexNames names;
  private final SavedSearchMatches matches;

  public ListingIndexer(OpenSearchHttp opensearch, IndexNames names, SavedSearchMatches matches) {
    this.opensearch = opensearch;
    this.names = names;
    this.matches = matches;
  }

  public IndexNames names() {
    return names;
  }

  /**
   * What one event did: {@code updated}, {@code created} or {@code noop} (stale or replayed), and
   * the saved searches it matched.
   */
  public record Outcome(
      String listingId, String result, boolean visible, List<String> matchedSavedSearches) {}

  /**
   * Applies a listing snapshot ({@code ListingPublished}, {@code ListingChanged}, {@code
   * ListingEnded}). When the listing is visible afterwards and {@code percolate} is set, the saved
   * searches matching its current state are reported (again on a replay: the report is idempotent,
   * and a retried event whose first attempt indexed but failed to report still reports).
   */
  public Outcome onListing(JsonNode snapshot, boolean percolate) {
    ListingDocument.Key key = ListingDocument.key(snapshot);
    ObjectNode body = listingUpsert(snapshot);
    JsonNode current = null;
    String result = null;
    for (String index : writeTargets()) {
      JsonNode reply = update(index, key.listingId(), body);
      if (current == null) {
        result = reply.path("result").asString();
        current = reply.path("get").path("_source");
      }
    }
    boolean visible = current != null && current.path("visible").asBoolean(false);
    List<String> matched = List.of();
    if (percolate && visible) {
      matched = percolate(current);
      matches.report(key.listingId(), current.path("title").asString(null), matched);
    }
    return new Outcome(key.listingId(), result, visible, matched);
  }

  /**
   * Applies an auction update ({@code {listingId, currentPrice, bidCount, endsAt, version}}, the
   * version being auction-service's sequence); {@code ended} for AuctionEnded.
   */
  public Outcome onAuction(JsonNode detail, boolean ended) {
    String id = ListingDocument.text(detail, "listingId");
    if (id == null || id.isBlank() || id.length() > 100) {
      throw new ListingDocument.InvalidEvent("auction event without a usable listingId");
    }
    // auction-service numbers every change of an auction: BidPlaced carries it as `sequence`,
    // AuctionExtended as `bySequence` (the bid that moved the end), AuctionEnded as `version`.
    JsonNode version = detail.path("version");
    if (version.isMissingNode()) {
      version = detail.has("sequence") ? detail.path("sequence") : detail.path("bySequence");
    }
    if (!version.isIntegralNumber() || version.asLong() < 0) {
      throw new ListingDocument.InvalidEvent(
          "auction event of " + id + " without a non-negative integer version");
    }
    ObjectNode params = NODES.objectNode();
    params.put("version", version.asLong());
    params.put("priceKoinu", ListingDocument.koinu(detail, "currentPrice"));
    JsonNode bids = detail.path("bidCount");
    if (bids.isIntegralNumber()) {
      params.put("bidCount", bids.asInt());
    } else {
      params.putNull("bidCount");
    }
    params.put("endsAt", ListingDocument.instant(detail, "endsAt"));
    JsonNode bin = detail.path("buyItNowAvailable");
    if (bin.isBoolean()) {
      params.put("buyItNowAvailable", bin.asBoolean());
    } else {
      params.putNull("buyItNowAvailable");
    }
    params.put("ended", ended);
    ObjectNode body = scripted(AUCTION_SCRIPT, params);
    JsonNode current = null;
    String result = null;
    for (String index : writeTargets()) {
      JsonNode reply = update(index, id, body);
      if (current == null) {
        result = reply.path("result").asString();
        current = reply.path("get").path("_source");
      }
    }
    return new Outcome(
        id, result, current != null && current.path("visible").asBoolean(false), List.of());
  }

  /**
   * Writes snapshots into one concrete index with the same scripted upsert as live events (used by
   * the rebuild).
   */
  public void bulk(String index, List<? extends JsonNode> snapshots) {
    if (snapshots.isEmpty()) {
      return;
    }
    StringBuilder ndjson = new StringBuilder();
    for (JsonNode snapshot : snapshots) {
      ListingDocument.Key key = ListingDocument.key(snapshot);
      ObjectNode action = NODES.objectNode();
      action
          .putObject("update")
          .put("_index", index)
          .put("_id", key.listingId())
          .put("retry_on_conflict", 5);
      ndjson
          .append(OpenSearchHttp.JSON.writeValueAsString(action))
          .append('\n')
          .append(OpenSearchHttp.JSON.writeValueAsString(listingUpsert(snapshot)))
          .append('\n');
    }
    JsonNode reply =
        opensearch.sendNdjson("_bulk", ndjson.toString()).orThrow("bulk into " + index).body();
    if (reply.path("errors").asBoolean(false)) {
      for (JsonNode item : reply.path("items")) {
        JsonNode error = item.path("update").path("error");
        if (!error.isMissingNode()) {
          throw new OpenSearchHttp.OpenSearchException(
              "bulk into "
                  + index
                  + " refused "
                  + item.path("update").path("_id").asString()
                  + ": "
                  + error);
        }
      }
    }
  }

  /** The saved searches (ids) whose stored query matches this document. */
  public List<String> percolate(JsonNode document) {
    ObjectNode query = NODES.objectNode();
    query.put("size", 1000);
    query.put("_source", false);
    query.putObject("query").putObject("percolate").put("field", "query").set("document", document);
    OpenSearchHttp.Reply reply = opensearch.send("POST", names.savedSearches() + "/_search", query);
    if (reply.status() == 404) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode hit : reply.orThrow("percolate").body().path("hits").path("hits")) {
      ids.add(hit.path("_id").asString());
    }
    return ids;
  }

  /**
   * Every concrete index behind the read alias or the rebuild alias. Looked up on each event (one
   * small request) rather than cached, so an event arriving just after a rebuild began is never
   * missed by the new index. Creates the first index when there is none yet, so events are not lost
   * before search-service first starts.
   */
  public List<String> writeTargets() {
    List<String> targets = targets();
    if (targets.isEmpty()) {
      ensureIndices();
      targets = targets();
    }
    if (targets.isEmpty()) {
      throw new IllegalStateException("no index behind alias " + names.listings());
    }
    return targets;
  }

  private List<String> targets() {
    OpenSearchHttp.Reply reply = opensearch.send("GET", names.listingsPattern() + "/_alias", null);
    if (reply.status() == 404) {
      return List.of();
    }
    List<String> live = new ArrayList<>();
    List<String> building = new ArrayList<>();
    for (Map.Entry<String, JsonNode> index : reply.orThrow("alias lookup").body().properties()) {
      JsonNode aliases = index.getValue().path("aliases");
      if (aliases.has(names.listings())) {
        live.add(index.getKey());
      } else if (aliases.has(names.building())) {
        building.add(index.getKey());
      }
    }
    live.addAll(building);
    return live;
  }

  /**
   * Creates the first listings index behind the read alias, and the saved-search percolator index,
   * if missing. The first index has a fixed name so that two parts creating it at once end with one
   * index.
   */
  public void ensureIndices() {
    if (targets().isEmpty()) {
      ObjectNode body = listingsIndexBody();
      body.putObject("aliases").putObject(names.listings());
      OpenSearchHttp.Reply reply =
          opensearch.send("PUT", names.prefix() + "listings-initial", body);
      if (!reply.ok() && !alreadyExists(reply)) {
        reply.orThrow("create listings index");
      }
    }
    if (opensearch.send("HEAD", names.savedSearches(), null).status() == 404) {
      OpenSearchHttp.Reply reply =
          opensearch.send("PUT", names.savedSearches(), savedSearchesIndexBody());
      if (!reply.ok() && !alreadyExists(reply)) {
        reply.orThrow("create saved-search index");
      }
    }
  }

  private static boolean alreadyExists(OpenSearchHttp.Reply reply) {
    return reply
        .body()
        .path("error")
        .path("type")
        .asString("")
        .equals("resource_already_exists_exception");
  }

  /** Settings and mappings of a listings index. */
  public static ObjectNode listingsIndexBody() {
    return (ObjectNode) OpenSearchHttp.JSON.readTree(resource("search-index/listings.json"));
  }

  /**
   * The percolator index: the listing fields (so stored queries parse against the same types and
   * analyzers) plus the query and its owner.
   */
  public static ObjectNode savedSearchesIndexBody() {
    ObjectNode body = listingsIndexBody();
    ((ObjectNode) body.path("settings")).remove("refresh_interval");
    ObjectNode properties = (ObjectNode) body.path("mappings").path("properties");
    // Suggestions are no saved-search criterion; a percolated document's completion inputs are
    // left unmapped (dynamic: false ignores them).
    properties.remove("titleComplete");
    properties.putObject("query").put("type", "percolator");
    properties.putObject("savedSearchId").put("type", "keyword");
    properties.putObject("userId").put("type", "keyword");
    return body;
  }

  private JsonNode update(String index, String id, ObjectNode body) {
    String path =
        index
            + "/_update/"
            + URLEncoder.encode(id, StandardCharsets.UTF_8)
            + "?retry_on_conflict=5&_source=true";
    return opensearch.send("POST", path, body).orThrow("update " + id + " in " + index).body();
  }

  static ObjectNode listingUpsert(JsonNode snapshot) {
    ObjectNode params = NODES.objectNode();
    params.put("version", ListingDocument.key(snapshot).version());
    params.set("doc", ListingDocument.fromSnapshot(snapshot));
    return scripted(LISTING_SCRIPT, params);
  }

  private static ObjectNode scripted(String source, ObjectNode params) {
    ObjectNode body = NODES.objectNode();
    body.put("scripted_upsert", true);
    ObjectNode script = body.putObject("script");
    script.put("lang", "painless");
    script.put("source", source);
    script.set("params", params);
    body.putObject("upsert");
    return body;
  }

  private static String resource(String name) {
    try (InputStream in = ListingIndexer.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
