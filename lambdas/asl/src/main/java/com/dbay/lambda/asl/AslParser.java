package com.dbay.lambda.asl;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Loads and validates a definition. Everything the engine does not support is refused here, with
 * its location, so that no execution meets an unsupported construct at run time.
 */
public final class AslParser {

  /** Checks a Task's Resource; returns a problem, or null when the resource can be run. */
  public interface ResourceCheck extends Function<String, String> {
    ResourceCheck ANY = resource -> null;
  }

  private static final Set<String> COMMON = Set.of("Type", "Comment");
  private static final Map<String, Set<String>> FIELDS =
      Map.of(
          "Pass",
              Set.of(
                  "Next", "End", "InputPath", "OutputPath", "Parameters", "Result", "ResultPath"),
          "Task",
              Set.of(
                  "Next",
                  "End",
                  "InputPath",
                  "OutputPath",
                  "Parameters",
                  "ResultSelector",
                  "ResultPath",
                  "Resource",
                  "TimeoutSeconds",
                  "Retry",
                  "Catch"),
          "Choice", Set.of("InputPath", "OutputPath", "Choices", "Default"),
          "Wait",
              Set.of(
                  "Next",
                  "End",
                  "InputPath",
                  "OutputPath",
                  "Seconds",
                  "Timestamp",
                  "SecondsPath",
                  "TimestampPath"),
          "Succeed", Set.of("InputPath", "OutputPath"),
          "Fail", Set.of("Error", "Cause", "ErrorPath", "CausePath"),
          "Parallel",
              Set.of(
                  "Next",
                  "End",
                  "InputPath",
                  "OutputPath",
                  "Parameters",
                  "ResultSelector",
                  "ResultPath",
                  "Branches",
                  "Retry",
                  "Catch"));

  private final ResourceCheck resourceCheck;
  private final List<String> problems = new ArrayList<>();

  private AslParser(ResourceCheck resourceCheck) {
    this.resourceCheck = resourceCheck;
  }

  public static StateMachine parse(String definition) {
    return parse(definition, ResourceCheck.ANY);
  }

  public static StateMachine parse(String definition, ResourceCheck resourceCheck) {
    JsonNode root;
    try {
      root = Json.parse(definition);
    } catch (IllegalArgumentException e) {
      throw new AslDefinitionException(List.of(e.getMessage()));
    }
    AslParser parser = new AslParser(resourceCheck);
    StateMachine machine = parser.machine(root, "$", true);
    if (!parser.problems.isEmpty()) {
      throw new AslDefinitionException(parser.problems);
    }
    return machine;
  }

  private StateMachine machine(JsonNode node, String where, boolean top) {
    if (!node.isObject()) {
      problems.add(where + ": a state machine must be a JSON object");
      return null;
    }
    Set<String> allowed =
        top
            ? Set.of("Comment", "StartAt", "States", "Version", "QueryLanguage")
            : Set.of("Comment", "StartAt", "States");
    unknownFields(node, allowed, where, top ? "at the top level" : "in a Parallel branch");
    if (top
        && node.has("QueryLanguage")
        && !"JSONPath".equals(node.get("QueryLanguage").asString(""))) {
      problems.add(where + ".QueryLanguage: only JSONPath is supported (JSONata is not)");
    }
    String startAt =
        node.path("StartAt").isTextual() ? node.get("StartAt").stringValue(null) : null;
    if (startAt == null) {
      problems.add(where + ": StartAt is required");
    }
    JsonNode statesNode = node.get("States");
    if (statesNode == null || !statesNode.isObject() || statesNode.isEmpty()) {
      problems.add(where + ": States must be a non-empty object");
      return null;
    }
    Map<String, State> states = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = statesNode.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      if (name.length() > 80) {
        problems.add(where + ".States['" + name + "']: state names are at most 80 characters");
      }
      State state = state(name, e.getValue(), where + ".States['" + name + "']");
      if (state != null) {
        states.put(name, state);
      }
    }
    if (startAt != null && !statesNode.has(startAt)) {
      problems.add(where + ".StartAt: no state named '" + startAt + "'");
    }
    checkTransitions(statesNode, states, startAt, where);
    return new StateMachine(
        node.path("Comment").asText(null), startAt, java.util.Collections.unmodifiableMap(states));
  }

  private void checkTransitions(
      JsonNode statesNode, Map<String, State> states, String startAt, String where) {
    Map<String, List<String>> edges = new LinkedHashMap<>();
    for (State s : states.values()) {
      List<String> targets = new ArrayList<>();
      switch (s) {
        case State.Pass p -> addNext(targets, p.transition());
        case State.Task t -> {
          addNext(targets, t.transition());
          t.catchers().forEach(c -> targets.add(c.next()));
        }
        case State.Wait w -> addNext(targets, w.transition());
        case State.Parallel p -> {
          addNext(targets, p.transition());
          p.catchers().forEach(c -> targets.add(c.next()));
        }
        case State.ChoiceState c -> {
          c.choices().forEach(ch -> targets.add(ch.next()));
          if (c.defaultNext() != null) {
            targets.add(c.defaultNext());
          }
        }
        default -> {}
      }
      for (String target : targets) {
        if (target != null && !statesNode.has(target)) {
          problems.add(
              where
                  + ".States['"
                  + s.name()
                  + "']: transition to '"
                  + target
                  + "', which is not a state of this machine");
        }
      }
      edges.put(s.name(), targets);
    }
    if (startAt == null || !states.containsKey(startAt)) {
      return;
    }
    Set<String> reached = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(startAt));
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (reached.add(name)) {
        edges.getOrDefault(name, List.of()).stream()
            .filter(states::containsKey)
            .forEach(todo::push);
      }
    }
    for (String name : states.keySet()) {
      if (!reached.contains(name)) {
        problems.add(where + ".States['" + name + "']: unreachable from StartAt");
      }
    }
  }

  private static void addNext(List<String> targets, State.Transition transition) {
    if (transition != null && transition.next() != null) {
      targets.add(transition.next());
    }
  }

  private State state(String name, JsonNode node, String where) {
    if (!node.isObject()) {
      problems.add(where + ": a state must be an object");
      return null;
    }
    String type = node.path("Type").asText("");
    if (type.equals("Map")) {
      problems.add(where + ": the Map state is not supported by the local executor");
      return null;
    }
    Set<String> fields = FIELDS.get(type);
    if (fields == null) {
      problems.add(where + ": unknown state Type '" + type + "'");
      return null;
    }
    unknownFields(node, fields, where, "in a " + type + " state");
    return switch (type) {
      case "Pass" ->
          new State.Pass(
              name,
              transition(node, where),
              io(node, "InputPath", where),
              io(node, "OutputPath", where),
              template(node, "Parameters", where),
              node.get("Result"),
              resultPath(node, where));
      case "Task" -> task(name, node, where);
      case "Choice" -> choice(name, node, where);
      case "Wait" -> waitState(name, node, where);
      case "Succeed" ->
          new State.Succeed(name, io(node, "InputPath", where), io(node, "OutputPath", where));
      case "Fail" -> fail(name, node, where);
      case "Parallel" -> parallel(name, node, where);
      default -> throw new IllegalStateException(type);
    };
  }

  private State.Task task(String name, JsonNode node, String where) {
    String resource = node.path("Resource").asText(null);
    if (resource == null) {
      problems.add(where + ": a Task needs Resource");
    } else {
      String problem = resourceCheck.apply(resource);
      if (problem != null) {
        problems.add(where + ".Resource: " + problem);
      }
    }
    Integer timeout = null;
    if (node.has("TimeoutSeconds")) {
      if (!node.get("TimeoutSeconds").canConvertToInt()
          || node.get("TimeoutSeconds").intValue() <= 0) {
        problems.add(where + ".TimeoutSeconds: must be a positive integer");
      } else {
        timeout = node.get("TimeoutSeconds").intValue();
      }
    }
    return new State.Task(
        name,
        transition(node, where),
        io(node, "InputPath", where),
        io(node, "OutputPath", where),
        template(node, "Parameters", where),
        template(node, "ResultSelector", where),
        resultPath(node, where),
        resource == null ? "" : resource,
        timeout,
        retriers(node, where),
        catchers(node, where));
  }

  private State.ChoiceState choice(String name, JsonNode node, String where) {
    JsonNode choices = node.get("Choices");
    List<State.Choice> out = new ArrayList<>();
    if (choices == null || !choices.isArray() || choices.isEmpty()) {
      problems.add(where + ": Choices must be a non-empty array");
    } else {
      for (int i = 0; i < choices.size(); i++) {
        ChoiceRule rule =
            ChoiceRule.compile(choices.get(i), where + ".Choices[" + i + "]", true, problems);
        if (rule != null) {
          out.add(new State.Choice(rule, choices.get(i).path("Next").asText(null)));
        }
      }
    }
    return new State.ChoiceState(
        name,
        io(node, "InputPath", where),
        io(node, "OutputPath", where),
        List.copyOf(out),
        node.path("Default").asText(null));
  }

  private State.Wait waitState(String name, JsonNode node, String where) {
    int count = 0;
    Long seconds = null;
    String timestamp = null;
    PathExpr secondsPath = null;
    PathExpr timestampPath = null;
    if (node.has("Seconds")) {
      count++;
      if (!node.get("Seconds").canConvertToLong()
          || node.get("Seconds").longValue() < 0
          || !node.get("Seconds").isIntegralNumber()) {
        problems.add(where + ".Seconds: must be a non-negative integer");
      } else {
        seconds = node.get("Seconds").longValue();
      }
    }
    if (node.has("Timestamp")) {
      count++;
      timestamp = node.get("Timestamp").asString("");
      try {
        OffsetDateTime.parse(timestamp);
      } catch (DateTimeParseException e) {
        problems.add(where + ".Timestamp: not an RFC 3339 timestamp: " + timestamp);
      }
    }
    if (node.has("SecondsPath")) {
      count++;
      secondsPath = path(node.get("SecondsPath"), where + ".SecondsPath");
    }
    if (node.has("TimestampPath")) {
      count++;
      timestampPath = path(node.get("TimestampPath"), where + ".TimestampPath");
    }
    if (count != 1) {
      problems.add(
          where + ": a Wait needs exactly one of Seconds, Timestamp, SecondsPath, TimestampPath");
    }
    return new State.Wait(
        name,
        transition(node, where),
        io(node, "InputPath", where),
        io(node, "OutputPath", where),
        seconds,
        timestamp,
        secondsPath,
        timestampPath);
  }

  private State.Fail fail(String name, JsonNode node, String where) {
    if (node.has("Error") && node.has("ErrorPath")) {
      problems.add(where + ": Error and ErrorPath exclude each other");
    }
    if (node.has("Cause") && node.has("CausePath")) {
      problems.add(where + ": Cause and CausePath exclude each other");
    }
    return new State.Fail(
        name,
        node.path("Error").asText(null),
        node.path("Cause").asText(null),
        node.has("ErrorPath")
            ? pathOrIntrinsicPath(node.get("ErrorPath"), where + ".ErrorPath")
            : null,
        node.has("CausePath")
            ? pathOrIntrinsicPath(node.get("CausePath"), where + ".CausePath")
            : null);
  }

  /**
   * ErrorPath and CausePath take a reference path or an intrinsic function (the guide's Fail state
   * examples).
   */
  private ValueExpression pathOrIntrinsicPath(JsonNode node, String where) {
    if (node.isTextual() && Intrinsic.looksLikeIntrinsic(node.stringValue(null))) {
      try {
        return Intrinsic.parse(node.stringValue(null));
      } catch (IllegalArgumentException e) {
        problems.add(where + ": " + e.getMessage());
        return null;
      }
    }
    return path(node, where);
  }

  private State.Parallel parallel(String name, JsonNode node, String where) {
    JsonNode branches = node.get("Branches");
    List<StateMachine> out = new ArrayList<>();
    if (branches == null || !branches.isArray() || branches.isEmpty()) {
      problems.add(where + ": Branches must be a non-empty array");
    } else {
      for (int i = 0; i < branches.size(); i++) {
        StateMachine branch = machine(branches.get(i), where + ".Branches[" + i + "]", false);
        if (branch != null) {
          out.add(branch);
        }
      }
    }
    return new State.Parallel(
        name,
        transition(node, where),
        io(node, "InputPath", where),
        io(node, "OutputPath", where),
        template(node, "Parameters", where),
        template(node, "ResultSelector", where),
        resultPath(node, where),
        List.copyOf(out),
        retriers(node, where),
        catchers(node, where));
  }

  private State.Transition transition(JsonNode node, String where) {
    boolean end = node.path("End").asBoolean(false);
    String next = node.path("Next").asText(null);
    if (node.has("End") && !node.get("End").isBoolean()) {
      problems.add(where + ".End: must be true or false");
    }
    if (end == (next != null)) {
      problems.add(where + ": exactly one of Next or \"End\": true is required");
    }
    return new State.Transition(next, end);
  }

  private State.IoPath io(JsonNode node, String field, String where) {
    if (!node.has(field)) {
      return State.IoPath.ALL;
    }
    JsonNode v = node.get(field);
    if (v.isNull()) {
      return State.IoPath.DISCARD;
    }
    PathExpr path = path(v, where + "." + field);
    return path == null ? State.IoPath.ALL : new State.IoPath(path, false);
  }

  private State.ResultPathSpec resultPath(JsonNode node, String where) {
    if (!node.has("ResultPath")) {
      return State.ResultPathSpec.REPLACE;
    }
    return resultPathValue(node.get("ResultPath"), where + ".ResultPath");
  }

  private State.ResultPathSpec resultPathValue(JsonNode v, String where) {
    if (v.isNull()) {
      return State.ResultPathSpec.DISCARD;
    }
    try {
      ReferencePath path = ReferencePath.compile(v.asString(""));
      return path.text().equals("$")
          ? State.ResultPathSpec.REPLACE
          : new State.ResultPathSpec(path, false);
    } catch (IllegalArgumentException e) {
      problems.add(where + ": " + e.getMessage());
      return State.ResultPathSpec.REPLACE;
    }
  }

  private PayloadTemplate template(JsonNode node, String field, String where) {
    if (!node.has(field)) {
      return null;
    }
    return PayloadTemplate.compile(node.get(field), where + "." + field, problems);
  }

  private PathExpr path(JsonNode v, String where) {
    if (!v.isTextual()) {
      problems.add(where + ": must be a path string");
      return null;
    }
    try {
      return PathExpr.compile(v.stringValue(null));
    } catch (IllegalArgumentException e) {
      problems.add(where + ": " + e.getMessage());
      return null;
    }
  }

  private List<State.Retrier> retriers(JsonNode node, String where) {
    JsonNode retry = node.get("Retry");
    if (retry == null) {
      return List.of();
    }
    List<State.Retrier> out = new ArrayList<>();
    if (!retry.isArray()) {
      problems.add(where + ".Retry: must be an array");
      return List.of();
    }
    for (int i = 0; i < retry.size(); i++) {
      JsonNode r = retry.get(i);
      String at = where + ".Retry[" + i + "]";
      unknownFields(
          r,
          Set.of(
              "ErrorEquals",
              "IntervalSeconds",
              "MaxAttempts",
              "BackoffRate",
              "MaxDelaySeconds",
              "JitterStrategy",
              "Comment"),
          at,
          "in a retrier");
      List<String> errors = errorEquals(r, at, i == retry.size() - 1);
      double interval = r.path("IntervalSeconds").asDouble(1);
      int max = r.has("MaxAttempts") ? r.get("MaxAttempts").asInt(0) : 3;
      double backoff = r.has("BackoffRate") ? r.get("BackoffRate").asDouble(0) : 2.0;
      if (r.has("IntervalSeconds")
          && (!r.get("IntervalSeconds").isIntegralNumber() || interval < 1)) {
        problems.add(at + ".IntervalSeconds: must be a positive integer");
      }
      if (max < 0) {
        problems.add(at + ".MaxAttempts: must not be negative");
      }
      if (backoff < 1) {
        problems.add(at + ".BackoffRate: must be at least 1.0");
      }
      String jitter = r.path("JitterStrategy").asText("NONE");
      if (!jitter.equals("NONE") && !jitter.equals("FULL")) {
        problems.add(at + ".JitterStrategy: FULL or NONE");
      }
      out.add(
          new State.Retrier(
              errors,
              interval,
              max,
              backoff,
              r.has("MaxDelaySeconds") ? r.get("MaxDelaySeconds").asDouble(0) : null,
              jitter.equals("FULL")));
    }
    return List.copyOf(out);
  }

  private List<State.Catcher> catchers(JsonNode node, String where) {
    JsonNode catchNode = node.get("Catch");
    if (catchNode == null) {
      return List.of();
    }
    if (!catchNode.isArray()) {
      problems.add(where + ".Catch: must be an array");
      return List.of();
    }
    List<State.Catcher> out = new ArrayList<>();
    for (int i = 0; i < catchNode.size(); i++) {
      JsonNode c = catchNode.get(i);
      String at = where + ".Catch[" + i + "]";
      unknownFields(c, Set.of("ErrorEquals", "Next", "ResultPath", "Comment"), at, "in a catcher");
      List<String> errors = errorEquals(c, at, i == catchNode.size() - 1);
      if (!c.path("Next").isTextual()) {
        problems.add(at + ": a catcher needs Next");
      }
      State.ResultPathSpec resultPath =
          c.has("ResultPath")
              ? resultPathValue(c.get("ResultPath"), at + ".ResultPath")
              : State.ResultPathSpec.REPLACE;
      out.add(new State.Catcher(errors, c.path("Next").asText(null), resultPath));
    }
    return List.copyOf(out);
  }

  private List<String> errorEquals(JsonNode node, String where, boolean last) {
    JsonNode errors = node.get("ErrorEquals");
    if (errors == null || !errors.isArray() || errors.isEmpty()) {
      problems.add(where + ".ErrorEquals: must be a non-empty array of error names");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    errors.forEach(e -> out.add(e.asString("")));
    if (out.contains(StatesError.ALL) && (out.size() != 1 || !last)) {
      problems.add(
          where + ".ErrorEquals: States.ALL must appear alone, in the last retrier or catcher");
    }
    return List.copyOf(out);
  }

  private void unknownFields(JsonNode node, Set<String> allowed, String where, String context) {
    if (!node.isObject()) {
      return;
    }
    Iterator<String> names = node.propertyNames().iterator();
    while (names.hasNext()) {
      String field = names.next();
      if (!allowed.contains(field) && !COMMON.contains(field)) {
        problems.add(
            where
                + ": field '"
                + field
                + "' is not supported "
                + context
                + " by the local executor");
      }
    }
  }
}
