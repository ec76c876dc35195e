package com.dbay.lambda.localruntime.events;

import com.dbay.lambda.asl.Json;
import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * EventBridge event patterns: every field named in the pattern must match; a leaf is an array of
 * alternatives, each an exact value or one of {@code prefix}, {@code suffix}, {@code anything-but},
 * {@code exists}, {@code equals-ignore-case}, {@code numeric}. An unknown operator is refused when
 * the rule loads.
 */
public final class EventPattern {

  private final JsonNode pattern;

  private EventPattern(JsonNode pattern) {
    this.pattern = pattern;
  }

  public static EventPattern parse(String text) {
    JsonNode node = Json.parse(text);
    if (!node.isObject() || node.isEmpty()) {
      throw new IllegalArgumentException("an event pattern is a non-empty JSON object: " + text);
    }
    validate(node, "");
    return new EventPattern(node);
  }

  private static void validate(JsonNode node, String where) {
    Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (v.isObject()) {
        validate(v, where + e.getKey() + ".");
      } else if (v.isArray()) {
        for (JsonNode alt : v) {
          if (alt.isObject()) {
            String op = alt.propertyNames().iterator().next();
            if (!java.util.Set.of(
                    "prefix", "suffix", "anything-but", "exists", "equals-ignore-case", "numeric")
                .contains(op)) {
              throw new IllegalArgumentException(
                  "unsupported pattern operator '" + op + "' at " + where + e.getKey());
            }
          }
        }
      } else {
        throw new IllegalArgumentException(
            "pattern field " + where + e.getKey() + " must be an array or an object");
      }
    }
  }

  public boolean matches(JsonNode event) {
    return matches(pattern, event);
  }

  private static boolean matches(JsonNode pattern, JsonNode event) {
    Iterator<Map.Entry<String, JsonNode>> it = pattern.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode value = event == null ? null : event.get(e.getKey());
      JsonNode p = e.getValue();
      if (p.isObject()) {
        if (value == null || !value.isObject() || !matches(p, value)) {
          return false;
        }
      } else if (!anyAlternative(p, value)) {
        return false;
      }
    }
    return true;
  }

  private static boolean anyAlternative(JsonNode alternatives, JsonNode value) {
    for (JsonNode alt : alternatives) {
      if (alt.isObject() && alt.has("exists")) {
        if (alt.get("exists").asBoolean(false) == (value != null && !value.isNull())) {
          return true;
        }
        continue;
      }
      if (value == null) {
        continue;
      }
      if (value.isArray()) {
        for (JsonNode item : value) {
          if (one(alt, item)) {
            return true;
          }
        }
      } else if (one(alt, value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean one(JsonNode alt, JsonNode value) {
    if (!alt.isObject()) {
      return alt.isNumber() && value.isNumber()
          ? alt.decimalValue().compareTo(value.decimalValue()) == 0
          : alt.equals(value);
    }
    String op = alt.propertyNames().iterator().next();
    JsonNode arg = alt.get(op);
    String text = value.isTextual() ? value.stringValue(null) : null;
    return switch (op) {
      case "prefix" -> text != null && text.startsWith(arg.asString(""));
      case "suffix" -> text != null && text.endsWith(arg.asString(""));
      case "equals-ignore-case" -> text != null && text.equalsIgnoreCase(arg.asString(""));
      case "anything-but" -> {
        if (arg.isArray()) {
          for (JsonNode a : arg) {
            if (one(a, value)) {
              yield false;
            }
          }
          yield true;
        }
        yield !one(arg, value);
      }
      case "numeric" -> {
        if (!value.isNumber()) {
          yield false;
        }
        for (int i = 0; i + 1 < arg.size(); i += 2) {
          int cmp = value.decimalValue().compareTo(arg.get(i + 1).decimalValue());
          boolean ok =
              switch (arg.get(i).asString("")) {
                case "=" -> cmp == 0;
                case "<" -> cmp < 0;
                case "<=" -> cmp <= 0;
                case ">" -> cmp > 0;
                case ">=" -> cmp >= 0;
                default -> false;
              };
          if (!ok) {
            yield false;
          }
        }
        yield true;
      }
      default -> false;
    };
  }
}
