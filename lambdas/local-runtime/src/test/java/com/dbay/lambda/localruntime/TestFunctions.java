package com.dbay.lambda.localruntime;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.dbay.lambda.localruntime.functions.LocalFunction;
import com.dbay.lambda.localruntime.s3.ObjectLister;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Handlers that only tests host: they record what the runtime hands them. */
@TestConfiguration(proxyBeanMethods = false)
class TestFunctions {

  static final List<String> echoRequestIds = new CopyOnWriteArrayList<>();
  static final Map<String, AtomicInteger> flakyAttempts = new ConcurrentHashMap<>();
  static final Map<String, String> tokensByCase = new ConcurrentHashMap<>();
  static final List<Instant> ticks = new CopyOnWriteArrayList<>();
  static final List<ScheduledEvent> heard = new CopyOnWriteArrayList<>();
  static final List<ObjectLister.StoredObject> storedObjects = new CopyOnWriteArrayList<>();
  static final List<String> announcedKeys = new CopyOnWriteArrayList<>();

  static class ImageListener implements RequestHandler<S3Event, String> {
    public String handleRequest(S3Event event, com.amazonaws.services.lambda.runtime.Context c) {
      event
          .getRecords()
          .forEach(
              r ->
                  announcedKeys.add(
                      r.getS3().getBucket().getName()
                          + "/"
                          + r.getS3().getObject().getUrlDecodedKey()));
      return "ok";
    }
  }

  /** The object store of the tests: whatever they put in {@link #storedObjects}. */
  @Bean
  ObjectLister inMemoryObjectStore() {
    return bucket -> List.copyOf(storedObjects);
  }

  @Bean
  LocalFunction imageListener() {
    return LocalFunction.of("image-listener", new ImageListener());
  }

  static class Echo implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    public Map<String, Object> handleRequest(
        Map<String, Object> input, com.amazonaws.services.lambda.runtime.Context c) {
      echoRequestIds.add(c.getAwsRequestId());
      Map<String, Object> out = new LinkedHashMap<>(input);
      out.put("echoed", true);
      return out;
    }
  }

  /** Fails twice per key, then reports how many attempts it took. */
  static class Flaky implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    public Map<String, Object> handleRequest(
        Map<String, Object> input, com.amazonaws.services.lambda.runtime.Context c) {
      int attempt =
          flakyAttempts
              .computeIfAbsent((String) input.get("key"), k -> new AtomicInteger())
              .incrementAndGet();
      if (attempt < 3) {
        throw new IllegalStateException("transient failure " + attempt);
      }
      return Map.of("attempts", attempt);
    }
  }

  static class TokenSink implements RequestHandler<Map<String, Object>, String> {
    public String handleRequest(
        Map<String, Object> input, com.amazonaws.services.lambda.runtime.Context c) {
      tokensByCase.put((String) input.get("case"), (String) input.get("token"));
      return "noted";
    }
  }

  /**
   * Sleeps as long as its input says (seconds), then answers: a task that outlives its
   * TimeoutSeconds.
   */
  static class Sleeper implements RequestHandler<Map<String, Object>, String> {
    public String handleRequest(
        Map<String, Object> input, com.amazonaws.services.lambda.runtime.Context c) {
      try {
        Thread.sleep(((Number) input.get("sleepSeconds")).longValue() * 1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "woke up";
    }
  }

  static class Ticker implements RequestHandler<ScheduledEvent, String> {
    public String handleRequest(
        ScheduledEvent event, com.amazonaws.services.lambda.runtime.Context c) {
      ticks.add(Instant.ofEpochMilli(event.getTime().getMillis()));
      return "tick";
    }
  }

  static class Listener implements RequestHandler<ScheduledEvent, String> {
    public String handleRequest(
        ScheduledEvent event, com.amazonaws.services.lambda.runtime.Context c) {
      heard.add(event);
      return "heard " + event.getId();
    }
  }

  @Bean
  LocalFunction echo() {
    return LocalFunction.of("echo", new Echo());
  }

  @Bean
  LocalFunction flaky() {
    return LocalFunction.of("flaky", new Flaky());
  }

  @Bean
  LocalFunction tokenSink() {
    return LocalFunction.of("token-sink", new TokenSink());
  }

  @Bean
  LocalFunction sleeper() {
    return LocalFunction.of("sleeper", new Sleeper());
  }

  @Bean
  LocalFunction ticker() {
    return LocalFunction.of("ticker", new Ticker());
  }

  @Bean
  LocalFunction listener() {
    return LocalFunction.of("listener", new Listener());
  }
}
