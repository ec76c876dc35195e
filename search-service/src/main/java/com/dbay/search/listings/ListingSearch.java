package com.dbay.search.listings;

import com.dbay.platform.money.Doge;
import com.dbay.platform.problem.DomainException;
import com.dbay.search.SearchProperties;
import com.dbay.search.category.CategoryNames;
import com.dbay.search.indexing.IndexNames;
import com.dbay.search.indexing.OpenSearchHttp;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.rubyeye.xmemcached.MemcachedClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs listing searches and suggestions against the read alias, with a short Memcached cache in
 * front.
 */
@Service
public class ListingSearch {

  private static final Logger log = LoggerFactory.getLogger(ListingSearch.class);

  /** A result and whether it came from the cache. */
  public record Answer<T>(T body, boolean cached) {}

  private record Cached(long storedAtMillis, String json) {}

  private final OpenSearchHttp opensearch;
  private final IndexNames names;
  private final CategoryNames categories;
  private final SearchCursor cursors;
  private final MemcachedClient memcached;
  private final JsonMapper json;
  private final long resultTtlMillis;
  private final long suggestTtlMillis;

  private final TitleSuggestions memory;
  private final TitleSuggestionFeed feed;

  /** Set once the live index turned out to predate the completion field. */
  private volatile boolean completionMissing;

  public ListingSearch(
      OpenSearchHttp opensearch,
      IndexNames names,
      CategoryNames categories,
      SearchCursor cursors,
      ObjectProvider<MemcachedClient> memcached,
      JsonMapper json,
      SearchProperties properties,
      TitleSuggestions memory,
      ObjectProvider<TitleSuggestionFeed> feed) {
    this.opensearch = opensearch;
    this.names = names;
    this.categories = categories;
    this.cursors = cursors;
    this.memcached = memcached.getIfAvailable();
    this.json = json;
    this.resultTtlMillis = properties.resultCacheTtl().toMillis();
    this.suggestTtlMillis = properties.suggestCacheTtl().toMillis();
    this.memory = memory;
    this.feed = feed.getIfAvailable();
  }

  public Answer<SearchResults> search(SearchRequest request) {
    // Checked before the cache, so a forged cursor is refused even when a cached page exists for
    // it.
    JsonNode after = request.cursor() == null ? null : cursors.decode(request);
    String key = "search:r:" + digest(names.listings() + "|" + request.canonical(true));
    SearchResults cached = fromCache(key, resultTtlMillis, SearchResults.class);
    if (cached != null) {
      return new Answer<>(cached, true);
    }
    JsonNode reply = query(names.listings() + "/_search", ListingQueries.search(request, after));
    SearchResults results = reply == null ? empty() : results(request, reply);
    // An empty answer is cheap to compute again and is the one a new listing changes first (a
    // shopper searching for it before it is indexed must not be told "nothing" for a whole TTL).
    if (!results.items().isEmpty()) {
      toCache(key, resultTtlMillis, results);
    }
    return new Answer<>(results, false);
  }

  public Answer<Suggestions> suggest(String prefix, int size) {
    if (feed != null && feed.ready()) {
      // Memory answers faster than a Memcached round trip would, so it sits in front of nothing.
      List<Suggestions.Suggestion> candidates = new ArrayList<>();
      for (TitleSuggestions.Match match : memory.suggest(prefix, size * 2)) {
        candidates.add(new Suggestions.Suggestion(match.title(), match.listingId()));
      }
      return new Answer<>(distinctTitles(candidates, size), false);
    }
    String key =
        "search:s:"
            + digest(
                names.listings() + "|" + size + "|" + prefix.toLowerCase(java.util.Locale.ROOT));
    Suggestions cached = fromCache(key, suggestTtlMillis, Suggestions.class);
    if (cached != null) {
      return new Answer<>(cached, true);
    }
    List<Suggestions.Suggestion> candidates = new ArrayList<>();
    for (JsonNode source : suggestionSources(prefix, size * 2)) {
      String title = source.path("title").asString(null);
      if (title != null) {
        candidates.add(new Suggestions.Suggestion(title, source.path("listingId").asString(null)));
      }
    }
    Suggestions suggestions = distinctTitles(candidates, size);
    if (!suggestions.suggestions().isEmpty()) {
      toCache(key, suggestTtlMillis, suggestions);
    }
    return new Answer<>(suggestions, false);
  }

  /** The first {@code size} candidates, one per title whatever its case. */
  private static Suggestions distinctTitles(List<Suggestions.Suggestion> candidates, int size) {
    List<Suggestions.Suggestion> list = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Suggestions.Suggestion candidate : candidates) {
      if (list.size() < size && seen.add(candidate.text().toLowerCase(java.util.Locale.ROOT))) {
        list.add(candidate);
      }
    }
    return new Suggestions(List.copyOf(list));
  }

  /**
   * The {@code _source} (listingId, title) of the listings to suggest, best first: from the
   * completion field (an in-memory prefix automaton, a millisecond or two), or, on an index made
   * before that field existed, from the slower {@code search_as_you_type} query until {@code ./dbay
   * reindex} has run.
   */
  private List<JsonNode> suggestionSources(String prefix, int size) {
    List<JsonNode> sources = new ArrayList<>();
    if (!completionMissing) {
      OpenSearchHttp.Reply reply;
      try {
        reply =
            opensearch.send(
                "POST", names.listings() + "/_search", ListingQueries.completion(prefix, size));
      } catch (UncheckedIOException e) {
        throw unavailable();
      }
      if (reply.status() == 404) {
        return sources;
      }
      if (reply.status() == 400
          && reply.body().toString().contains(ListingQueries.COMPLETION_FIELD)) {
        completionMissing = true;
        log.warn(
            "the listings index has no {} field (made by an older version); suggestions use the"
                + " slower query until `./dbay reindex` rebuilds it",
            ListingQueries.COMPLETION_FIELD);
      } else {
        JsonNode body = query(reply);
        for (JsonNode option : body.path("suggest").path("titles").path(0).path("options")) {
          sources.add(option.path("_source"));
        }
        return sources;
      }
    }
    JsonNode reply = query(names.listings() + "/_search", ListingQueries.suggest(prefix, size));
    if (reply != null) {
      for (JsonNode hit : reply.path("hits").path("hits")) {
        sources.add(hit.path("_source"));
      }
    }
    return sources;
  }

  /**
   * OpenSearch's answer, or null when the index does not exist yet (nothing indexed: an empty
   * result).
   */
  private JsonNode query(String path, JsonNode body) {
    OpenSearchHttp.Reply reply;
    try {
      reply = opensearch.send("POST", path, body);
    } catch (UncheckedIOException e) {
      throw unavailable();
    }
    if (reply.status() == 404) {
      return null;
    }
    return query(reply);
  }

  private JsonNode query(OpenSearchHttp.Reply reply) {
    if (reply.status() == 400) {
      // Our own query was refused: a defect here, never the caller's input as such, but not worth a
      // 500 page either.
      log.error("OpenSearch refused a generated query: {}", reply.body().path("error"));
      throw new InvalidSearch("q", "this search cannot be run");
    }
    if (!reply.ok()) {
      log.warn("OpenSearch answered {}: {}", reply.status(), reply.body().path("error"));
      throw unavailable();
    }
    return reply.body();
  }

  private static DomainException unavailable() {
    return new DomainException(
        DomainException.Kind.UNAVAILABLE,
        "service-unavailable",
        "Search is not available at the moment; try again shortly.");
  }

  private static SearchResults empty() {
    return new SearchResults(
        List.of(),
        new SearchResults.Facets(
            List.of(),
            new SearchResults.PriceFacet(null, null, List.of()),
            List.of(),
            List.of(),
            0,
            List.of(),
            List.of()),
        0,
        null,
        0);
  }

  private SearchResults results(SearchRequest request, JsonNode reply) {
    List<SearchResults.Item> items = new ArrayList<>();
    JsonNode hits = reply.path("hits").path("hits");
    for (JsonNode hit : hits) {
      items.add(item(hit));
    }
    String next = null;
    if (hits.size() == request.size()) {
      next = cursors.encode(request, hits.get(hits.size() - 1).path("sort"));
    }
    return new SearchResults(
        items,
        request.cursor() == null ? facets(reply.path("aggregations")) : null,
        reply.path("hits").path("total").path("value").asLong(),
        next,
        reply.path("took").asLong());
  }

  private static SearchResults.Item item(JsonNode hit) {
    JsonNode s = hit.path("_source");
    Map<String, String> highlights = null;
    JsonNode hl = hit.path("highlight");
    if (hl.isObject() && !hl.isEmpty()) {
      highlights = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : hl.properties()) {
        highlights.put(e.getKey(), e.getValue().path(0).asString());
      }
    }
    return new SearchResults.Item(
        s.path("listingId").asString(hit.path("_id").asString()),
        s.path("title").asString(null),
        doge(s.path("priceKoinu")),
        s.path("format").asString(null),
        instant(s.path("endsAt")),
        s.path("thumbnailUrl").asString(null),
        s.path("condition").asString(null),
        s.path("categoryId").asString(null),
        s.path("buyItNow").asBoolean(false),
        doge(s.path("buyItNowPriceKoinu")),
        s.path("bidCount").isNumber() ? s.path("bidCount").asInt() : null,
        s.path("sellerName").asString(null),
        doge(s.path("shippingCostKoinu")),
        s.path("quantity").isNumber() ? s.path("quantity").asInt() : null,
        instant(s.path("startsAt")),
        highlights);
  }

  private SearchResults.Facets facets(JsonNode aggs) {
    Map<String, Long> categoryCounts = new HashMap<>();
    for (JsonNode b : aggs.path("categories").path("buckets")) {
      categoryCounts.put(b.path("key").asString(), b.path("doc_count").asLong());
    }
    JsonNode stats = aggs.path("priceStats");
    List<SearchResults.PriceRange> ranges = new ArrayList<>();
    for (JsonNode b : aggs.path("priceRanges").path("buckets")) {
      if (b.path("doc_count").asLong() > 0) {
        ranges.add(
            new SearchResults.PriceRange(
                doge(b.path("from")), doge(b.path("to")), b.path("doc_count").asLong()));
      }
    }
    List<SearchResults.ValueCount> ending = new ArrayList<>();
    for (EndingWithin e : EndingWithin.values()) {
      ending.add(
          new SearchResults.ValueCount(
              e.param(),
              aggs.path("endingWithin")
                  .path("buckets")
                  .path(e.param())
                  .path("doc_count")
                  .asLong()));
    }
    List<SearchResults.SpecificFacet> specifics = new ArrayList<>();
    for (JsonNode name : aggs.path("specifics").path("names").path("buckets")) {
      specifics.add(
          new SearchResults.SpecificFacet(name.path("key").asString(), terms(name.path("values"))));
    }
    return new SearchResults.Facets(
        categoryTree(categoryCounts),
        new SearchResults.PriceFacet(
            stats.path("count").asLong() > 0 ? doge(stats.path("min")) : null,
            stats.path("count").asLong() > 0 ? doge(stats.path("max")) : null,
            ranges),
        terms(aggs.path("condition")),
        terms(aggs.path("format")),
        aggs.path("buyItNow").path("doc_count").asLong(),
        ending,
        specifics);
  }

  private static List<SearchResults.ValueCount> terms(JsonNode agg) {
    List<SearchResults.ValueCount> list = new ArrayList<>();
    for (JsonNode b : agg.path("buckets")) {
      list.add(
          new SearchResults.ValueCount(b.path("key").asString(), b.path("doc_count").asLong()));
    }
    return list;
  }

  /**
   * The categories of the hits as a tree (roots first), each with the number of hits in it or below
   * it.
   */
  private List<SearchResults.CategoryCount> categoryTree(Map<String, Long> counts) {
    if (counts.isEmpty()) {
      return List.of();
    }
    Map<String, CategoryNames.Category> known = categories.all();
    Map<String, List<String>> children = new HashMap<>();
    List<String> roots = new ArrayList<>();
    for (String id : counts.keySet()) {
      CategoryNames.Category c = known.get(id);
      String parent = c == null ? null : c.parentId();
      if (parent != null && counts.containsKey(parent)) {
        children.computeIfAbsent(parent, k -> new ArrayList<>()).add(id);
      } else {
        roots.add(id);
      }
    }
    return build(roots, counts, children, known);
  }

  private List<SearchResults.CategoryCount> build(
      List<String> ids,
      Map<String, Long> counts,
      Map<String, List<String>> children,
      Map<String, CategoryNames.Category> known) {
    List<SearchResults.CategoryCount> list = new ArrayList<>();
    for (String id : ids) {
      CategoryNames.Category c = known.get(id);
      list.add(
          new SearchResults.CategoryCount(
              id,
              c == null ? id : c.name(),
              counts.get(id),
              build(children.getOrDefault(id, List.of()), counts, children, known)));
    }
    list.sort(
        Comparator.comparingLong(SearchResults.CategoryCount::count)
            .reversed()
            .thenComparing(SearchResults.CategoryCount::name));
    return list;
  }

  private static String doge(JsonNode koinu) {
    if (!koinu.isNumber()) {
      return null;
    }
    return Doge.ofKoinu(koinu.asLong()).toString();
  }

  private static Instant instant(JsonNode node) {
    String text = node.asString(null);
    return text == null ? null : Instant.parse(text);
  }

  private <T> T fromCache(String key, long ttlMillis, Class<T> type) {
    if (memcached == null || ttlMillis <= 0) {
      return null;
    }
    try {
      String value = memcached.get(key);
      if (value == null) {
        return null;
      }
      int bar = value.indexOf('|');
      long storedAt = Long.parseLong(value.substring(0, bar));
      // Memcached expires in whole seconds; the age check keeps a sub-second TTL exact.
      if (System.currentTimeMillis() - storedAt > ttlMillis) {
        return null;
      }
      return json.readValue(value.substring(bar + 1), type);
    } catch (Exception e) {
      log.debug("search cache read failed: {}", e.getMessage());
      return null;
    }
  }

  private void toCache(String key, long ttlMillis, Object value) {
    if (memcached == null || ttlMillis <= 0) {
      return;
    }
    try {
      int seconds = (int) Math.max(1, (ttlMillis + 999) / 1000);
      memcached.setWithNoReply(
          key, seconds, System.currentTimeMillis() + "|" + json.writeValueAsString(value));
    } catch (Exception e) {
      log.debug("search cache write failed: {}", e.getMessage());
    }
  }

  private static String digest(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
