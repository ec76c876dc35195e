package com.dbay.lambda.asl;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The state semantics of ASL as pure functions: given a state, its raw input and the context
 * object, say what happens next. No I/O and no clocks of its own, so that a durable executor can
 * persist every step and an in-memory one can run the same semantics for tests and benchmarks.
 */
public final class Interpreter {

  private Interpreter() {}

  /** Enters a state with its raw input. */
  public static Outcome enter(State state, JsonNode raw, JsonNode context, Instant now) {
    try {
      return switch (state) {
        case State.Pass pass -> {
          JsonNode effective = pass.inputPath().apply(raw, context);
          if (pass.parameters() != null) {
            effective = pass.parameters().apply(effective, context);
          }
          JsonNode result = pass.result() != null ? pass.result().deepCopy() : effective;
          JsonNode output = pass.outputPath().apply(pass.resultPath().apply(raw, result), context);
          yield transition(pass.transition(), output);
        }
        case State.Task task -> {
          JsonNode effective = task.inputPath().apply(raw, context);
          if (task.parameters() != null) {
            effective = task.parameters().apply(effective, context);
          }
          yield new Outcome.Invoke(task, effective);
        }
        case State.ChoiceState choice -> {
          JsonNode effective = choice.inputPath().apply(raw, context);
          for (State.Choice c : choice.choices()) {
            if (c.rule().matches(effective, context)) {
              yield new Outcome.Next(c.next(), choice.outputPath().apply(effective, context));
            }
          }
          if (choice.defaultNext() != null) {
            yield new Outcome.Next(
                choice.defaultNext(), choice.outputPath().apply(effective, context));
          }
          yield new Outcome.Failed(
              StatesError.NO_CHOICE_MATCHED,
              "No Choice rule matched in state '" + choice.name() + "' and there is no Default");
        }
        case State.Wait wait -> {
          JsonNode effective = wait.inputPath().apply(raw, context);
          Instant until = waitUntil(wait, effective, context, now);
          yield new Outcome.Sleep(
              until, transition(wait.transition(), wait.outputPath().apply(effective, context)));
        }
        case State.Succeed succeed ->
            new Outcome.Succeeded(
                succeed.outputPath().apply(succeed.inputPath().apply(raw, context), context));
        case State.Fail fail ->
            new Outcome.Failed(
                fail.errorPath() != null
                    ? text(fail.errorPath().evaluate(raw, context))
                    : fail.error(),
                fail.causePath() != null
                    ? text(fail.causePath().evaluate(raw, context))
                    : fail.cause());
        case State.Parallel parallel -> {
          JsonNode effective = parallel.inputPath().apply(raw, context);
          if (parallel.parameters() != null) {
            effective = parallel.parameters().apply(effective, context);
          }
          yield new Outcome.Fork(parallel, effective);
        }
      };
    } catch (StatesError e) {
      // Input processing failures (States.Runtime and intrinsic failures) end the execution.
      return new Outcome.Failed(e.error(), e.cause());
    }
  }

  /** A Task's resource (or a Parallel's branches, as an array) produced {@code result}. */
  public static Outcome succeeded(
      State state, JsonNode raw, JsonNode result, JsonNode context, int[] attempts) {
    try {
      PayloadTemplate selector;
      State.ResultPathSpec resultPath;
      State.IoPath outputPath;
      State.Transition transition;
      if (state instanceof State.Task task) {
        selector = task.resultSelector();
        resultPath = task.resultPath();
        outputPath = task.outputPath();
        transition = task.transition();
      } else if (state instanceof State.Parallel parallel) {
        selector = parallel.resultSelector();
        resultPath = parallel.resultPath();
        outputPath = parallel.outputPath();
        transition = parallel.transition();
      } else {
        throw new IllegalArgumentException(state.type() + " produces no task result");
      }
      JsonNode effective = selector == null ? result : selector.apply(result, context);
      JsonNode output = outputPath.apply(resultPath.apply(raw, effective), context);
      return transition(transition, output);
    } catch (StatesError e) {
      return failed(state, raw, e.error(), e.cause(), attempts);
    }
  }

  /**
   * A Task's resource (or a branch of a Parallel) failed with {@code error}: retry, catch, or fail.
   *
   * @param attempts retries already made, one counter per retrier (reset when the state is left)
   */
  public static Outcome failed(
      State state, JsonNode raw, String error, String cause, int[] attempts) {
    List<State.Retrier> retriers;
    List<State.Catcher> catchers;
    if (state instanceof State.Task task) {
      retriers = task.retry();
      catchers = task.catchers();
    } else if (state instanceof State.Parallel parallel) {
      retriers = parallel.retry();
      catchers = parallel.catchers();
    } else {
      return new Outcome.Failed(error, cause);
    }
    if (StatesError.RUNTIME.equals(error)) {
      return new Outcome.Failed(error, cause);
    }
    for (int i = 0; i < retriers.size(); i++) {
      State.Retrier r = retriers.get(i);
      if (matches(r.errorEquals(), error)) {
        int done = attempts != null && i < attempts.length ? attempts[i] : 0;
        if (done < r.maxAttempts()) {
          double delay = r.intervalSeconds() * Math.pow(r.backoffRate(), done);
          if (r.maxDelaySeconds() != null) {
            delay = Math.min(delay, r.maxDelaySeconds());
          }
          if (r.fullJitter()) {
            delay = ThreadLocalRandom.current().nextDouble(0, delay);
          }
          int[] next = new int[retriers.size()];
          if (attempts != null) {
            System.arraycopy(attempts, 0, next, 0, Math.min(attempts.length, next.length));
          }
          next[i] = done + 1;
          return new Outcome.Retry(Math.round(delay * 1000), next, error, cause);
        }
        break;
      }
    }
    for (State.Catcher c : catchers) {
      if (matches(c.errorEquals(), error)) {
        ObjectNode errorOutput = Json.NODES.objectNode();
        errorOutput.put("Error", error);
        errorOutput.put("Cause", cause);
        try {
          return new Outcome.Next(c.next(), c.resultPath().apply(raw, errorOutput));
        } catch (StatesError e) {
          return new Outcome.Failed(e.error(), e.cause());
        }
      }
    }
    return new Outcome.Failed(error, cause);
  }

  static boolean matches(List<String> errorEquals, String error) {
    for (String name : errorEquals) {
      if (name.equals(error)
          || name.equals(StatesError.ALL) && !StatesError.RUNTIME.equals(error)
          || name.equals(StatesError.TASK_FAILED)
              && !StatesError.TIMEOUT.equals(error)
              && !StatesError.RUNTIME.equals(error)) {
        return true;
      }
    }
    return false;
  }

  private static Outcome transition(State.Transition transition, JsonNode output) {
    return transition.end()
        ? new Outcome.Succeeded(output)
        : new Outcome.Next(transition.next(), output);
  }

  private static Instant waitUntil(
      State.Wait wait, JsonNode effective, JsonNode context, Instant now) {
    if (wait.seconds() != null) {
      return now.plusSeconds(wait.seconds());
    }
    if (wait.timestamp() != null) {
      return OffsetDateTime.parse(wait.timestamp()).toInstant();
    }
    if (wait.secondsPath() != null) {
      JsonNode v = wait.secondsPath().evaluate(effective, context);
      if (!v.isIntegralNumber() || v.longValue() < 0) {
        throw new StatesError(
            StatesError.RUNTIME,
            "SecondsPath '"
                + wait.secondsPath()
                + "' must point to a non-negative integer, got "
                + v);
      }
      return now.plusSeconds(v.longValue());
    }
    JsonNode v = wait.timestampPath().evaluate(effective, context);
    try {
      return OffsetDateTime.parse(v.asString("")).toInstant();
    } catch (DateTimeParseException e) {
      throw new StatesError(
          StatesError.RUNTIME,
          "TimestampPath '"
              + wait.timestampPath()
              + "' must point to an RFC 3339 timestamp, got "
              + v);
    }
  }

  private static String text(JsonNode node) {
    return node.isTextual() ? node.stringValue(null) : Json.write(node);
  }
}
