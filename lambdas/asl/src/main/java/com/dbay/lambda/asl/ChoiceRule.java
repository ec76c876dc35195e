package com.dbay.lambda.asl;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A Choice rule (boolean expression): And / Or / Not over data-test expressions. Compiled at load.
 */
public sealed interface ChoiceRule {

  boolean matches(JsonNode input, JsonNode context);

  record And(List<ChoiceRule> rules) implements ChoiceRule {
    public boolean matches(JsonNode input, JsonNode context) {
      for (ChoiceRule r : rules) {
        if (!r.matches(input, context)) {
          return false;
        }
      }
      return true;
    }
  }

  record Or(List<ChoiceRule> rules) implements ChoiceRule {
    public boolean matches(JsonNode input, JsonNode context) {
      for (ChoiceRule r : rules) {
        if (r.matches(input, context)) {
          return true;
        }
      }
      return false;
    }
  }

  record Not(ChoiceRule rule) implements ChoiceRule {
    public boolean matches(JsonNode input, JsonNode context) {
      return !rule.matches(input, context);
    }
  }

  /**
   * A data test: Variable, a comparison operator and its operand (a literal or, for *Path, a path).
   */
  record Test(
      PathExpr variable, String operator, JsonNode literal, PathExpr operandPath, Pattern pattern)
      implements ChoiceRule {

    public boolean matches(JsonNode input, JsonNode context) {
      if (operator.equals("IsPresent")) {
        return variable.isPresent(input, context) == literal.booleanValue(false);
      }
      JsonNode value = variable.evaluate(input, context);
      JsonNode operand = operandPath != null ? operandPath.evaluate(input, context) : literal;
      String base = operandPath != null ? operator.substring(0, operator.length() - 4) : operator;
      return switch (base) {
        case "IsNull" -> value.isNull() == operand.booleanValue(false);
        case "IsNumeric" -> value.isNumber() == operand.booleanValue(false);
        case "IsString" -> value.isTextual() == operand.booleanValue(false);
        case "IsBoolean" -> value.isBoolean() == operand.booleanValue(false);
        case "IsTimestamp" ->
            (value.isTextual() && timestamp(value.stringValue(null)) != null)
                == operand.booleanValue(false);
        case "StringMatches" ->
            value.isTextual() && pattern.matcher(value.stringValue(null)).matches();
        case "BooleanEquals" ->
            value.isBoolean()
                && operand.isBoolean()
                && value.booleanValue(false) == operand.booleanValue(false);
        default -> compare(base, value, operand);
      };
    }

    private static boolean compare(String operator, JsonNode value, JsonNode operand) {
      int cmp;
      String relation;
      if (operator.startsWith("String")) {
        if (!value.isTextual() || !operand.isTextual()) {
          return false;
        }
        cmp = value.stringValue(null).compareTo(operand.stringValue(null));
        relation = operator.substring("String".length());
      } else if (operator.startsWith("Numeric")) {
        if (!value.isNumber() || !operand.isNumber()) {
          return false;
        }
        cmp = value.decimalValue().compareTo(operand.decimalValue());
        relation = operator.substring("Numeric".length());
      } else {
        OffsetDateTime a = value.isTextual() ? timestamp(value.stringValue(null)) : null;
        OffsetDateTime b = operand.isTextual() ? timestamp(operand.stringValue(null)) : null;
        if (a == null || b == null) {
          return false;
        }
        cmp = a.toInstant().compareTo(b.toInstant());
        relation = operator.substring("Timestamp".length());
      }
      return switch (relation) {
        case "Equals" -> cmp == 0;
        case "LessThan" -> cmp < 0;
        case "GreaterThan" -> cmp > 0;
        case "LessThanEquals" -> cmp <= 0;
        case "GreaterThanEquals" -> cmp >= 0;
        default -> throw new IllegalStateException(operator);
      };
    }
  }

  static OffsetDateTime timestamp(String text) {
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  Set<String> COMPARATORS =
      Set.of(
          "StringEquals",
          "StringLessThan",
          "StringGreaterThan",
          "StringLessThanEquals",
          "StringGreaterThanEquals",
          "NumericEquals",
          "NumericLessThan",
          "NumericGreaterThan",
          "NumericLessThanEquals",
          "NumericGreaterThanEquals",
          "BooleanEquals",
          "TimestampEquals",
          "TimestampLessThan",
          "TimestampGreaterThan",
          "TimestampLessThanEquals",
          "TimestampGreaterThanEquals");

  Set<String> TYPE_TESTS =
      Set.of("IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp");

  /** Compiles one rule; {@code top} rules carry Next, nested ones must not. */
  static ChoiceRule compile(JsonNode node, String where, boolean top, List<String> problems) {
    if (!node.isObject()) {
      problems.add(where + ": a choice rule must be an object");
      return null;
    }
    List<String> operators = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
    while (it.hasNext()) {
      String key = it.next().getKey();
      if (key.equals("Next") && top || key.equals("Comment") || key.equals("Variable")) {
        continue;
      }
      if (key.equals("Next")) {
        problems.add(where + ": Next is only allowed on top-level choice rules");
        continue;
      }
      operators.add(key);
    }
    if (top && !node.path("Next").isTextual()) {
      problems.add(where + ": a top-level choice rule needs Next");
    }
    if (operators.size() != 1) {
      problems.add(where + ": a choice rule needs exactly one operator, found " + operators);
      return null;
    }
    String op = operators.get(0);
    JsonNode operand = node.get(op);
    switch (op) {
      case "And", "Or" -> {
        if (!operand.isArray() || operand.isEmpty()) {
          problems.add(where + "." + op + ": needs a non-empty array of rules");
          return null;
        }
        if (node.has("Variable")) {
          problems.add(where + ": " + op + " takes no Variable");
        }
        List<ChoiceRule> rules = new ArrayList<>();
        for (int i = 0; i < operand.size(); i++) {
          rules.add(compile(operand.get(i), where + "." + op + "[" + i + "]", false, problems));
        }
        return op.equals("And")
            ? new And(List.copyOf(rules.stream().filter(r -> r != null).toList()))
            : new Or(List.copyOf(rules.stream().filter(r -> r != null).toList()));
      }
      case "Not" -> {
        if (node.has("Variable")) {
          problems.add(where + ": Not takes no Variable");
        }
        ChoiceRule inner = compile(operand, where + ".Not", false, problems);
        return inner == null ? null : new Not(inner);
      }
      default -> {
        if (!node.path("Variable").isTextual()) {
          problems.add(where + ": a data-test rule needs Variable");
          return null;
        }
        PathExpr variable;
        try {
          variable = PathExpr.compile(node.get("Variable").stringValue(null));
        } catch (IllegalArgumentException e) {
          problems.add(where + ".Variable: " + e.getMessage());
          return null;
        }
        boolean isPath = op.endsWith("Path") && !op.equals("StringMatchesPath");
        String base = isPath ? op.substring(0, op.length() - 4) : op;
        if (TYPE_TESTS.contains(op)) {
          if (!operand.isBoolean()) {
            problems.add(where + "." + op + ": must be true or false");
          }
          return new Test(variable, op, operand, null, null);
        }
        if (op.equals("StringMatches")) {
          if (!operand.isTextual()) {
            problems.add(where + ".StringMatches: must be a string");
            return null;
          }
          try {
            return new Test(variable, op, operand, null, wildcard(operand.stringValue(null)));
          } catch (IllegalArgumentException e) {
            problems.add(where + ".StringMatches: " + e.getMessage());
            return null;
          }
        }
        if (!COMPARATORS.contains(base)) {
          problems.add(where + ": unknown or unsupported choice operator '" + op + "'");
          return null;
        }
        if (isPath) {
          if (!operand.isTextual()) {
            problems.add(where + "." + op + ": must be a path");
            return null;
          }
          try {
            return new Test(variable, op, null, PathExpr.compile(operand.stringValue(null)), null);
          } catch (IllegalArgumentException e) {
            problems.add(where + "." + op + ": " + e.getMessage());
            return null;
          }
        }
        boolean ok =
            switch (base.startsWith("String")
                ? "s"
                : base.startsWith("Numeric") ? "n" : base.startsWith("Boolean") ? "b" : "t") {
              case "s" -> operand.isTextual();
              case "n" -> operand.isNumber();
              case "b" -> operand.isBoolean();
              default -> operand.isTextual() && timestamp(operand.stringValue(null)) != null;
            };
        if (!ok) {
          problems.add(where + "." + op + ": operand " + operand + " has the wrong type");
        }
        return new Test(variable, op, operand, null, null);
      }
    }
  }

  /** StringMatches: '*' matches any run of characters; '\*' and '\\' are literal. */
  static Pattern wildcard(String text) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        char escaped = i + 1 < text.length() ? text.charAt(++i) : 0;
        if (escaped != '*' && escaped != '\\') {
          throw new IllegalArgumentException(
              "an open escape backslash at "
                  + i
                  + " in '"
                  + text
                  + "' (only \\* and \\\\ are escapes)");
        }
        regex.append(Pattern.quote(String.valueOf(escaped)));
      } else if (c == '*') {
        regex.append(".*");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
