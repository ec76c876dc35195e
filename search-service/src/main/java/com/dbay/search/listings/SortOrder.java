package com.dbay.search.listings;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The orders a result list can take, by their names in {@code sort=}. */
public enum SortOrder {
  RELEVANCE("relevance"),
  ENDING_SOONEST("ending_soonest"),
  NEWLY_LISTED("newly_listed"),
  PRICE_ASC("price_asc"),
  PRICE_DESC("price_desc");

  private final String param;

  SortOrder(String param) {
    this.param = param;
  }

  public String param() {
    return param;
  }

  public static SortOrder parse(String value) {
    return Arrays.stream(values())
        .filter(s -> s.param.equals(value))
        .findFirst()
        .orElseThrow(() -> new InvalidSearch("sort", "must be one of " + allowed()));
  }

  static String allowed() {
    return Arrays.stream(values()).map(SortOrder::param).collect(Collectors.joining(", "));
  }
}
