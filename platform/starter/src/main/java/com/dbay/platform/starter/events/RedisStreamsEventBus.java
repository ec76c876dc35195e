package com.dbay.platform.starter.events;

import com.dbay.platform.events.EventEnvelope;
import java.util.Map;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The local bus: XADD to one stream, the envelope JSON in the field {@code envelope}. */
public class RedisStreamsEventBus implements EventBus {

  public static final String FIELD = "envelope";

  private final StringRedisTemplate redis;
  private final JsonMapper mapper;
  private final String stream;

  public RedisStreamsEventBus(StringRedisTemplate redis, JsonMapper mapper, String stream) {
    this.redis = redis;
    this.mapper = mapper;
    this.stream = stream;
  }

  @Override
  public void publish(EventEnvelope event) {
    RecordId id =
        redis
            .opsForStream()
            .add(
                StreamRecords.newRecord()
                    .in(stream)
                    .ofMap(Map.of(FIELD, mapper.writeValueAsString(event))));
    if (id == null) {
      throw new IllegalStateException("Redis did not accept event " + event.id());
    }
  }
}
