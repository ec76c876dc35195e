package com.dbay.lambda.asl;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parameters / ResultSelector: a JSON template whose fields ending in {@code .$} take their value
 * from a path or an intrinsic function. Compiled once when the definition loads.
 */
public final class PayloadTemplate {

  private sealed interface Node permits Constant, Dynamic, Obj, Arr {}

  private record Constant(JsonNode value) implements Node {}

  private record Dynamic(PathExpr path, Intrinsic intrinsic) implements Node {}

  private record Field(String name, Node value) {}

  private record Obj(List<Field> fields) implements Node {}

  private record Arr(List<Node> items) implements Node {}

  private final Node root;

  private PayloadTemplate(Node root) {
    this.root = root;
  }

  /**
   * @param where the JSON location, for problems
   */
  public static PayloadTemplate compile(JsonNode template, String where, List<String> problems) {
    return new PayloadTemplate(compileNode(template, where, problems));
  }

  private static Node compileNode(JsonNode node, String where, List<String> problems) {
    if (node.isObject()) {
      List<Field> fields = new ArrayList<>();
      java.util.Set<String> names = new java.util.HashSet<>();
      Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey();
        String fieldName = key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
        if (!names.add(fieldName)) {
          problems.add(where + ": field '" + fieldName + "' appears twice once '.$' is removed");
          continue;
        }
        if (key.endsWith(".$")) {
          String name = key.substring(0, key.length() - 2);
          JsonNode v = e.getValue();
          if (!v.isTextual()) {
            problems.add(
                where
                    + "."
                    + key
                    + ": a field ending in '.$' needs a path or an intrinsic function");
            continue;
          }
          try {
            String text = v.stringValue(null);
            fields.add(
                new Field(
                    name,
                    Intrinsic.looksLikeIntrinsic(text)
                        ? new Dynamic(null, Intrinsic.parse(text))
                        : new Dynamic(PathExpr.compile(text), null)));
          } catch (IllegalArgumentException ex) {
            problems.add(where + "." + key + ": " + ex.getMessage());
          }
        } else {
          fields.add(new Field(key, compileNode(e.getValue(), where + "." + key, problems)));
        }
      }
      if (fields.stream().allMatch(f -> f.value() instanceof Constant)) {
        return new Constant(node);
      }
      return new Obj(List.copyOf(fields));
    }
    if (node.isArray()) {
      List<Node> items = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        items.add(compileNode(node.get(i), where + "[" + i + "]", problems));
      }
      if (items.stream().allMatch(n -> n instanceof Constant)) {
        return new Constant(node);
      }
      return new Arr(List.copyOf(items));
    }
    return new Constant(node);
  }

  public JsonNode apply(JsonNode input, JsonNode context) {
    return apply(root, input, context);
  }

  private static JsonNode apply(Node node, JsonNode input, JsonNode context) {
    return switch (node) {
      case Constant c -> c.value().deepCopy();
      case Dynamic d -> {
        if (d.intrinsic() != null) {
          yield d.intrinsic().evaluate(input, context);
        }
        try {
          yield d.path().evaluate(input, context).deepCopy();
        } catch (StatesError e) {
          throw new StatesError(
              StatesError.RUNTIME,
              "The JSONPath '"
                  + d.path().text()
                  + "' could not be found in the input "
                  + PathExpr.abbreviate(input));
        }
      }
      case Obj o -> {
        ObjectNode out = Json.NODES.objectNode();
        for (Field f : o.fields()) {
          out.set(f.name(), apply(f.value(), input, context));
        }
        yield out;
      }
      case Arr a -> {
        ArrayNode out = Json.NODES.arrayNode();
        for (Node item : a.items()) {
          out.add(apply(item, input, context));
        }
        yield out;
      }
    };
  }
}
