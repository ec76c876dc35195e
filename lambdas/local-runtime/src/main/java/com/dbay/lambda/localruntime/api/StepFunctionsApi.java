package com.dbay.lambda.localruntime.api;

import com.dbay.lambda.asl.Json;
import com.dbay.lambda.localruntime.executor.ApiException;
import com.dbay.lambda.localruntime.executor.DurableExecutor;
import com.dbay.lambda.localruntime.executor.ExecutionView;
import com.dbay.lambda.localruntime.executor.HistoryEvent;
import com.dbay.lambda.localruntime.executor.StateMachineRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Step Functions API over the AWS JSON 1.0 protocol ({@code POST /} with {@code X-Amz-Target:
 * AWSStepFunctions.<Action>}), so that the AWS SDK's SfnClient, the admin console and the dispute
 * flow can all talk to the local executor as they would to AWS.
 */
@RestController
public class StepFunctionsApi {

  private static final MediaType AMZ_JSON = MediaType.parseMediaType("application/x-amz-json-1.0");
  private static final String PREFIX = "AWSStepFunctions.";

  private final DurableExecutor executor;
  private final StateMachineRegistry registry;

  public StepFunctionsApi(DurableExecutor executor, StateMachineRegistry registry) {
    this.executor = executor;
    this.registry = registry;
  }

  @PostMapping(path = "/", consumes = MediaType.ALL_VALUE)
  public ResponseEntity<String> call(
      @RequestHeader(name = "X-Amz-Target", required = false) String target,
      @RequestBody(required = false) String body) {
    try {
      if (target == null || !target.startsWith(PREFIX)) {
        throw new ApiException(
            "UnknownOperationException", "X-Amz-Target must be AWSStepFunctions.<Action>");
      }
      JsonNode request;
      try {
        request = Json.parse(body == null || body.isBlank() ? "{}" : body);
      } catch (IllegalArgumentException e) {
        throw new ApiException("SerializationException", e.getMessage());
      }
      ObjectNode response =
          switch (target.substring(PREFIX.length())) {
            case "StartExecution" -> startExecution(request);
            case "DescribeExecution" ->
                view(executor.describe(required(request, "executionArn")), true);
            case "ListExecutions" -> listExecutions(request);
            case "StopExecution" -> {
              Instant stopped =
                  executor.stop(
                      required(request, "executionArn"),
                      request.path("error").asText(null),
                      request.path("cause").asText(null));
              yield Json.NODES.objectNode().set("stopDate", epoch(stopped));
            }
            case "SendTaskSuccess" -> {
              executor.sendTaskSuccess(required(request, "taskToken"), required(request, "output"));
              yield Json.NODES.objectNode();
            }
            case "SendTaskFailure" -> {
              executor.sendTaskFailure(
                  required(request, "taskToken"),
                  request.path("error").asText(null),
                  request.path("cause").asText(null));
              yield Json.NODES.objectNode();
            }
            case "SendTaskHeartbeat" -> {
              executor.heartbeat(required(request, "taskToken"));
              yield Json.NODES.objectNode();
            }
            case "GetExecutionHistory" -> history(request);
            case "ListStateMachines" -> listStateMachines();
            case "DescribeStateMachine" -> describeStateMachine(request);
            default ->
                throw new ApiException(
                    "UnknownOperationException", "the local runtime does not implement " + target);
          };
      return ResponseEntity.ok().contentType(AMZ_JSON).body(Json.write(response));
    } catch (ApiException e) {
      ObjectNode error = Json.NODES.objectNode();
      error.put("__type", e.type());
      error.put("message", e.getMessage());
      return ResponseEntity.status(HttpStatus.BAD_REQUEST)
          .contentType(AMZ_JSON)
          .header("x-amzn-ErrorType", e.type())
          .body(Json.write(error));
    }
  }

  private ObjectNode startExecution(JsonNode request) {
    DurableExecutor.Started started =
        executor.start(
            required(request, "stateMachineArn"),
            request.path("name").asText(null),
            request.path("input").asText(null));
    ObjectNode out = Json.NODES.objectNode();
    out.put("executionArn", started.executionArn());
    out.set("startDate", epoch(started.startDate()));
    return out;
  }

  private ObjectNode listExecutions(JsonNode request) {
    int max = request.path("maxResults").asInt(100);
    if (max <= 0 || max > 1000) {
      max = 100;
    }
    int offset =
        request.hasNonNull("nextToken")
            ? Integer.parseInt(request.get("nextToken").asString(""))
            : 0;
    List<ExecutionView> page =
        executor.list(
            required(request, "stateMachineArn"),
            request.path("statusFilter").asText(null),
            max + 1,
            offset);
    ObjectNode out = Json.NODES.objectNode();
    ArrayNode items = out.putArray("executions");
    page.stream().limit(max).forEach(v -> items.add(view(v, false)));
    if (page.size() > max) {
      out.put("nextToken", String.valueOf(offset + max));
    }
    return out;
  }

  private ObjectNode history(JsonNode request) {
    List<HistoryEvent> events = executor.history(required(request, "executionArn"));
    ObjectNode out = Json.NODES.objectNode();
    ArrayNode items = out.putArray("events");
    long previous = 0;
    for (HistoryEvent e :
        request.path("reverseOrder").asBoolean(false) ? events.reversed() : events) {
      ObjectNode item = items.addObject();
      item.set("timestamp", epoch(e.timestamp()));
      item.put("type", e.type());
      item.put("id", e.id());
      item.put("previousEventId", previous);
      previous = e.id();
      if (e.type().endsWith("StateEntered")) {
        item.putObject("stateEnteredEventDetails").put("name", e.stateName());
      } else if (e.type().endsWith("StateExited")) {
        item.putObject("stateExitedEventDetails")
            .put("name", e.stateName())
            .put("output", e.details());
      } else if (e.details() != null) {
        item.put("details", e.details());
      }
    }
    return out;
  }

  private ObjectNode listStateMachines() {
    ObjectNode out = Json.NODES.objectNode();
    ArrayNode items = out.putArray("stateMachines");
    for (StateMachineRegistry.Definition d : registry.all()) {
      items
          .addObject()
          .put("stateMachineArn", d.arn())
          .put("name", d.name())
          .put("type", "STANDARD")
          .set("creationDate", epoch(d.created()));
    }
    return out;
  }

  private ObjectNode describeStateMachine(JsonNode request) {
    String arn = required(request, "stateMachineArn");
    StateMachineRegistry.Definition d =
        registry
            .byArn(arn)
            .orElseThrow(
                () ->
                    new ApiException(
                        "StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'"));
    ObjectNode out = Json.NODES.objectNode();
    out.put("stateMachineArn", d.arn())
        .put("name", d.name())
        .put("status", "ACTIVE")
        .put("definition", d.text())
        .put("roleArn", "arn:aws:iam::000000000000:role/local-runtime")
        .put("type", "STANDARD")
        .set("creationDate", epoch(d.created()));
    return out;
  }

  private static ObjectNode view(ExecutionView v, boolean full) {
    ObjectNode out = Json.NODES.objectNode();
    out.put("executionArn", v.executionArn());
    out.put("stateMachineArn", v.stateMachineArn());
    out.put("name", v.name());
    out.put("status", v.status());
    out.set("startDate", epoch(v.startDate()));
    if (v.stopDate() != null) {
      out.set("stopDate", epoch(v.stopDate()));
    }
    if (full) {
      out.put("input", v.input());
      if (v.output() != null) {
        out.put("output", v.output());
      }
      if (v.error() != null) {
        out.put("error", v.error());
      }
      if (v.cause() != null) {
        out.put("cause", v.cause());
      }
    }
    return out;
  }

  /** The JSON protocols carry timestamps as epoch seconds with a fraction. */
  private static JsonNode epoch(Instant instant) {
    return Json.NODES.numberNode(BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3));
  }

  private static String required(JsonNode request, String field) {
    JsonNode v = request.get(field);
    if (v == null || v.isNull()) {
      throw new ApiException(
          "ValidationException", "1 validation error detected: '" + field + "' must not be null");
    }
    return v.asString("");
  }
}
