package com.dbay.lambda.asl;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** The supported state types, each holding only what the engine evaluates. */
public sealed interface State {

  String name();

  String type();

  /** InputPath / OutputPath: absent means "$", JSON null means "discard, use {}". */
  record IoPath(PathExpr path, boolean discard) {
    public static final IoPath ALL = new IoPath(null, false);
    public static final IoPath DISCARD = new IoPath(null, true);

    public JsonNode apply(JsonNode value, JsonNode context) {
      if (discard) {
        return Json.NODES.objectNode();
      }
      return path == null ? value : path.evaluate(value, context);
    }
  }

  /**
   * ResultPath: absent means "$" (the result replaces the input), null keeps the input, else a
   * reference path.
   */
  record ResultPathSpec(ReferencePath path, boolean discard) {
    public static final ResultPathSpec REPLACE = new ResultPathSpec(null, false);
    public static final ResultPathSpec DISCARD = new ResultPathSpec(null, true);

    public JsonNode apply(JsonNode rawInput, JsonNode result) {
      if (discard) {
        return rawInput;
      }
      return path == null ? result : path.set(rawInput, result);
    }
  }

  /** Where a state goes next: a state name, or the end of its machine. */
  record Transition(String next, boolean end) {}

  record Retrier(
      List<String> errorEquals,
      double intervalSeconds,
      int maxAttempts,
      double backoffRate,
      Double maxDelaySeconds,
      boolean fullJitter) {}

  record Catcher(List<String> errorEquals, String next, ResultPathSpec resultPath) {}

  record Choice(ChoiceRule rule, String next) {}

  record Pass(
      String name,
      Transition transition,
      IoPath inputPath,
      IoPath outputPath,
      PayloadTemplate parameters,
      JsonNode result,
      ResultPathSpec resultPath)
      implements State {
    public String type() {
      return "Pass";
    }
  }

  record Task(
      String name,
      Transition transition,
      IoPath inputPath,
      IoPath outputPath,
      PayloadTemplate parameters,
      PayloadTemplate resultSelector,
      ResultPathSpec resultPath,
      String resource,
      Integer timeoutSeconds,
      List<Retrier> retry,
      List<Catcher> catchers)
      implements State {
    public String type() {
      return "Task";
    }

    /**
     * The service integration pattern in which the task ends only when SendTaskSuccess/Failure
     * arrives.
     */
    public boolean waitsForTaskToken() {
      return resource.endsWith(".waitForTaskToken");
    }
  }

  record ChoiceState(
      String name, IoPath inputPath, IoPath outputPath, List<Choice> choices, String defaultNext)
      implements State {
    public String type() {
      return "Choice";
    }
  }

  record Wait(
      String name,
      Transition transition,
      IoPath inputPath,
      IoPath outputPath,
      Long seconds,
      String timestamp,
      PathExpr secondsPath,
      PathExpr timestampPath)
      implements State {
    public String type() {
      return "Wait";
    }
  }

  record Succeed(String name, IoPath inputPath, IoPath outputPath) implements State {
    public String type() {
      return "Succeed";
    }
  }

  record Fail(
      String name, String error, String cause, ValueExpression errorPath, ValueExpression causePath)
      implements State {
    public String type() {
      return "Fail";
    }
  }

  record Parallel(
      String name,
      Transition transition,
      IoPath inputPath,
      IoPath outputPath,
      PayloadTemplate parameters,
      PayloadTemplate resultSelector,
      ResultPathSpec resultPath,
      List<StateMachine> branches,
      List<Retrier> retry,
      List<Catcher> catchers)
      implements State {
    public String type() {
      return "Parallel";
    }
  }
}
