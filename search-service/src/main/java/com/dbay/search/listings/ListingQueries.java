package com.dbay.search.listings;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds OpenSearch query JSON from a checked {@link SearchRequest}. User text only ever becomes
 * the {@code query} string of a match query or a term value; the structure is always this class's
 * own.
 */
public final class ListingQueries {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final List<String> SOURCE =
      List.of(
          "listingId",
          "title",
          "priceKoinu",
          "format",
          "endsAt",
          "thumbnailUrl",
          "condition",
          "categoryId",
          "buyItNow",
          "buyItNowPriceKoinu",
          "bidCount",
          "sellerName",
          "shippingCostKoinu",
          "quantity",
          "startsAt");

  /** Price facet buckets, in DOGE. */
  static final long[] PRICE_EDGES = {10, 50, 100, 500, 1_000, 5_000, 10_000};

  private ListingQueries() {}

  /** The search body: query, sort, search_after, highlighting and aggregations. */
  public static ObjectNode search(SearchRequest r, JsonNode searchAfter) {
    ObjectNode body = NODES.objectNode();
    body.put("size", r.size());
    body.put("track_total_hits", true);
    ArrayNode source = body.putArray("_source");
    SOURCE.forEach(source::add);
    ObjectNode bool = body.putObject("query").putObject("bool");
    ArrayNode filter = bool.putArray("filter");
    filter.addObject().putObject("term").put("visible", true);
    // Ended listings leave by event; this hides one whose end passed well before its event arrived.
    // Rounded
    // down to the minute so OpenSearch can cache the filter (and an auction in its last minute
    // never drops early).
    ObjectNode open = filter.addObject().putObject("bool");
    open.putArray("should")
        .add(
            NODES
                .objectNode()
                .set(
                    "range",
                    NODES.objectNode().set("endsAt", NODES.objectNode().put("gte", "now/m"))))
        .add(
            NODES
                .objectNode()
                .set(
                    "bool",
                    NODES
                        .objectNode()
                        .set(
                            "must_not",
                            NODES
                                .objectNode()
                                .set("exists", NODES.objectNode().put("field", "endsAt")))));
    open.put("minimum_should_match", 1);
    addSelection(r, bool, filter, true);
    body.set("sort", sort(r));
    if (searchAfter != null) {
      body.set("search_after", searchAfter);
    }
    if (r.q() != null) {
      ObjectNode highlight = body.putObject("highlight");
      highlight.put("encoder", "html");
      highlight.putArray("pre_tags").add("<em>");
      highlight.putArray("post_tags").add("</em>");
      ObjectNode fields = highlight.putObject("fields");
      fields.putObject("title").put("number_of_fragments", 0);
      fields.putObject("description").put("fragment_size", 160).put("number_of_fragments", 1);
    }
    // Facets describe the whole result, so they come with the first page only; later pages skip the
    // work.
    if (searchAfter == null) {
      body.set("aggs", aggregations(r));
    }
    return body;
  }

  /**
   * The query a saved search stores in the percolator index: text and filters, nothing relative to
   * now.
   */
  public static ObjectNode percolatorQuery(SearchRequest r) {
    ObjectNode query = NODES.objectNode();
    ObjectNode bool = query.putObject("bool");
    ArrayNode filter = bool.putArray("filter");
    addSelection(r, bool, filter, false);
    if (filter.isEmpty() && !bool.has("must")) {
      bool.putArray("must").addObject().putObject("match_all");
    }
    return query;
  }

  /** The completion field of the listings index (only visible listings have it). */
  static final String COMPLETION_FIELD = "titleComplete";

  /**
   * As-you-type suggestions from the completion field: the titles of visible listings that start
   * with the prefix, or whose later words do. No hits, only the suggestion options with a small
   * {@code _source}.
   */
  public static ObjectNode completion(String prefix, int size) {
    ObjectNode body = NODES.objectNode();
    body.put("size", 0);
    body.putArray("_source").add("listingId").add("title");
    ObjectNode titles = body.putObject("suggest").putObject("titles");
    titles.put("prefix", prefix);
    ObjectNode completion = titles.putObject("completion");
    completion.put("field", COMPLETION_FIELD);
    completion.put("size", size);
    completion.put("skip_duplicates", true);
    return body;
  }

  /** As-you-type suggestions from the titles of visible listings (indices without completion). */
  public static ObjectNode suggest(String prefix, int size) {
    ObjectNode body = NODES.objectNode();
    body.put("size", size);
    body.putArray("_source").add("listingId").add("title");
    ObjectNode bool = body.putObject("query").putObject("bool");
    ObjectNode match = bool.putArray("must").addObject().putObject("multi_match");
    match.put("query", prefix);
    match.put("type", "bool_prefix");
    match.put("operator", "and");
    match
        .putArray("fields")
        .add("titleSuggest")
        .add("titleSuggest._2gram")
        .add("titleSuggest._3gram");
    bool.putArray("filter").addObject().putObject("term").put("visible", true);
    return body;
  }

  private static void addSelection(
      SearchRequest r, ObjectNode bool, ArrayNode filter, boolean timeRelative) {
    if (r.q() != null) {
      ObjectNode match = bool.putArray("must").addObject().putObject("multi_match");
      match.put("query", r.q());
      match.putArray("fields").add("title^3").add("itemSpecificsText^1.5").add("description");
      match.put("type", "best_fields");
      match.put("operator", "and");
      // Typo tolerance: one edit in words of 3-5 letters, two from 6; the first letter must be
      // right.
      match.put("fuzziness", "AUTO");
      match.put("prefix_length", 1);
      bool.putArray("should")
          .addObject()
          .putObject("match_phrase")
          .putObject("title")
          .put("query", r.q())
          .put("boost", 2);
    }
    if (r.category() != null) {
      filter.addObject().putObject("term").put("categoryPath", r.category());
    }
    if (r.format() != null) {
      filter.addObject().putObject("term").put("format", r.format());
    }
    if (!r.conditions().isEmpty()) {
      ArrayNode values = filter.addObject().putObject("terms").putArray("condition");
      r.conditions().forEach(values::add);
    }
    if (r.minPriceKoinu() != null || r.maxPriceKoinu() != null) {
      ObjectNode range = filter.addObject().putObject("range").putObject("priceKoinu");
      if (r.minPriceKoinu() != null) {
        range.put("gte", r.minPriceKoinu());
      }
      if (r.maxPriceKoinu() != null) {
        range.put("lte", r.maxPriceKoinu());
      }
    }
    if (r.buyItNowOnly()) {
      filter.addObject().putObject("term").put("buyItNow", true);
    }
    if (timeRelative && r.endingWithin() != null) {
      filter
          .addObject()
          .putObject("range")
          .putObject("endsAt")
          .put("lte", r.endingWithin().dateMath());
    }
    for (Map.Entry<String, SortedSet<String>> spec : r.specifics().entrySet()) {
      ObjectNode nested = filter.addObject().putObject("nested");
      nested.put("path", "itemSpecifics");
      ArrayNode inner = nested.putObject("query").putObject("bool").putArray("filter");
      inner.addObject().putObject("term").put("itemSpecifics.name", spec.getKey());
      ArrayNode values = inner.addObject().putObject("terms").putArray("itemSpecifics.value");
      spec.getValue().forEach(values::add);
    }
  }

  /** The sort of each order, always ending in the listing id so that search_after is exact. */
  static ArrayNode sort(SearchRequest r) {
    ArrayNode sort = NODES.arrayNode();
    SortOrder order =
        r.sort() == SortOrder.RELEVANCE && r.q() == null ? SortOrder.NEWLY_LISTED : r.sort();
    switch (order) {
      case RELEVANCE -> sort.addObject().putObject("_score").put("order", "desc");
      case ENDING_SOONEST ->
          sort.addObject().putObject("endsAt").put("order", "asc").put("missing", "_last");
      case NEWLY_LISTED ->
          sort.addObject().putObject("startsAt").put("order", "desc").put("missing", "_last");
      case PRICE_ASC ->
          sort.addObject().putObject("priceKoinu").put("order", "asc").put("missing", "_last");
      case PRICE_DESC ->
          sort.addObject().putObject("priceKoinu").put("order", "desc").put("missing", "_last");
    }
    sort.addObject().putObject("listingId").put("order", "asc");
    return sort;
  }

  private static ObjectNode aggregations(SearchRequest r) {
    ObjectNode aggs = NODES.objectNode();
    aggs.putObject("categories").putObject("terms").put("field", "categoryPath").put("size", 300);
    aggs.putObject("condition").putObject("terms").put("field", "condition").put("size", 20);
    aggs.putObject("format").putObject("terms").put("field", "format").put("size", 5);
    aggs.putObject("buyItNow").putObject("filter").putObject("term").put("buyItNow", true);
    aggs.putObject("priceStats").putObject("stats").put("field", "priceKoinu");
    ObjectNode priceRanges = aggs.putObject("priceRanges").putObject("range");
    priceRanges.put("field", "priceKoinu");
    ArrayNode ranges = priceRanges.putArray("ranges");
    long previous = 0;
    for (long edge : PRICE_EDGES) {
      ObjectNode range =
          ranges.addObject().put("key", previous + "-" + edge).put("to", edge * 100_000_000L);
      if (previous > 0) {
        range.put("from", previous * 100_000_000L);
      }
      previous = edge;
    }
    ranges.addObject().put("key", previous + "-").put("from", previous * 100_000_000L);
    ObjectNode ending = aggs.putObject("endingWithin").putObject("filters").putObject("filters");
    for (EndingWithin e : EndingWithin.values()) {
      ending.putObject(e.param()).putObject("range").putObject("endsAt").put("lte", e.dateMath());
    }
    if (r.category() != null) {
      ObjectNode specifics = aggs.putObject("specifics");
      specifics.putObject("nested").put("path", "itemSpecifics");
      ObjectNode names = specifics.putObject("aggs").putObject("names");
      names.putObject("terms").put("field", "itemSpecifics.name").put("size", 15);
      names
          .putObject("aggs")
          .putObject("values")
          .putObject("terms")
          .put("field", "itemSpecifics.value")
          .put("size", 15);
    }
    return aggs;
  }
}
