package com.dbay.lambda.asl;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import tools.jackson.databind.JsonNode;

/**
 * A compiled ASL Path: a JSONPath over the state's input, or, when it starts with {@code $$}, over
 * the context object. A path that matches nothing raises {@code States.Runtime} as the service
 * does.
 */
public final class PathExpr implements ValueExpression {

  static final Configuration CONFIG =
      Configuration.builder()
          .jsonProvider(JsonTreeProvider.INSTANCE)
          .mappingProvider(JsonTreeProvider.INSTANCE)
          .build();

  private final String text;
  private final boolean context;
  private final JsonPath path;

  private PathExpr(String text, boolean context, JsonPath path) {
    this.text = text;
    this.context = context;
    this.path = path;
  }

  /**
   * @throws IllegalArgumentException when the text is not a path the engine can evaluate
   */
  public static PathExpr compile(String text) {
    if (text == null || !text.startsWith("$")) {
      throw new IllegalArgumentException("a path must start with '$': " + text);
    }
    boolean context = text.startsWith("$$");
    String jsonPath = context ? text.substring(1) : text;
    try {
      return new PathExpr(text, context, JsonPath.compile(jsonPath));
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(
          "not a valid JSONPath '" + text + "': " + e.getMessage(), e);
    }
  }

  public String text() {
    return text;
  }

  public boolean isDefinite() {
    return path.isDefinite();
  }

  public JsonNode evaluate(JsonNode input, JsonNode contextObject) {
    JsonNode root = context ? contextObject : input;
    try {
      Object value = path.read(root == null ? Json.NODES.nullNode() : root, CONFIG);
      return Json.toNode(value);
    } catch (PathNotFoundException e) {
      throw new StatesError(
          StatesError.RUNTIME, "Invalid path '" + text + "': no match in " + abbreviate(root));
    } catch (RuntimeException e) {
      throw new StatesError(StatesError.RUNTIME, "Invalid path '" + text + "': " + e.getMessage());
    }
  }

  /** Evaluates and says whether the path matched anything at all (IsPresent). */
  public boolean isPresent(JsonNode input, JsonNode contextObject) {
    JsonNode root = context ? contextObject : input;
    try {
      Object value = path.read(root, CONFIG);
      return path.isDefinite() || Json.toNode(value).size() > 0;
    } catch (RuntimeException e) {
      return false;
    }
  }

  static String abbreviate(JsonNode node) {
    String s = Json.write(node);
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  @Override
  public String toString() {
    return text;
  }
}
