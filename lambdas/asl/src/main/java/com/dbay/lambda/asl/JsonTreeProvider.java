package com.dbay.lambda.asl;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidJsonException;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.TypeRef;
import com.jayway.jsonpath.spi.json.AbstractJsonProvider;
import com.jayway.jsonpath.spi.mapper.MappingProvider;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lets Jayway JsonPath walk Jackson 3 trees. JsonPath ships providers for Jackson 2 only, and the
 * engine keeps one JSON library (Jackson 3, as every service). Leaves are handed to JsonPath as
 * Java values (so that filters compare them), containers stay nodes; numbers stay exact
 * (BigDecimal, never a double).
 */
final class JsonTreeProvider extends AbstractJsonProvider implements MappingProvider {

  static final JsonTreeProvider INSTANCE = new JsonTreeProvider();

  private JsonTreeProvider() {}

  @Override
  public Object parse(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new InvalidJsonException(e, json);
    }
  }

  @Override
  public Object parse(InputStream jsonStream, String charset) {
    try {
      return Json.MAPPER.readTree(new InputStreamReader(jsonStream, charset));
    } catch (JacksonException | UnsupportedEncodingException e) {
      throw new InvalidJsonException(e);
    }
  }

  @Override
  public String toJson(Object obj) {
    return Json.write(Json.toNode(obj));
  }

  @Override
  public Object createArray() {
    return Json.NODES.arrayNode();
  }

  @Override
  public Object createMap() {
    return Json.NODES.objectNode();
  }

  @Override
  public Object unwrap(Object o) {
    if (!(o instanceof JsonNode node) || node.isContainer()) {
      return o;
    }
    if (node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isString()) {
      return node.stringValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isInt()) {
      return node.intValue();
    }
    if (node.isLong()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    return o;
  }

  @Override
  public boolean isArray(Object obj) {
    return obj instanceof ArrayNode || obj instanceof List;
  }

  @Override
  public boolean isMap(Object obj) {
    return obj instanceof ObjectNode;
  }

  @Override
  public Object getArrayIndex(Object obj, int idx) {
    return ((ArrayNode) obj).get(idx);
  }

  @Override
  public void setArrayIndex(Object array, int index, Object newValue) {
    ((ArrayNode) array).insert(index, Json.toNode(newValue));
  }

  @Override
  public Object getMapValue(Object obj, String key) {
    ObjectNode object = (ObjectNode) obj;
    return object.has(key) ? unwrap(object.get(key)) : UNDEFINED;
  }

  @Override
  public void setProperty(Object obj, Object key, Object value) {
    if (obj instanceof ObjectNode object) {
      object.set(key.toString(), Json.toNode(value));
      return;
    }
    ArrayNode array = (ArrayNode) obj;
    int index =
        key == null
            ? array.size()
            : key instanceof Integer i ? i : Integer.parseInt(key.toString());
    if (index == array.size()) {
      array.add(Json.toNode(value));
    } else {
      array.set(index, Json.toNode(value));
    }
  }

  @Override
  public void removeProperty(Object obj, Object key) {
    if (obj instanceof ObjectNode object) {
      object.remove(key.toString());
    } else {
      ((ArrayNode) obj).remove(key instanceof Integer i ? i : Integer.parseInt(key.toString()));
    }
  }

  @Override
  public Collection<String> getPropertyKeys(Object obj) {
    return new ArrayList<>(((ObjectNode) obj).propertyNames());
  }

  @Override
  public int length(Object obj) {
    if (obj instanceof JsonNode node && (node.isContainer() || node.isString())) {
      return node.isString() ? node.stringValue().length() : node.size();
    }
    if (obj instanceof String s) {
      return s.length();
    }
    throw new JsonPathException(
        "length cannot be applied to " + (obj == null ? "null" : obj.getClass().getName()));
  }

  @Override
  public Iterable<?> toIterable(Object obj) {
    List<Object> values = new ArrayList<>();
    for (JsonNode element : (ArrayNode) obj) {
      values.add(unwrap(element));
    }
    return values;
  }

  @Override
  public <T> T map(Object source, Class<T> targetType, Configuration configuration) {
    return source == null ? null : Json.MAPPER.convertValue(Json.toNode(source), targetType);
  }

  @Override
  public <T> T map(Object source, TypeRef<T> targetType, Configuration configuration) {
    throw new UnsupportedOperationException(
        "the ASL engine reads JSON trees, never typed references");
  }
}
