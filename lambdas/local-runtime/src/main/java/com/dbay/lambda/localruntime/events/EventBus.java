package com.dbay.lambda.localruntime.events;

import com.dbay.lambda.asl.Json;
import com.dbay.lambda.localruntime.ServerlessProperties;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes envelopes on the bus the way every service does: one stream, field {@code envelope}.
 */
@Component
public class EventBus {

  private final StringRedisTemplate redis;
  private final String stream;

  public EventBus(StringRedisTemplate redis, ServerlessProperties properties) {
    this.redis = redis;
    this.stream = properties.events().stream();
  }

  /**
   * @return the event id
   */
  public String publish(String source, String detailType, JsonNode detail) {
    ObjectNode envelope = Json.NODES.objectNode();
    String id = UUID.randomUUID().toString();
    envelope.put("id", id);
    envelope.put("source", source);
    envelope.put("detail-type", detailType);
    envelope.put("time", Instant.now().toString());
    envelope.set("detail", detail == null ? Json.NODES.objectNode() : detail);
    MapRecord<String, String, String> record =
        StreamRecords.newRecord().in(stream).ofMap(Map.of("envelope", Json.write(envelope)));
    redis.opsForStream().add(record);
    return id;
  }

  public String stream() {
    return stream;
  }
}
