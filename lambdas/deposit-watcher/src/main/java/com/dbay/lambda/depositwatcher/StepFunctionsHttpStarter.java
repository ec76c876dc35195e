package com.dbay.lambda.depositwatcher;

import java.net.URI;
import java.util.Map;

/**
 * StartExecution over the Step Functions JSON 1.0 protocol, unsigned: for the local runtime's API
 * when the watcher runs outside it. (In AWS this would be the SDK's SfnClient with SigV4; not wired
 * yet.) An execution of the same name and input that is still running is not an error.
 */
public final class StepFunctionsHttpStarter implements WorkflowStarter {

  private final HttpJson http = new HttpJson();
  private final URI endpoint;
  private final String stateMachineArn;

  public StepFunctionsHttpStarter(String endpoint, String stateMachineArn) {
    this.endpoint = URI.create(endpoint);
    this.stateMachineArn = stateMachineArn;
  }

  @Override
  public void start(String name, String inputJson) {
    String body =
        HttpJson.JSON.writeValueAsString(
            Map.of("stateMachineArn", stateMachineArn, "name", name, "input", inputJson));
    HttpJson.Reply reply =
        http.post(
            endpoint,
            Map.of(
                "X-Amz-Target",
                "AWSStepFunctions.StartExecution",
                "content-type",
                "application/x-amz-json-1.0"),
            body);
    if (reply.status() >= 300 && !reply.body().contains("ExecutionAlreadyExists")) {
      throw new IllegalStateException(
          "StartExecution " + name + " answered " + reply.status() + ": " + reply.body());
    }
  }
}
