package com.dbay.lambda.asl;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** Test fixture: runs a definition on the in-memory executor with scripted task resources. */
final class Machines {

  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final Map<String, Function<JsonNode, JsonNode>> resources = new HashMap<>();
  private final Map<String, Deque<StatesError>> failures = new HashMap<>();

  Machines resource(String arn, Function<JsonNode, JsonNode> fn) {
    resources.put(arn, fn);
    return this;
  }

  /** The resource fails with these errors, in order, before it starts to succeed. */
  Machines failing(String arn, StatesError... errors) {
    failures.computeIfAbsent(arn, k -> new ArrayDeque<>()).addAll(java.util.List.of(errors));
    return this;
  }

  InMemoryExecutor.Result run(String definition, String input) {
    StateMachine machine = AslParser.parse(definition);
    return new InMemoryExecutor(
            (resource, payload, context) -> {
              Deque<StatesError> queued = failures.get(resource);
              if (queued != null && !queued.isEmpty()) {
                throw queued.poll();
              }
              Function<JsonNode, JsonNode> fn = resources.get(resource);
              if (fn == null) {
                throw new StatesError("States.TaskFailed", "no resource " + resource);
              }
              return fn.apply(payload);
            },
            START)
        .run(machine, Json.parse(input));
  }

  static JsonNode json(String text) {
    return Json.parse(text);
  }
}
