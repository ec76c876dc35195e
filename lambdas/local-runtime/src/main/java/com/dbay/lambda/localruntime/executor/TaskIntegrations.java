package com.dbay.lambda.localruntime.executor;

import com.dbay.lambda.asl.AslParser;
import com.dbay.lambda.asl.Json;
import com.dbay.lambda.asl.StatesError;
import com.dbay.lambda.localruntime.events.EventBus;
import com.dbay.lambda.localruntime.functions.FunctionFailure;
import com.dbay.lambda.localruntime.functions.FunctionRegistry;
import com.dbay.lambda.localruntime.functions.LocalFunction;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Task resources the local executor can run, checked when a definition loads: a Lambda function
 * ARN; {@code arn:aws:states:::lambda:invoke} (and {@code .waitForTaskToken}); {@code
 * arn:aws:states:::events:putEvents} (and {@code .waitForTaskToken}), which publishes on the local
 * bus.
 */
@Component
public class TaskIntegrations {

  static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
  static final String PUT_EVENTS = "arn:aws:states:::events:putEvents";
  static final String WAIT = ".waitForTaskToken";

  private final FunctionRegistry functions;
  private final EventBus bus;

  public TaskIntegrations(FunctionRegistry functions, EventBus bus) {
    this.functions = functions;
    this.bus = bus;
  }

  public AslParser.ResourceCheck check() {
    return resource -> {
      if (resource.contains("${")) {
        return "unresolved substitution in " + resource;
      }
      if (resource.equals(LAMBDA_INVOKE)
          || resource.equals(LAMBDA_INVOKE + WAIT)
          || resource.equals(PUT_EVENTS)
          || resource.equals(PUT_EVENTS + WAIT)) {
        return null;
      }
      if (resource.startsWith("arn:aws:lambda:")) {
        return functions.resolve(resource).isPresent()
            ? null
            : "no local function for "
                + resource
                + " (hosted: "
                + functions.all().stream().map(LocalFunction::name).toList()
                + ")";
      }
      return "the local executor has no integration for "
          + resource
          + " (supported: Lambda ARNs, lambda:invoke, events:putEvents, each optionally .waitForTaskToken)";
    };
  }

  /**
   * Runs the resource. For the .waitForTaskToken variants the return value is ignored: the task
   * ends when SendTaskSuccess/Failure arrives.
   *
   * @param idempotencyKey the same for every attempt of the same step (execution + run + step)
   */
  public JsonNode invoke(String resource, JsonNode payload, String idempotencyKey) {
    if (resource.startsWith("arn:aws:lambda:")) {
      return lambda(resource, payload, idempotencyKey);
    }
    String base =
        resource.endsWith(WAIT)
            ? resource.substring(0, resource.length() - WAIT.length())
            : resource;
    if (base.equals(LAMBDA_INVOKE)) {
      String name = payload.path("FunctionName").asText(null);
      if (name == null) {
        throw new StatesError("States.Runtime", "lambda:invoke needs Parameters.FunctionName");
      }
      JsonNode result =
          lambda(
              name,
              payload.has("Payload") ? payload.get("Payload") : Json.NODES.objectNode(),
              idempotencyKey);
      ObjectNode wrapped = Json.NODES.objectNode();
      wrapped.put("ExecutedVersion", "$LATEST");
      wrapped.set("Payload", result);
      wrapped.put("StatusCode", 200);
      return wrapped;
    }
    if (base.equals(PUT_EVENTS)) {
      JsonNode entries = payload.path("Entries");
      if (!entries.isArray() || entries.isEmpty()) {
        throw new StatesError("States.Runtime", "events:putEvents needs Parameters.Entries");
      }
      ObjectNode result = Json.NODES.objectNode();
      ArrayNode ids = result.putArray("Entries");
      for (JsonNode entry : entries) {
        JsonNode detail = entry.path("Detail");
        if (detail.isTextual()) {
          detail = Json.parse(detail.stringValue(null));
        }
        String id =
            bus.publish(
                entry.path("Source").asString(""), entry.path("DetailType").asString(""), detail);
        ids.addObject().put("EventId", id);
      }
      result.put("FailedEntryCount", 0);
      return result;
    }
    throw new StatesError("States.Runtime", "no integration for " + resource);
  }

  private JsonNode lambda(String nameOrArn, JsonNode payload, String idempotencyKey) {
    Optional<LocalFunction> function = functions.resolve(nameOrArn);
    if (function.isEmpty()) {
      throw new StatesError("Lambda.ResourceNotFoundException", "Function not found: " + nameOrArn);
    }
    try {
      return functions.invoke(function.get(), payload, idempotencyKey);
    } catch (FunctionFailure e) {
      throw new StatesError(e.errorType(), e.getMessage());
    }
  }
}
