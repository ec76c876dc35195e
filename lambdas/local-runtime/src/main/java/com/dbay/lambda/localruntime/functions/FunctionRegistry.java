package com.dbay.lambda.localruntime.functions;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.dbay.lambda.asl.Json;
import com.dbay.lambda.localruntime.ServerlessProperties;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Every hosted function by name, invoked the way the Lambda Java runtime would: the AWS event types
 * are read with the runtime's own serializers (so {@code Records}, {@code detail-type} … map as in
 * AWS), other inputs with Jackson.
 */
@Component
public class FunctionRegistry {

  private final Map<String, LocalFunction> functions = new TreeMap<>();
  private final Map<Class<?>, PojoSerializer<?>> serializers = new ConcurrentHashMap<>();
  private final ServerlessProperties properties;

  public FunctionRegistry(List<LocalFunction> functions, ServerlessProperties properties) {
    this.properties = properties;
    for (LocalFunction f : functions) {
      if (this.functions.put(f.name(), f) != null) {
        throw new IllegalStateException("two functions named " + f.name());
      }
    }
  }

  public Optional<LocalFunction> find(String name) {
    return Optional.ofNullable(functions.get(name));
  }

  public Collection<LocalFunction> all() {
    return functions.values();
  }

  public String arn(String name) {
    return "arn:aws:lambda:"
        + properties.region()
        + ":"
        + properties.account()
        + ":function:"
        + name;
  }

  /**
   * Resolves a function by name, by ARN (with or without a qualifier), as Lambda's FunctionName
   * does.
   */
  public Optional<LocalFunction> resolve(String nameOrArn) {
    if (nameOrArn == null) {
      return Optional.empty();
    }
    String name = nameOrArn;
    if (nameOrArn.startsWith("arn:")) {
      String[] parts = nameOrArn.split(":");
      if (parts.length < 7 || !parts[2].equals("lambda") || !parts[5].equals("function")) {
        return Optional.empty();
      }
      name = parts[6];
    }
    return find(name);
  }

  /** Invokes with JSON in and JSON out; a handler exception becomes a {@link FunctionFailure}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public JsonNode invoke(LocalFunction function, JsonNode input, String requestId) {
    Object event;
    try {
      event = read(function.inputType(), input);
    } catch (RuntimeException e) {
      throw new FunctionFailure(
          "com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.databind.JsonMappingException",
          "cannot read the input as "
              + function.inputType().getSimpleName()
              + ": "
              + e.getMessage(),
          e);
    }
    Object result;
    try {
      result =
          ((RequestHandler) function.handler())
              .handleRequest(
                  event, new LocalContext(requestId, function.name(), arn(function.name())));
    } catch (RuntimeException | Error e) {
      throw new FunctionFailure(e.getClass().getName(), String.valueOf(e.getMessage()), e);
    }
    return write(result);
  }

  private Object read(Class<?> type, JsonNode input) {
    if (type == Object.class || JsonNode.class.isAssignableFrom(type)) {
      return input;
    }
    if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
      return serializer(type).fromJson(Json.write(input));
    }
    return Json.MAPPER.convertValue(input, type);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private JsonNode write(Object result) {
    if (result == null) {
      return Json.NODES.nullNode();
    }
    if (LambdaEventSerializers.isLambdaSupportedEvent(result.getClass().getName())) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ((PojoSerializer) serializer(result.getClass())).toJson(result, out);
      return Json.parse(out.toString(StandardCharsets.UTF_8));
    }
    return Json.toNode(result);
  }

  private PojoSerializer<?> serializer(Class<?> type) {
    return serializers.computeIfAbsent(
        type, t -> LambdaEventSerializers.serializerFor(t, getClass().getClassLoader()));
  }
}
