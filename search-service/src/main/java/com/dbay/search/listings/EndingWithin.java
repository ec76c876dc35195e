package com.dbay.search.listings;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The "ending within" filter and facet buckets. */
public enum EndingWithin {
  HOUR("1h", Duration.ofHours(1)),
  DAY("1d", Duration.ofDays(1)),
  THREE_DAYS("3d", Duration.ofDays(3)),
  WEEK("7d", Duration.ofDays(7));

  private final String param;
  private final Duration duration;

  EndingWithin(String param, Duration duration) {
    this.param = param;
    this.duration = duration;
  }

  public String param() {
    return param;
  }

  /**
   * OpenSearch date math relative to now, rounded to the minute so the filter is cacheable, e.g.
   * {@code now+3600s/m}.
   */
  public String dateMath() {
    return "now+" + duration.toSeconds() + "s/m";
  }

  public static EndingWithin parse(String value) {
    return Arrays.stream(values())
        .filter(e -> e.param.equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidSearch(
                    "endingWithin",
                    "must be one of "
                        + Arrays.stream(values())
                            .map(EndingWithin::param)
                            .collect(Collectors.joining(", "))));
  }
}
