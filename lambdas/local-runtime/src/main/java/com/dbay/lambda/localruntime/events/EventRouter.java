package com.dbay.lambda.localruntime.events;

import com.dbay.lambda.asl.Json;
import com.dbay.lambda.localruntime.ServerlessProperties;
import com.dbay.lambda.localruntime.executor.ApiException;
import com.dbay.lambda.localruntime.executor.DurableExecutor;
import com.dbay.lambda.localruntime.executor.StateMachineRegistry;
import com.dbay.lambda.localruntime.functions.FunctionFailure;
import com.dbay.lambda.localruntime.functions.FunctionRegistry;
import com.dbay.lambda.localruntime.functions.LocalFunction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Routes bus events to functions and workflows by EventBridge-style rules. Each rule is a
 * subscriber with its own consumer group on the one stream; an event is acknowledged only once its
 * delivery is recorded (deduped by event id), so a crash redelivers it and the dedupe makes the
 * redelivery harmless. A workflow target starts an execution named after the event id, which is
 * idempotent by itself.
 */
@Component
public class EventRouter implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EventRouter.class);
  private static final String CONSUMER = "local-runtime";

  private record Subscription(
      String group,
      String ruleName,
      EventPattern pattern,
      String kind,
      String target,
      boolean[] pendingDone) {}

  private final StringRedisTemplate redis;
  private final JdbcTemplate jdbc;
  private final FunctionRegistry functions;
  private final DurableExecutor executor;
  private final StateMachineRegistry machines;
  private final ServerlessProperties properties;
  private final List<Subscription> subscriptions = new ArrayList<>();
  private final SqsTarget sqs;
  private volatile boolean running;
  private Thread thread;

  public EventRouter(
      StringRedisTemplate redis,
      JdbcTemplate jdbc,
      FunctionRegistry functions,
      DurableExecutor executor,
      StateMachineRegistry machines,
      ServerlessProperties properties) {
    this.redis = redis;
    this.jdbc = jdbc;
    this.functions = functions;
    this.executor = executor;
    this.machines = machines;
    this.properties = properties;
    String sqsEndpoint = properties.sqs().endpoint();
    this.sqs =
        sqsEndpoint == null || sqsEndpoint.isBlank() ? null : new SqsTarget(properties.sqs());
    for (ServerlessProperties.Rule rule : properties.events().rules()) {
      String[] target = rule.target().split(":", 2);
      if (target.length != 2) {
        throw new IllegalStateException(
            "rule "
                + rule.name()
                + ": target must be function:<name>, workflow:<name> or sqs:<queue>");
      }
      if (target[0].equals("sqs") && sqs == null) {
        // Tests of the runtime alone, and any set-up without an SQS-API server: nobody consumes it.
        log.info("rule {} is off: no SQS endpoint (dbay.serverless.sqs.endpoint)", rule.name());
        continue;
      }
      switch (target[0]) {
        case "function" ->
            functions
                .find(target[1])
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "rule " + rule.name() + ": no function " + target[1]));
        case "workflow" ->
            machines
                .byName(target[1])
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "rule " + rule.name() + ": no workflow " + target[1]));
        case "sqs" -> {
          if (target[1].isBlank()) {
            throw new IllegalStateException("rule " + rule.name() + ": sqs target needs a queue");
          }
        }
        default ->
            throw new IllegalStateException(
                "rule " + rule.name() + ": unknown target kind " + target[0]);
      }
      subscriptions.add(
          new Subscription(
              "serverless." + rule.name(),
              rule.name(),
              EventPattern.parse(rule.pattern()),
              target[0],
              target[1],
              new boolean[] {false}));
    }
  }

  @Override
  public void start() {
    running = true;
    thread = Thread.ofPlatform().daemon().name("event-router").start(this::loop);
  }

  @Override
  public void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
  }

  @jakarta.annotation.PreDestroy
  void closeSqs() {
    if (sqs != null) {
      sqs.close();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void loop() {
    String stream = properties.events().stream();
    boolean groupsReady = false;
    long failures = 0;
    while (running) {
      try {
        if (!groupsReady) {
          for (Subscription s : subscriptions) {
            createGroup(stream, s.group());
          }
          groupsReady = true;
        }
        // The newest entry before the round: every subscriber's read below sees it, so an entry
        // the wait further down wakes for is one the round did not see.
        String newest = newestEntry(stream);
        int handled = 0;
        for (Subscription s : subscriptions) {
          handled += poll(stream, s);
        }
        failures = 0;
        if (handled == 0) {
          awaitEntryAfter(stream, newest);
        }
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        if (failures++ % 60 == 0) {
          log.warn("event bus unavailable ({}): {}", stream, e.getMessage());
        }
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  /** The id of the stream's newest entry, {@code 0-0} when it has none. */
  private String newestEntry(String stream) {
    List<MapRecord<String, Object, Object>> last =
        redis.opsForStream().reverseRange(stream, Range.unbounded(), Limit.limit().count(1));
    return last == null || last.isEmpty() ? "0-0" : last.get(0).getId().getValue();
  }

  /**
   * Waits for an entry newer than {@code after}, at most {@code events.wait}: one blocking XREAD
   * instead of every subscriber polling the stream on a timer, so a new event is routed within
   * milliseconds and an idle runtime sends the store one command a second. The reply itself is not
   * used: the subscribers' groups read the entry in the next round.
   */
  private void awaitEntryAfter(String stream, String after) {
    redis
        .opsForStream()
        .read(
            StreamReadOptions.empty().count(1).block(properties.events().pollInterval()),
            StreamOffset.create(stream, ReadOffset.from(after)));
  }

  private void createGroup(String stream, String group) {
    try {
      redis.execute(
          (RedisCallback<Object>)
              c -> {
                c.streamCommands()
                    .xGroupCreate(
                        stream.getBytes(StandardCharsets.UTF_8),
                        group,
                        ReadOffset.from(properties.events().startFrom()),
                        true);
                return null;
              });
    } catch (RuntimeException e) {
      if (!String.valueOf(e.getMessage()).contains("BUSYGROUP")
          && !(e.getCause() != null
              && String.valueOf(e.getCause().getMessage()).contains("BUSYGROUP"))) {
        throw e;
      }
    }
  }

  @SuppressWarnings("unchecked")
  private int poll(String stream, Subscription s) {
    // First this consumer's own unacknowledged entries (a previous process died mid-delivery), then
    // new ones.
    ReadOffset offset = s.pendingDone()[0] ? ReadOffset.lastConsumed() : ReadOffset.from("0");
    List<MapRecord<String, Object, Object>> records =
        redis
            .opsForStream()
            .read(
                Consumer.from(s.group(), CONSUMER),
                StreamReadOptions.empty().count(50),
                StreamOffset.create(stream, offset));
    if (records == null || records.isEmpty()) {
      s.pendingDone()[0] = true;
      return 0;
    }
    // One XACK for the read (up to 50 entries), after all were delivered: every rule reads every
    // entry, so one XACK per entry and rule was most of a burst's round trips. A process that dies
    // before it re-reads them as pending; event_deliveries skips what was already delivered.
    for (MapRecord<String, Object, Object> record : records) {
      deliver(s, record.getValue());
    }
    redis
        .opsForStream()
        .acknowledge(
            stream, s.group(), records.stream().map(MapRecord::getId).toArray(RecordId[]::new));
    return records.size();
  }

  private void deliver(Subscription s, Map<Object, Object> fields) {
    Object raw = fields.get("envelope");
    JsonNode envelope;
    try {
      envelope = Json.parse(raw == null ? null : raw.toString());
    } catch (IllegalArgumentException e) {
      log.warn("{}: skipping an entry whose envelope is not JSON", s.ruleName());
      return;
    }
    if (!envelope.isObject() || !s.pattern().matches(envelope)) {
      return;
    }
    String id = envelope.path("id").asText(null);
    if (id == null) {
      log.warn("{}: skipping an event without id", s.ruleName());
      return;
    }
    Integer seen =
        jdbc.queryForObject(
            "select count(*) from event_deliveries where subscriber = ? and event_id = ?",
            Integer.class,
            s.group(),
            id);
    if (seen != null && seen > 0) {
      return;
    }
    ObjectNode event = eventBridgeEvent(envelope);
    String outcome;
    String detail = null;
    if (s.kind().equals("workflow")) {
      try {
        String name = id.replaceAll("[^A-Za-z0-9_-]", "-");
        detail =
            executor
                .start(
                    machines.arn(s.target()),
                    name.length() > 80 ? name.substring(0, 80) : name,
                    Json.write(event))
                .executionArn();
        outcome = "STARTED";
      } catch (ApiException e) {
        outcome = e.type().equals("ExecutionAlreadyExists") ? "STARTED" : "FAILED";
        detail = e.getMessage();
      }
    } else if (s.kind().equals("sqs")) {
      // As EventBridge does for an SQS target: retried with backoff, then given up and recorded.
      outcome = "FAILED";
      for (int attempt = 1; attempt <= properties.events().maxAttempts(); attempt++) {
        try {
          detail = "message " + sqs.send(s.target(), Json.write(event));
          outcome = "SENT";
          break;
        } catch (RuntimeException e) {
          detail = e.getClass().getSimpleName() + ": " + e.getMessage();
          if (attempt < properties.events().maxAttempts()) {
            sleep(200L << attempt);
          }
        }
      }
      if (outcome.equals("FAILED")) {
        log.warn("{}: event {} not sent to queue {}: {}", s.ruleName(), id, s.target(), detail);
      }
    } else {
      LocalFunction function = functions.find(s.target()).orElseThrow();
      outcome = "FAILED";
      for (int attempt = 1; attempt <= properties.events().maxAttempts(); attempt++) {
        try {
          functions.invoke(function, event, id);
          outcome = "SUCCEEDED";
          detail = null;
          break;
        } catch (FunctionFailure e) {
          detail = e.errorType() + ": " + e.getMessage();
          if (attempt < properties.events().maxAttempts()) {
            sleep(200L << attempt);
          }
        }
      }
      if (outcome.equals("FAILED")) {
        log.warn(
            "{}: event {} ({} {}) failed after {} attempts: {}",
            s.ruleName(),
            id,
            envelope.path("source").asString(""),
            envelope.path("detail-type").asString(""),
            properties.events().maxAttempts(),
            detail);
      }
    }
    jdbc.update(
        "insert into event_deliveries (subscriber, event_id, outcome, detail) values (?, ?, ?, ?)"
            + " on conflict do nothing",
        s.group(),
        id,
        outcome,
        detail);
  }

  /**
   * The event as EventBridge hands it to a target: the envelope plus the fields EventBridge adds.
   */
  private ObjectNode eventBridgeEvent(JsonNode envelope) {
    ObjectNode event = Json.NODES.objectNode();
    event.put("version", "0");
    event.put("id", envelope.path("id").asString(""));
    event.put("detail-type", envelope.path("detail-type").asString(""));
    event.put("source", envelope.path("source").asString(""));
    event.put("account", properties.account());
    event.put("time", envelope.path("time").asString(""));
    event.put("region", properties.region());
    event.putArray("resources");
    event.set("detail", envelope.has("detail") ? envelope.get("detail") : Json.NODES.objectNode());
    return event;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
