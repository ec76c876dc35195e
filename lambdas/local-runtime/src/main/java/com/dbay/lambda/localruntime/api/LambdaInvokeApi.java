package com.dbay.lambda.localruntime.api;

import com.dbay.lambda.asl.Json;
import com.dbay.lambda.localruntime.functions.FunctionFailure;
import com.dbay.lambda.localruntime.functions.FunctionRegistry;
import com.dbay.lambda.localruntime.functions.LocalFunction;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lambda's Invoke action ({@code POST /2015-03-31/functions/{name}/invocations}): a function error
 * is a 200 with {@code X-Amz-Function-Error: Unhandled} and {errorType, errorMessage}, as Lambda
 * answers.
 */
@RestController
public class LambdaInvokeApi {

  private final FunctionRegistry functions;

  public LambdaInvokeApi(FunctionRegistry functions) {
    this.functions = functions;
  }

  @GetMapping(path = "/2015-03-31/functions", produces = MediaType.APPLICATION_JSON_VALUE)
  public String list() {
    ObjectNode out = Json.NODES.objectNode();
    var items = out.putArray("Functions");
    for (LocalFunction f : functions.all()) {
      items
          .addObject()
          .put("FunctionName", f.name())
          .put("FunctionArn", functions.arn(f.name()))
          .put("Handler", f.handler().getClass().getName() + "::handleRequest")
          .put("Runtime", "java21");
    }
    return Json.write(out);
  }

  @PostMapping(path = "/2015-03-31/functions/{name}/invocations", consumes = MediaType.ALL_VALUE)
  public ResponseEntity<String> invoke(
      @PathVariable String name, @RequestBody(required = false) String body) {
    LocalFunction function = functions.resolve(name).orElse(null);
    if (function == null) {
      ObjectNode error =
          Json.NODES.objectNode().put("Type", "User").put("Message", "Function not found: " + name);
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .header("x-amzn-ErrorType", "ResourceNotFoundException")
          .contentType(MediaType.APPLICATION_JSON)
          .body(Json.write(error));
    }
    JsonNode input;
    try {
      input = Json.parse(body == null || body.isBlank() ? "{}" : body);
    } catch (IllegalArgumentException e) {
      return ResponseEntity.badRequest()
          .header("x-amzn-ErrorType", "InvalidRequestContentException")
          .contentType(MediaType.APPLICATION_JSON)
          .body(Json.write(Json.NODES.objectNode().put("Message", e.getMessage())));
    }
    try {
      JsonNode output = functions.invoke(function, input, UUID.randomUUID().toString());
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Json.write(output));
    } catch (FunctionFailure e) {
      ObjectNode error =
          Json.NODES
              .objectNode()
              .put("errorType", e.errorType())
              .put("errorMessage", e.getMessage());
      return ResponseEntity.ok()
          .header("X-Amz-Function-Error", "Unhandled")
          .contentType(MediaType.APPLICATION_JSON)
          .body(Json.write(error));
    }
  }
}
