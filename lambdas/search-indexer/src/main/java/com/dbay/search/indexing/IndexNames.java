package com.dbay.search.indexing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where listings live in OpenSearch. Readers use the alias {@link #listings()}; a rebuild adds its
 * new index to {@link #building()} so that events arriving during the rebuild reach both, and the
 * indexer writes to every index behind either alias. The prefix lets a benchmark or a test keep
 * indices of its own.
 */
public record IndexNames(String prefix) {

  public static final IndexNames DEFAULT = new IndexNames("dbay-");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  public IndexNames {
    if (prefix == null || !prefix.matches("[a-z0-9][a-z0-9_-]{0,40}")) {
      throw new IllegalArgumentException(
          "index prefix must be lowercase letters, digits, - or _: " + prefix);
    }
  }

  public static IndexNames fromEnvironment() {
    String prefix = System.getenv("DBAY_SEARCH_INDEX_PREFIX");
    return prefix == null || prefix.isBlank() ? DEFAULT : new IndexNames(prefix);
  }

  /** The read alias: the one live listings index. */
  public String listings() {
    return prefix + "listings";
  }

  /** The alias of an index being rebuilt; it receives live events too until the swap. */
  public String building() {
    return prefix + "listings-building";
  }

  /** A fresh concrete listings index name. */
  public String newListingsIndex(Instant now) {
    return prefix + "listings-" + STAMP.format(now);
  }

  /** The pattern of concrete listings indices. */
  public String listingsPattern() {
    return prefix + "listings-*";
  }

  /** The percolator index: one stored query per saved search. */
  public String savedSearches() {
    return prefix + "saved-searches";
  }
}
