package com.dbay.platform.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One domain event, shaped like an EventBridge event so that the same JSON travels over Redis
 * Streams locally and EventBridge in AWS: {@code {"id","source","detail-type","time","detail"}}.
 * {@code id} is the dedupe key of every consumer; {@code source} is the producing service ({@code
 * dbay.auction}); {@code detail-type} names what happened ({@code BidPlaced}).
 */
public record EventEnvelope(
    String id,
    String source,
    @JsonProperty("detail-type") String detailType,
    Instant time,
    JsonNode detail) {

  public EventEnvelope {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(detailType, "detailType");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(detail, "detail");
  }

  /** A new event with a fresh id, happening now. */
  public static EventEnvelope create(String source, String detailType, JsonNode detail) {
    return new EventEnvelope(
        UUID.randomUUID().toString(), source, detailType, Instant.now(), detail);
  }

  /** The detail bound to the consumer's own record of it. */
  public <T> T detailAs(Class<T> type, ObjectMapper mapper) {
    return mapper.treeToValue(detail, type);
  }
}
