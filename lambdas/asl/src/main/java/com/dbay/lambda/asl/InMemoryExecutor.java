package com.dbay.lambda.asl;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a machine to its end in one thread, without persistence, on a virtual clock: Wait and Retry
 * delays are recorded, not slept. For conformance tests and for measuring the interpreter alone;
 * the local runtime drives the same {@link Interpreter} durably.
 */
public final class InMemoryExecutor {

  /** Runs a Task's resource; throws {@link StatesError} to fail it. */
  @FunctionalInterface
  public interface TaskInvoker {
    JsonNode invoke(String resource, JsonNode payload, JsonNode context);
  }

  public record Result(
      String status,
      JsonNode output,
      String error,
      String cause,
      List<String> visited,
      List<Duration> delays) {}

  private final TaskInvoker invoker;
  private Instant now;
  private final List<String> visited = new ArrayList<>();
  private final List<Duration> delays = new ArrayList<>();
  private int maxSteps = 100_000;

  public InMemoryExecutor(TaskInvoker invoker, Instant start) {
    this.invoker = invoker;
    this.now = start;
  }

  public InMemoryExecutor maxSteps(int maxSteps) {
    this.maxSteps = maxSteps;
    return this;
  }

  public Result run(StateMachine machine, JsonNode input) {
    ObjectNode context = Json.NODES.objectNode();
    ObjectNode execution = context.putObject("Execution");
    execution.put("Id", "arn:aws:states:local:000000000000:execution:InMemory:run");
    execution.set("Input", input);
    execution.put("Name", "run");
    execution.put("StartTime", now.toString());
    context
        .putObject("StateMachine")
        .put("Id", "arn:aws:states:local:000000000000:stateMachine:InMemory")
        .put("Name", "InMemory");
    Outcome end = runMachine(machine, input, context);
    if (end instanceof Outcome.Succeeded s) {
      return new Result(
          "SUCCEEDED", s.output(), null, null, List.copyOf(visited), List.copyOf(delays));
    }
    Outcome.Failed f = (Outcome.Failed) end;
    return new Result(
        "FAILED", null, f.error(), f.cause(), List.copyOf(visited), List.copyOf(delays));
  }

  private Outcome runMachine(StateMachine machine, JsonNode input, ObjectNode context) {
    String current = machine.startAt();
    JsonNode raw = input;
    int[] attempts = null;
    while (true) {
      if (visited.size() >= maxSteps) {
        return new Outcome.Failed("States.Runtime", "more than " + maxSteps + " steps");
      }
      State state = machine.state(current);
      visited.add(current);
      ObjectNode stateContext = context.putObject("State");
      stateContext.put("Name", current);
      stateContext.put("EnteredTime", now.toString());
      stateContext.put(
          "RetryCount", attempts == null ? 0 : java.util.Arrays.stream(attempts).sum());
      Outcome outcome = Interpreter.enter(state, raw, context, now);
      outcome = resolve(outcome, state, raw, context, attempts);
      if (outcome instanceof Outcome.Retry retry) {
        delays.add(Duration.ofMillis(retry.delayMillis()));
        now = now.plusMillis(retry.delayMillis());
        attempts = retry.attempts();
        continue;
      }
      attempts = null;
      switch (outcome) {
        case Outcome.Next next -> {
          current = next.next();
          raw = next.output();
        }
        case Outcome.Succeeded s -> {
          return s;
        }
        case Outcome.Failed f -> {
          return f;
        }
        default -> throw new IllegalStateException("unexpected " + outcome);
      }
    }
  }

  private Outcome resolve(
      Outcome outcome, State state, JsonNode raw, ObjectNode context, int[] attempts) {
    return switch (outcome) {
      case Outcome.Invoke invoke -> {
        try {
          JsonNode result = invoker.invoke(invoke.task().resource(), invoke.payload(), context);
          yield Interpreter.succeeded(state, raw, result, context, attempts);
        } catch (StatesError e) {
          yield Interpreter.failed(state, raw, e.error(), e.cause(), attempts);
        }
      }
      case Outcome.Fork fork -> {
        ArrayNode outputs = Json.NODES.arrayNode();
        for (StateMachine branch : fork.parallel().branches()) {
          ObjectNode branchContext = context.deepCopy();
          Outcome end = runMachine(branch, fork.input(), branchContext);
          if (end instanceof Outcome.Failed f) {
            yield Interpreter.failed(state, raw, f.error(), f.cause(), attempts);
          }
          outputs.add(((Outcome.Succeeded) end).output());
        }
        yield Interpreter.succeeded(state, raw, outputs, context, attempts);
      }
      case Outcome.Sleep sleep -> {
        Duration d = Duration.between(now, sleep.until());
        delays.add(d.isNegative() ? Duration.ZERO : d);
        if (!d.isNegative()) {
          now = sleep.until();
        }
        yield sleep.then();
      }
      default -> outcome;
    };
  }
}
