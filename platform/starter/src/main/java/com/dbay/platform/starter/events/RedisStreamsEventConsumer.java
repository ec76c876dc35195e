package com.dbay.platform.starter.events;

import com.dbay.platform.events.EventEnvelope;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.api.async.RedisStreamAsyncCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStreamCommands.XPendingOptions;
import org.springframework.data.redis.connection.stream.ByteRecord;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.PendingMessages;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every {@link EventSubscriber} bean against the Redis stream: one consumer group per
 * subscriber, one thread each. The thread reads new entries with XREADGROUP, hands matching ones to
 * the {@link EventDispatcher} and XACKs them once handled (or skipped as a duplicate or non-match).
 * An entry whose handler failed, or whose consumer died before acknowledging it, stays pending;
 * XAUTOCLAIM hands it to a live consumer once it has been idle for {@code reclaim-after}. After
 * {@code max-deliveries} attempts it is copied to {@code <stream>:dead} and acknowledged, so one
 * poisonous event cannot stall a subscriber forever.
 */
public class RedisStreamsEventConsumer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RedisStreamsEventConsumer.class);
  private static final int BATCH = 20;

  private final RedisConnectionFactory connections;
  private final EventDispatcher dispatcher;
  private final JsonMapper mapper;
  private final List<EventSubscriber> subscribers;
  private final EventsProperties.Consumer settings;
  private final byte[] stream;
  private final byte[] deadLetters;
  private final String consumerName;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  public RedisStreamsEventConsumer(
      RedisConnectionFactory connections,
      EventDispatcher dispatcher,
      JsonMapper mapper,
      List<EventSubscriber> subscribers,
      String stream,
      EventsProperties.Consumer settings,
      String instanceName) {
    this.connections = connections;
    this.dispatcher = dispatcher;
    this.mapper = mapper;
    this.subscribers = List.copyOf(subscribers);
    this.settings = settings;
    this.stream = stream.getBytes(StandardCharsets.UTF_8);
    this.deadLetters = (stream + ":dead").getBytes(StandardCharsets.UTF_8);
    // Unique per process: a restarted instance is a new consumer and reclaims what the old one
    // left.
    this.consumerName = instanceName + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Override
  public void start() {
    running = true;
    for (EventSubscriber subscriber : subscribers) {
      threads.add(
          Thread.ofPlatform()
              .name("dbay-events-" + subscriber.name())
              .daemon()
              .start(() -> run(subscriber)));
    }
  }

  @Override
  public void stop() {
    running = false;
    threads.forEach(Thread::interrupt);
    for (Thread t : threads) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    threads.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Consumers start after everything else (the relay, the web server) and stop first. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 100;
  }

  public String consumerName() {
    return consumerName;
  }

  private void run(EventSubscriber subscriber) {
    long lastReclaim = 0;
    while (running) {
      try (RedisConnection connection = connections.getConnection()) {
        ensureGroup(connection, subscriber.name());
        while (running) {
          if (System.nanoTime() - lastReclaim > settings.reclaimAfter().toNanos() / 2) {
            reclaim(connection, subscriber);
            lastReclaim = System.nanoTime();
          }
          List<ByteRecord> records =
              connection
                  .streamCommands()
                  .xReadGroup(
                      Consumer.from(subscriber.name(), consumerName),
                      StreamReadOptions.empty().count(BATCH).block(settings.block()),
                      StreamOffset.create(stream, ReadOffset.lastConsumed()));
          if (records != null) {
            for (ByteRecord record : records) {
              process(
                  connection, subscriber, record.getId().getValue(), envelopeOf(record.getValue()));
            }
          }
        }
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        log.warn("event consumer {} failed; reconnecting", subscriber.name(), e);
        pause(Duration.ofSeconds(1));
      }
    }
  }

  private void ensureGroup(RedisConnection connection, String group) {
    try {
      ReadOffset start =
          "latest".equalsIgnoreCase(settings.startFrom())
              ? ReadOffset.latest()
              : ReadOffset.from("0-0");
      connection.streamCommands().xGroupCreate(stream, group, start, true);
    } catch (RuntimeException e) {
      if (!String.valueOf(rootMessage(e)).contains("BUSYGROUP")) {
        throw e;
      }
    }
  }

  /** Takes over entries another consumer (or this one) left pending for too long. */
  @SuppressWarnings("unchecked")
  private void reclaim(RedisConnection connection, EventSubscriber subscriber)
      throws RuntimeException {
    var commands = (RedisStreamAsyncCommands<byte[], byte[]>) connection.getNativeConnection();
    String cursor = "0-0";
    do {
      ClaimedMessages<byte[], byte[]> claimed;
      try {
        claimed =
            commands
                .xautoclaim(
                    stream,
                    new XAutoClaimArgs<byte[]>()
                        .consumer(
                            io.lettuce.core.Consumer.from(
                                subscriber.name().getBytes(StandardCharsets.UTF_8),
                                consumerName.getBytes(StandardCharsets.UTF_8)))
                        .minIdleTime(settings.reclaimAfter())
                        .startId(cursor)
                        .count(BATCH))
                .get(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        throw new IllegalStateException("XAUTOCLAIM failed", e);
      }
      List<StreamMessage<byte[], byte[]>> messages = claimed.getMessages();
      if (!messages.isEmpty()) {
        Map<String, Long> deliveries = deliveryCounts(connection, subscriber.name(), messages);
        for (StreamMessage<byte[], byte[]> message : messages) {
          if (message.getBody() == null || message.getBody().isEmpty()) {
            continue; // deleted from the stream meanwhile
          }
          String id = message.getId();
          String json = envelopeOf(message.getBody());
          long delivered = deliveries.getOrDefault(id, 0L);
          if (delivered > settings.maxDeliveries()) {
            log.error(
                "subscriber {} gives up on stream entry {} after {} deliveries",
                subscriber.name(),
                id,
                delivered);
            deadLetter(
                connection,
                subscriber.name(),
                id,
                json == null ? null : json.getBytes(StandardCharsets.UTF_8));
          } else {
            log.info(
                "subscriber {} reclaimed pending event entry {} (delivery {})",
                subscriber.name(),
                id,
                delivered);
            process(connection, subscriber, id, json);
          }
        }
      }
      cursor = claimed.getId();
    } while (running && !"0-0".equals(cursor));
  }

  private Map<String, Long> deliveryCounts(
      RedisConnection connection, String group, List<StreamMessage<byte[], byte[]>> messages) {
    PendingMessages pending =
        connection
            .streamCommands()
            .xPending(
                stream,
                group,
                XPendingOptions.range(
                        Range.closed(messages.getFirst().getId(), messages.getLast().getId()),
                        (long) messages.size())
                    .consumer(consumerName));
    Map<String, Long> counts = new java.util.HashMap<>();
    if (pending != null) {
      for (PendingMessage message : pending) {
        counts.put(message.getIdAsString(), message.getTotalDeliveryCount());
      }
    }
    return counts;
  }

  private void process(
      RedisConnection connection, EventSubscriber subscriber, String entryId, String json) {
    EventEnvelope event;
    try {
      event = mapper.readValue(json, EventEnvelope.class);
    } catch (RuntimeException e) {
      log.error(
          "subscriber {} cannot read stream entry {}; moving it to the dead letters",
          subscriber.name(),
          entryId,
          e);
      deadLetter(
          connection,
          subscriber.name(),
          entryId,
          json == null ? null : json.getBytes(StandardCharsets.UTF_8));
      return;
    }
    try {
      EventDispatcher.Outcome outcome = dispatcher.deliver(subscriber, event);
      log.debug(
          "subscriber {} event {} ({}): {}",
          subscriber.name(),
          event.id(),
          event.detailType(),
          outcome);
    } catch (RuntimeException e) {
      // Not acknowledged: it stays pending and comes back through XAUTOCLAIM.
      log.warn(
          "subscriber {} failed on event {} ({}); it will be retried",
          subscriber.name(),
          event.id(),
          event.detailType(),
          e);
      return;
    }
    connection.streamCommands().xAck(stream, subscriber.name(), RecordId.of(entryId));
  }

  private void deadLetter(RedisConnection connection, String group, String entryId, byte[] raw) {
    Map<byte[], byte[]> fields = new java.util.LinkedHashMap<>();
    fields.put(
        "subscriber".getBytes(StandardCharsets.UTF_8), group.getBytes(StandardCharsets.UTF_8));
    fields.put("entry".getBytes(StandardCharsets.UTF_8), entryId.getBytes(StandardCharsets.UTF_8));
    fields.put(
        RedisStreamsEventBus.FIELD.getBytes(StandardCharsets.UTF_8),
        raw == null ? new byte[0] : raw);
    connection.streamCommands().xAdd(StreamRecords.newRecord().in(deadLetters).ofMap(fields));
    connection.streamCommands().xAck(stream, group, RecordId.of(entryId));
    log.error(
        "subscriber {} moved stream entry {} to {}",
        group,
        entryId,
        new String(deadLetters, StandardCharsets.UTF_8));
  }

  private static String envelopeOf(Map<byte[], byte[]> fields) {
    for (var entry : fields.entrySet()) {
      if (RedisStreamsEventBus.FIELD.equals(new String(entry.getKey(), StandardCharsets.UTF_8))) {
        return new String(entry.getValue(), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() + " / " + e.getMessage();
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
