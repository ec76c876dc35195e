package com.dbay.lambda.asl;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;

/**
 * The one mapper of the engine; numbers stay exact so money and counters never pass through a
 * double.
 */
public final class Json {

  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  /** Jackson 3's node factory keeps a BigDecimal as given (1.50 stays 1.50). */
  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  public static JsonNode parse(String text) {
    if (text == null) {
      return NullNode.getInstance();
    }
    try {
      return MAPPER.readTree(text);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node == null ? NullNode.getInstance() : node);
    } catch (JacksonException e) {
      throw new IllegalStateException(e);
    }
  }

  public static JsonNode toNode(Object value) {
    if (value instanceof JsonNode node) {
      return node;
    }
    if (value == null) {
      return NullNode.getInstance();
    }
    return MAPPER.valueToTree(value);
  }
}
