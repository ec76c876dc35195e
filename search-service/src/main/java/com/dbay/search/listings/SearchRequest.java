package com.dbay.search.listings;

import com.dbay.platform.money.Doge;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A listing search as the service understands it, parsed and checked from query parameters. Nothing
 * of it ever reaches OpenSearch as query text: each value becomes a term, a range bound or the text
 * of a match query. Anything it cannot serve is refused with {@link InvalidSearch}.
 *
 * <p>Parameters: {@code q}, {@code category}, {@code format} (auction|fixed), {@code condition}
 * (repeatable), {@code minPrice}/{@code maxPrice} (DOGE), {@code buyItNow=true}, {@code
 * endingWithin} (1h|1d|3d|7d), {@code spec.<Name>=<value>} (repeatable), {@code sort}, {@code size}
 * (1–60), {@code cursor}.
 */
public record SearchRequest(
    String q,
    String category,
    String format,
    SortedSet<String> conditions,
    Long minPriceKoinu,
    Long maxPriceKoinu,
    boolean buyItNowOnly,
    EndingWithin endingWithin,
    SortedMap<String, SortedSet<String>> specifics,
    SortOrder sort,
    int size,
    String cursor) {

  public static final int DEFAULT_SIZE = 24;
  public static final int MAX_SIZE = 60;
  static final int MAX_QUERY_LENGTH = 200;
  static final String SPEC_PREFIX = "spec.";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern CONDITION = Pattern.compile("[a-z][a-z-]{0,19}");
  private static final Set<String> SEARCH_PARAMS =
      Set.of(
          "q",
          "category",
          "format",
          "condition",
          "minPrice",
          "maxPrice",
          "buyItNow",
          "endingWithin",
          "sort",
          "size",
          "cursor");

  /** Saved searches keep what selects listings, not how a page of them is shown. */
  private static final Set<String> PAGING_PARAMS = Set.of("sort", "size", "cursor");

  /** Parses the parameters of {@code GET /api/v1/search/listings}. */
  public static SearchRequest fromQuery(Map<String, List<String>> params) {
    return parse(params, true);
  }

  /** Parses the filters of a saved search: the search parameters without sort, size or cursor. */
  public static SearchRequest fromSavedFilters(Map<String, List<String>> params) {
    return parse(params, false);
  }

  private static SearchRequest parse(Map<String, List<String>> params, boolean paging) {
    SortedMap<String, SortedSet<String>> specifics = new TreeMap<>();
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      String name = e.getKey();
      if (name.startsWith(SPEC_PREFIX)) {
        String specific = name.substring(SPEC_PREFIX.length()).trim();
        if (specific.isEmpty() || specific.length() > 60) {
          throw new InvalidSearch(name, "an item specific name has 1 to 60 characters");
        }
        SortedSet<String> values = specifics.computeIfAbsent(specific, k -> new TreeSet<>());
        for (String v : e.getValue()) {
          String value = v == null ? "" : v.trim();
          if (value.isEmpty() || value.length() > 100) {
            throw new InvalidSearch(name, "an item specific value has 1 to 100 characters");
          }
          values.add(value);
        }
        if (values.size() > 20) {
          throw new InvalidSearch(name, "at most 20 values");
        }
        continue;
      }
      if (!SEARCH_PARAMS.contains(name) || (!paging && PAGING_PARAMS.contains(name))) {
        throw new InvalidSearch(name, "unknown parameter");
      }
      if (!name.equals("condition") && e.getValue().size() > 1) {
        throw new InvalidSearch(name, "given more than once");
      }
    }
    if (specifics.size() > 10) {
      throw new InvalidSearch("spec", "at most 10 item specifics");
    }

    String q = single(params, "q");
    if (q != null) {
      q = q.strip().replaceAll("\\s+", " ");
      if (q.length() > MAX_QUERY_LENGTH) {
        throw new InvalidSearch("q", "at most " + MAX_QUERY_LENGTH + " characters");
      }
      if (q.isEmpty()) {
        q = null;
      }
    }
    String category = single(params, "category");
    if (category != null && !ID.matcher(category).matches()) {
      throw new InvalidSearch("category", "not a category id");
    }
    String format = single(params, "format");
    if (format != null && !format.equals("auction") && !format.equals("fixed")) {
      throw new InvalidSearch("format", "must be auction or fixed");
    }
    SortedSet<String> conditions = new TreeSet<>();
    for (String c : params.getOrDefault("condition", List.of())) {
      if (c == null || !CONDITION.matcher(c).matches()) {
        throw new InvalidSearch("condition", "not a condition: " + c);
      }
      conditions.add(c);
    }
    if (conditions.size() > 10) {
      throw new InvalidSearch("condition", "at most 10 conditions");
    }
    Long min = price(params, "minPrice");
    Long max = price(params, "maxPrice");
    if (min != null && max != null && min > max) {
      throw new InvalidSearch("minPrice", "must not be above maxPrice");
    }
    String bin = single(params, "buyItNow");
    if (bin != null && !bin.equals("true") && !bin.equals("false")) {
      throw new InvalidSearch("buyItNow", "must be true or false");
    }
    String ending = single(params, "endingWithin");
    String sortText = single(params, "sort");
    SortOrder sort = sortText == null ? SortOrder.RELEVANCE : SortOrder.parse(sortText);
    int size = DEFAULT_SIZE;
    String sizeText = single(params, "size");
    if (sizeText != null) {
      try {
        size = Integer.parseInt(sizeText);
      } catch (NumberFormatException e) {
        throw new InvalidSearch("size", "must be a whole number from 1 to " + MAX_SIZE);
      }
      if (size < 1 || size > MAX_SIZE) {
        throw new InvalidSearch("size", "must be a whole number from 1 to " + MAX_SIZE);
      }
    }
    String cursor = single(params, "cursor");
    if (cursor != null && (cursor.isEmpty() || cursor.length() > 1000)) {
      throw new InvalidSearch("cursor", "not a cursor of this search");
    }
    return new SearchRequest(
        q,
        category,
        format,
        Collections.unmodifiableSortedSet(conditions),
        min,
        max,
        "true".equals(bin),
        ending == null ? null : EndingWithin.parse(ending),
        Collections.unmodifiableSortedMap(specifics),
        sort,
        size,
        cursor);
  }

  private static String single(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static Long price(Map<String, List<String>> params, String name) {
    String text = single(params, name);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Doge.parse(text.trim()).koinu();
    } catch (IllegalArgumentException e) {
      throw new InvalidSearch(name, "not a DOGE amount (up to 8 decimal places, not negative)");
    }
  }

  /**
   * Everything that selects and orders the results, in a fixed order: the key of the result cache
   * (with the cursor) and what a cursor is bound to (without it).
   */
  public String canonical(boolean withCursor) {
    StringBuilder s = new StringBuilder("v1");
    s.append("|q=")
        .append(q == null ? "" : q)
        .append("|c=")
        .append(category == null ? "" : category)
        .append("|f=")
        .append(format == null ? "" : format)
        .append("|cond=")
        .append(String.join(",", conditions))
        .append("|min=")
        .append(minPriceKoinu == null ? "" : minPriceKoinu)
        .append("|max=")
        .append(maxPriceKoinu == null ? "" : maxPriceKoinu)
        .append("|bin=")
        .append(buyItNowOnly)
        .append("|end=")
        .append(endingWithin == null ? "" : endingWithin.param());
    specifics.forEach(
        (k, v) ->
            s.append("|spec.")
                .append(k.length())
                .append(':')
                .append(k)
                .append('=')
                .append(String.join("\u001f", v)));
    s.append("|sort=").append(sort.param()).append("|size=").append(size);
    if (withCursor) {
      s.append("|cursor=").append(cursor == null ? "" : cursor);
    }
    return s.toString();
  }

  /** The filters as query parameters again (what a saved search stores and shows). */
  public Map<String, List<String>> filterParams() {
    Map<String, List<String>> p = new TreeMap<>();
    if (q != null) {
      p.put("q", List.of(q));
    }
    if (category != null) {
      p.put("category", List.of(category));
    }
    if (format != null) {
      p.put("format", List.of(format));
    }
    if (!conditions.isEmpty()) {
      p.put("condition", new ArrayList<>(conditions));
    }
    if (minPriceKoinu != null) {
      p.put("minPrice", List.of(Doge.ofKoinu(minPriceKoinu).toString()));
    }
    if (maxPriceKoinu != null) {
      p.put("maxPrice", List.of(Doge.ofKoinu(maxPriceKoinu).toString()));
    }
    if (buyItNowOnly) {
      p.put("buyItNow", List.of("true"));
    }
    if (endingWithin != null) {
      p.put("endingWithin", List.of(endingWithin.param()));
    }
    specifics.forEach((k, v) -> p.put(SPEC_PREFIX + k, new ArrayList<>(v)));
    return p;
  }
}
