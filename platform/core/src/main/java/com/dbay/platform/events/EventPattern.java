package com.dbay.platform.events;

import java.util.Set;

/**
 * Which events a subscriber wants, matched like an EventBridge rule pattern {@code {"source":
 * [...], "detail-type": [...]}}: an event matches when its source is one of the listed sources and
 * its detail-type one of the listed types; an empty list matches anything.
 */
public record EventPattern(Set<String> sources, Set<String> detailTypes) {

  public EventPattern {
    sources = sources == null ? Set.of() : Set.copyOf(sources);
    detailTypes = detailTypes == null ? Set.of() : Set.copyOf(detailTypes);
  }

  public static EventPattern any() {
    return new EventPattern(Set.of(), Set.of());
  }

  public static EventPattern source(String... sources) {
    return new EventPattern(Set.of(sources), Set.of());
  }

  /** Same sources, restricted to these detail types. */
  public EventPattern detailType(String... types) {
    return new EventPattern(sources, Set.of(types));
  }

  public boolean matches(EventEnvelope event) {
    return (sources.isEmpty() || sources.contains(event.source()))
        && (detailTypes.isEmpty() || detailTypes.contains(event.detailType()));
  }
}
