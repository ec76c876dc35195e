package com.dbay.lambda.asl;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An intrinsic function call such as {@code States.Format('Hello, {}', $.name)}, parsed when the
 * definition loads (unknown names and wrong argument counts are rejected then) and evaluated per
 * state.
 */
public final class Intrinsic implements ValueExpression {

  /** Function name → [min args, max args] (max -1: unbounded). */
  static final Map<String, int[]> ARITY =
      Map.ofEntries(
          Map.entry("States.Format", new int[] {1, -1}),
          Map.entry("States.StringToJson", new int[] {1, 1}),
          Map.entry("States.JsonToString", new int[] {1, 1}),
          Map.entry("States.Array", new int[] {0, -1}),
          Map.entry("States.ArrayPartition", new int[] {2, 2}),
          Map.entry("States.ArrayContains", new int[] {2, 2}),
          Map.entry("States.ArrayRange", new int[] {3, 3}),
          Map.entry("States.ArrayGetItem", new int[] {2, 2}),
          Map.entry("States.ArrayLength", new int[] {1, 1}),
          Map.entry("States.ArrayUnique", new int[] {1, 1}),
          Map.entry("States.Base64Encode", new int[] {1, 1}),
          Map.entry("States.Base64Decode", new int[] {1, 1}),
          Map.entry("States.Hash", new int[] {2, 2}),
          Map.entry("States.JsonMerge", new int[] {3, 3}),
          Map.entry("States.MathRandom", new int[] {2, 3}),
          Map.entry("States.MathAdd", new int[] {2, 2}),
          Map.entry("States.StringSplit", new int[] {2, 2}),
          Map.entry("States.UUID", new int[] {0, 0}));

  private sealed interface Arg permits Literal, PathArg, Call {}

  /**
   * A literal argument. For a string, {@code template} keeps the escapes of the reserved characters
   * {@code { } \\}, so that States.Format can tell an escaped brace from a placeholder; {@code
   * value} has every escape resolved.
   */
  private record Literal(JsonNode value, String template) implements Arg {
    Literal(JsonNode value) {
      this(value, null);
    }
  }

  private record PathArg(PathExpr path) implements Arg {}

  private record Call(String name, List<Arg> args) implements Arg {}

  private final String text;
  private final Call call;

  private Intrinsic(String text, Call call) {
    this.text = text;
    this.call = call;
  }

  public static boolean looksLikeIntrinsic(String text) {
    return text != null && text.startsWith("States.");
  }

  public static Intrinsic parse(String text) {
    Parser parser = new Parser(text);
    Call call = parser.call();
    parser.skipSpaces();
    if (parser.pos != text.length()) {
      throw new IllegalArgumentException("unexpected text after the call in " + text);
    }
    return new Intrinsic(text, call);
  }

  public JsonNode evaluate(JsonNode input, JsonNode context) {
    return evaluate(call, input, context);
  }

  private static JsonNode evaluate(Arg arg, JsonNode input, JsonNode context) {
    return switch (arg) {
      case Literal literal -> literal.value();
      case PathArg path -> path.path().evaluate(input, context);
      case Call call -> {
        List<JsonNode> values = new ArrayList<>(call.args().size());
        for (Arg a : call.args()) {
          values.add(evaluate(a, input, context));
        }
        // A literal template is read with its escapes (resolving them twice would eat an escaped
        // backslash).
        if (call.name().equals("States.Format")
            && call.args().get(0) instanceof Literal l
            && l.template() != null) {
          values.set(0, Json.NODES.textNode(l.template()));
        }
        try {
          yield apply(call.name(), values);
        } catch (StatesError e) {
          throw e;
        } catch (RuntimeException e) {
          throw new StatesError(StatesError.INTRINSIC_FAILURE, call.name() + ": " + e.getMessage());
        }
      }
    };
  }

  private static JsonNode apply(String name, List<JsonNode> a) {
    switch (name) {
      case "States.Format":
        {
          String template = text(a.get(0), name);
          StringBuilder out = new StringBuilder();
          int next = 1;
          for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && i + 1 < template.length()) {
              out.append(template.charAt(++i));
            } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
              if (next >= a.size()) {
                throw new IllegalArgumentException("more {} than arguments");
              }
              JsonNode v = a.get(next++);
              if (v.isContainer()) {
                throw new IllegalArgumentException(
                    "arguments must be strings, numbers, booleans or null");
              }
              out.append(
                  v.isTextual() ? v.stringValue(null) : v.isNull() ? "null" : v.asString(""));
              i++;
            } else {
              out.append(c);
            }
          }
          if (next != a.size()) {
            throw new IllegalArgumentException("more arguments than {}");
          }
          return Json.NODES.textNode(out.toString());
        }
      case "States.StringToJson":
        return Json.parse(text(a.get(0), name));
      case "States.JsonToString":
        return Json.NODES.textNode(Json.write(a.get(0)));
      case "States.Array":
        {
          ArrayNode array = Json.NODES.arrayNode();
          a.forEach(array::add);
          return array;
        }
      case "States.ArrayPartition":
        {
          JsonNode source = array(a.get(0), name);
          int size = integer(a.get(1), name);
          if (size <= 0) {
            throw new IllegalArgumentException("chunk size must be positive");
          }
          ArrayNode out = Json.NODES.arrayNode();
          ArrayNode chunk = null;
          for (JsonNode item : source) {
            if (chunk == null || chunk.size() == size) {
              chunk = out.addArray();
            }
            chunk.add(item);
          }
          return out;
        }
      case "States.ArrayContains":
        {
          for (JsonNode item : array(a.get(0), name)) {
            if (item.equals(a.get(1))) {
              return Json.NODES.booleanNode(true);
            }
          }
          return Json.NODES.booleanNode(false);
        }
      case "States.ArrayRange":
        {
          int first = integer(a.get(0), name);
          int last = integer(a.get(1), name);
          int step = integer(a.get(2), name);
          if (step == 0) {
            throw new IllegalArgumentException("step must not be 0");
          }
          ArrayNode out = Json.NODES.arrayNode();
          for (int v = first; step > 0 ? v <= last : v >= last; v += step) {
            out.add(v);
            if (out.size() > 1000) {
              throw new IllegalArgumentException("at most 1000 items");
            }
          }
          return out;
        }
      case "States.ArrayGetItem":
        {
          JsonNode source = array(a.get(0), name);
          int index = integer(a.get(1), name);
          if (index < 0 || index >= source.size()) {
            throw new IllegalArgumentException("index " + index + " out of range");
          }
          return source.get(index);
        }
      case "States.ArrayLength":
        return Json.NODES.numberNode(array(a.get(0), name).size());
      case "States.ArrayUnique":
        {
          Set<JsonNode> seen = new LinkedHashSet<>();
          array(a.get(0), name).forEach(seen::add);
          ArrayNode out = Json.NODES.arrayNode();
          seen.forEach(out::add);
          return out;
        }
      case "States.Base64Encode":
        return Json.NODES.textNode(
            Base64.getEncoder()
                .encodeToString(text(a.get(0), name).getBytes(StandardCharsets.UTF_8)));
      case "States.Base64Decode":
        return Json.NODES.textNode(
            new String(Base64.getDecoder().decode(text(a.get(0), name)), StandardCharsets.UTF_8));
      case "States.Hash":
        {
          String algorithm =
              switch (text(a.get(1), name)) {
                case "MD5" -> "MD5";
                case "SHA-1" -> "SHA-1";
                case "SHA-256" -> "SHA-256";
                case "SHA-384" -> "SHA-384";
                case "SHA-512" -> "SHA-512";
                default -> throw new IllegalArgumentException("unknown algorithm " + a.get(1));
              };
          JsonNode data = a.get(0);
          String value = data.isTextual() ? data.stringValue(null) : Json.write(data);
          try {
            byte[] digest =
                MessageDigest.getInstance(algorithm).digest(value.getBytes(StandardCharsets.UTF_8));
            return Json.NODES.textNode(HexFormat.of().formatHex(digest));
          } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
          }
        }
      case "States.JsonMerge":
        {
          if (!a.get(0).isObject() || !a.get(1).isObject()) {
            throw new IllegalArgumentException("both arguments must be objects");
          }
          if (!a.get(2).isBoolean() || a.get(2).booleanValue(false)) {
            throw new IllegalArgumentException("only the shallow merge (false) is supported");
          }
          ObjectNode merged = ((ObjectNode) a.get(0)).deepCopy();
          merged.setAll(((ObjectNode) a.get(1)).deepCopy());
          return merged;
        }
      case "States.MathRandom":
        {
          int start = integer(a.get(0), name);
          int end = integer(a.get(1), name);
          if (end <= start) {
            throw new IllegalArgumentException("end must be above start");
          }
          // The same seed gives the same number, as the guide promises; no seed, a fresh draw.
          java.util.random.RandomGenerator random =
              a.size() == 3
                  ? new java.util.Random(integer(a.get(2), name))
                  : ThreadLocalRandom.current();
          return Json.NODES.numberNode(random.nextInt(start, end));
        }
      case "States.MathAdd":
        {
          // Non-integers are rounded to the nearest integer first, halves upwards (Java's
          // Math.round,
          // which the service uses: 2.5 -> 3, -2.5 -> -2).
          BigInteger x = roundHalfUp(number(a.get(0), name));
          BigInteger y = roundHalfUp(number(a.get(1), name));
          return Json.NODES.numberNode(x.add(y));
        }
      case "States.StringSplit":
        {
          String value = text(a.get(0), name);
          String delimiters = text(a.get(1), name);
          ArrayNode out = Json.NODES.arrayNode();
          StringBuilder token = new StringBuilder();
          for (char c : value.toCharArray()) {
            if (delimiters.indexOf(c) >= 0) {
              if (!token.isEmpty()) {
                out.add(token.toString());
              }
              token.setLength(0);
            } else {
              token.append(c);
            }
          }
          if (!token.isEmpty()) {
            out.add(token.toString());
          }
          return out;
        }
      case "States.UUID":
        return Json.NODES.textNode(UUID.randomUUID().toString());
      default:
        throw new IllegalArgumentException("unknown intrinsic " + name);
    }
  }

  private static String text(JsonNode v, String fn) {
    if (!v.isTextual()) {
      throw new IllegalArgumentException("expected a string, got " + v);
    }
    return v.stringValue(null);
  }

  private static JsonNode array(JsonNode v, String fn) {
    if (!v.isArray()) {
      throw new IllegalArgumentException("expected an array, got " + v);
    }
    return v;
  }

  private static int integer(JsonNode v, String fn) {
    if (!v.isNumber() || !v.canConvertToExactIntegral()) {
      throw new IllegalArgumentException("expected an integer, got " + v);
    }
    return v.intValue();
  }

  private static BigInteger roundHalfUp(BigDecimal value) {
    return value
        .add(new BigDecimal("0.5"))
        .setScale(0, java.math.RoundingMode.FLOOR)
        .toBigIntegerExact();
  }

  private static BigDecimal number(JsonNode v, String fn) {
    if (!v.isNumber()) {
      throw new IllegalArgumentException("expected a number, got " + v);
    }
    return v.decimalValue();
  }

  @Override
  public String toString() {
    return text;
  }

  private static final class Parser {
    private final String s;
    private int pos;

    Parser(String s) {
      this.s = s;
    }

    void skipSpaces() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    Call call() {
      skipSpaces();
      int start = pos;
      while (pos < s.length()
          && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
        pos++;
      }
      String name = s.substring(start, pos);
      int[] arity = ARITY.get(name);
      if (arity == null) {
        throw new IllegalArgumentException(
            "unknown or unsupported intrinsic function '" + name + "' in " + s);
      }
      expect('(');
      List<Arg> args = new ArrayList<>();
      skipSpaces();
      if (peek() == ')') {
        pos++;
      } else {
        while (true) {
          args.add(arg());
          skipSpaces();
          char c = next();
          if (c == ')') {
            break;
          }
          if (c != ',') {
            throw new IllegalArgumentException("expected ',' or ')' at " + (pos - 1) + " in " + s);
          }
        }
      }
      if (args.size() < arity[0] || arity[1] >= 0 && args.size() > arity[1]) {
        throw new IllegalArgumentException(
            name
                + " takes "
                + (arity[1] == arity[0]
                    ? arity[0]
                    : arity[0] + (arity[1] < 0 ? " or more" : " to " + arity[1]))
                + " arguments, got "
                + args.size()
                + " in "
                + s);
      }
      return new Call(name, List.copyOf(args));
    }

    Arg arg() {
      skipSpaces();
      char c = peek();
      if (c == '\'') {
        pos++;
        StringBuilder out = new StringBuilder();
        StringBuilder template = new StringBuilder();
        while (true) {
          if (pos >= s.length()) {
            throw new IllegalArgumentException("unterminated string in " + s);
          }
          char ch = s.charAt(pos++);
          if (ch == '\\') {
            // Only the reserved characters ' { } \ may be escaped; the guide calls anything else an
            // open escape backslash, an error (never a character silently dropped).
            char escaped = pos < s.length() ? s.charAt(pos++) : 0;
            if ("'{}\\".indexOf(escaped) < 0 || escaped == 0) {
              throw new IllegalArgumentException(
                  "an open escape backslash at "
                      + (pos - 1)
                      + " in "
                      + s
                      + " (only \\' \\{ \\} \\\\ are escapes)");
            }
            out.append(escaped);
            if (escaped != '\'') {
              template.append('\\');
            }
            template.append(escaped);
          } else if (ch == '\'') {
            break;
          } else {
            out.append(ch);
            template.append(ch);
          }
        }
        return new Literal(Json.NODES.textNode(out.toString()), template.toString());
      }
      if (c == '$') {
        int start = pos;
        int depth = 0;
        boolean quoted = false;
        while (pos < s.length()) {
          char ch = s.charAt(pos);
          if (ch == '\'') {
            quoted = !quoted;
          } else if (!quoted && (ch == '[' || ch == '(')) {
            depth++;
          } else if (!quoted && (ch == ']' || ch == ')')) {
            if (depth == 0) {
              break;
            }
            depth--;
          } else if (!quoted && depth == 0 && ch == ',') {
            break;
          }
          pos++;
        }
        return new PathArg(PathExpr.compile(s.substring(start, pos).trim()));
      }
      if (s.startsWith("States.", pos)) {
        return call();
      }
      int start = pos;
      while (pos < s.length() && s.charAt(pos) != ',' && s.charAt(pos) != ')') {
        pos++;
      }
      String token = s.substring(start, pos).trim();
      switch (token) {
        case "null":
          return new Literal(Json.NODES.nullNode());
        case "true":
          return new Literal(Json.NODES.booleanNode(true));
        case "false":
          return new Literal(Json.NODES.booleanNode(false));
        default:
          try {
            if (token.matches("-?\\d+")) {
              BigInteger integer = new BigInteger(token);
              return new Literal(
                  integer.bitLength() < 32
                      ? Json.NODES.numberNode(integer.intValue())
                      : integer.bitLength() < 64
                          ? Json.NODES.numberNode(integer.longValue())
                          : Json.NODES.numberNode(integer));
            }
            return new Literal(Json.NODES.numberNode(new BigDecimal(token)));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cannot read argument '" + token + "' in " + s);
          }
      }
    }

    char peek() {
      if (pos >= s.length()) {
        throw new IllegalArgumentException("unexpected end of " + s);
      }
      return s.charAt(pos);
    }

    char next() {
      char c = peek();
      pos++;
      return c;
    }

    void expect(char c) {
      skipSpaces();
      if (next() != c) {
        throw new IllegalArgumentException("expected '" + c + "' at " + (pos - 1) + " in " + s);
      }
    }
  }

  static Iterator<String> names() {
    return ARITY.keySet().iterator();
  }
}
