package com.dbay.lambda.asl;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Reference Path (the only kind ResultPath accepts): {@code $}, then {@code .name}, {@code
 * ['name']} or {@code [index]} steps, each naming exactly one node. Setting a value creates the
 * missing objects on the way, as the specification requires.
 */
public final class ReferencePath {

  private sealed interface Step permits Field, Index {}

  private record Field(String name) implements Step {}

  private record Index(int index) implements Step {}

  private final String text;
  private final List<Step> steps;

  private ReferencePath(String text, List<Step> steps) {
    this.text = text;
    this.steps = steps;
  }

  public static ReferencePath compile(String text) {
    if (text == null || !text.startsWith("$") || text.startsWith("$$")) {
      throw new IllegalArgumentException("a reference path starts with a single '$': " + text);
    }
    List<Step> steps = new ArrayList<>();
    int i = 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '.') {
        int j = i + 1;
        while (j < text.length() && text.charAt(j) != '.' && text.charAt(j) != '[') {
          j++;
        }
        String name = text.substring(i + 1, j);
        if (name.isEmpty() || name.equals("*") || name.contains("@")) {
          throw new IllegalArgumentException("not a reference path (one node only): " + text);
        }
        steps.add(new Field(name));
        i = j;
      } else if (c == '[') {
        int end = text.indexOf(']', i);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed '[' in " + text);
        }
        String inside = text.substring(i + 1, end).trim();
        if (inside.length() >= 2
            && (inside.startsWith("'") && inside.endsWith("'")
                || inside.startsWith("\"") && inside.endsWith("\""))) {
          steps.add(new Field(inside.substring(1, inside.length() - 1)));
        } else {
          try {
            int index = Integer.parseInt(inside);
            if (index < 0) {
              throw new NumberFormatException();
            }
            steps.add(new Index(index));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a reference path (one node only): " + text);
          }
        }
        i = end + 1;
      } else {
        throw new IllegalArgumentException("not a reference path: " + text);
      }
    }
    return new ReferencePath(text, List.copyOf(steps));
  }

  public String text() {
    return text;
  }

  /** Returns the input with the value placed at this path; the input itself is never changed. */
  public JsonNode set(JsonNode input, JsonNode value) {
    if (steps.isEmpty()) {
      return value;
    }
    JsonNode root =
        input == null || input.isMissingNode() ? Json.NODES.objectNode() : input.deepCopy();
    JsonNode current = root;
    for (int s = 0; s < steps.size(); s++) {
      Step step = steps.get(s);
      boolean last = s == steps.size() - 1;
      if (step instanceof Field field) {
        if (!(current instanceof ObjectNode object)) {
          throw mismatch(input);
        }
        if (last) {
          object.set(field.name(), value);
        } else {
          JsonNode next = object.get(field.name());
          if (next == null || next.isNull()) {
            next = object.putObject(field.name());
          }
          current = next;
        }
      } else {
        Index index = (Index) step;
        if (!(current instanceof ArrayNode array) || index.index() >= array.size()) {
          throw mismatch(input);
        }
        if (last) {
          array.set(index.index(), value);
        } else {
          current = array.get(index.index());
        }
      }
    }
    return root;
  }

  private StatesError mismatch(JsonNode input) {
    return new StatesError(
        StatesError.RESULT_PATH_MATCH_FAILURE,
        "Unable to apply ResultPath '" + text + "' to input " + PathExpr.abbreviate(input));
  }

  @Override
  public String toString() {
    return text;
  }
}
