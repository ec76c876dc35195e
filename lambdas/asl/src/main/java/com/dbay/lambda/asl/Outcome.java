package com.dbay.lambda.asl;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** What a state asks its executor to do next. The executor persists it before acting on it. */
public sealed interface Outcome {

  /** Go to {@code next} with {@code output} as its input. */
  record Next(String next, JsonNode output) implements Outcome {}

  /** The machine (or branch) ends successfully with this output. */
  record Succeeded(JsonNode output) implements Outcome {}

  /** The machine (or branch) fails with this error; nothing in this machine handles it. */
  record Failed(String error, String cause) implements Outcome {}

  /**
   * Run the Task's resource with this payload, then report through {@link Interpreter#succeeded} /
   * {@link Interpreter#failed}.
   */
  record Invoke(State.Task task, JsonNode payload) implements Outcome {}

  /**
   * Run every branch of the Parallel with this input, then report the array of outputs (or the
   * first failure).
   */
  record Fork(State.Parallel parallel, JsonNode input) implements Outcome {}

  /** Sleep until {@code until}, then apply {@code then} (a Next or Succeeded). */
  record Sleep(Instant until, Outcome then) implements Outcome {}

  /**
   * Enter the same state again with the same input after {@code delayMillis}, with these retrier
   * counters.
   */
  record Retry(long delayMillis, int[] attempts, String error, String cause) implements Outcome {}
}
