package com.dbay.search.listings;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /api/v1/search/listings} (DESIGN §3): items, facets, total and the next
 * cursor. {@code facets} describe the whole result and come with the first page; pages fetched with
 * a cursor leave them out. {@code took} is OpenSearch's own time for the query, in ms.
 */
public record SearchResults(
    List<Item> items,
    @JsonInclude(JsonInclude.Include.NON_NULL) Facets facets,
    long total,
    String nextCursor,
    long took) {

  /**
   * One hit. Prices are DOGE strings. {@code highlights} hold HTML-escaped text in which only
   * {@code <em>} marks the matched words, so a client may render exactly these fields as HTML.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Item(
      String id,
      String title,
      String price,
      String format,
      Instant endsAt,
      String thumbnailUrl,
      String condition,
      String categoryId,
      boolean buyItNow,
      String buyItNowPrice,
      Integer bidCount,
      String sellerName,
      String shippingCost,
      Integer quantity,
      Instant startsAt,
      Map<String, String> highlights) {}

  public record Facets(
      List<CategoryCount> categories,
      PriceFacet price,
      List<ValueCount> condition,
      List<ValueCount> format,
      long buyItNow,
      List<ValueCount> endingWithin,
      List<SpecificFacet> itemSpecifics) {}

  public record CategoryCount(String id, String name, long count, List<CategoryCount> children) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PriceFacet(String min, String max, List<PriceRange> ranges) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PriceRange(String from, String to, long count) {}

  public record ValueCount(String value, long count) {}

  public record SpecificFacet(String name, List<ValueCount> values) {}
}
