package com.dbay.lambda.localruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dbay.lambda.asl.Json;
import com.dbay.lambda.localruntime.events.EventBus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.core.StringRedisTemplate;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;
import tools.jackson.databind.JsonNode;

@LocalRuntimeTest
class StepFunctionsApiIT {

  @LocalServerPort int port;

  @Autowired StringRedisTemplate redis;

  @Autowired EventBus bus;

  SfnClient sfn;

  @BeforeEach
  void client() {
    sfn = Sfn.client(port);
  }

  @AfterEach
  void close() {
    sfn.close();
  }

  private String start(String machine, String input) {
    return sfn.startExecution(
            b ->
                b.stateMachineArn(Sfn.MACHINE + machine)
                    .name(UUID.randomUUID().toString())
                    .input(input))
        .executionArn();
  }

  @Test
  void the_aws_sdk_client_runs_a_workflow_of_pass_task_and_retried_task_to_its_output() {
    String arn = start("TaskFlow", "{\"order\": 7, \"name\": \"bob\"}");

    DescribeExecutionResponse done = Sfn.awaitEnd(sfn, arn, Duration.ofSeconds(30));

    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(Json.parse(done.output()))
        .isEqualTo(
            Json.parse(
                """
                {"order": 7, "greeting": "hello bob", "echo": {"echoed": true, "greeting": "hello bob"}, "flaky": {"attempts": 3}}"""));
    List<HistoryEvent> history = sfn.getExecutionHistory(b -> b.executionArn(arn)).events();
    assertThat(history.stream().filter(e -> e.typeAsString().equals("TaskRetryScheduled")).count())
        .isEqualTo(2);
    assertThat(history.getLast().typeAsString()).isEqualTo("ExecutionSucceeded");
    assertThat(done.stopDate()).isAfterOrEqualTo(done.startDate().plusSeconds(2));
    String name = arn.substring(arn.lastIndexOf(':') + 1);
    assertThat(TestFunctions.echoRequestIds)
        .as("a task's idempotency key is execution/run/step")
        .anyMatch(id -> id.matches(java.util.regex.Pattern.quote(name) + "/\\d+/1"));
  }

  @Test
  void starting_the_same_name_with_the_same_input_while_running_returns_the_same_execution() {
    String name = UUID.randomUUID().toString();
    String first =
        sfn.startExecution(b -> b.stateMachineArn(Sfn.MACHINE + "SlowWait").name(name).input("{}"))
            .executionArn();
    String again =
        sfn.startExecution(b -> b.stateMachineArn(Sfn.MACHINE + "SlowWait").name(name).input("{}"))
            .executionArn();

    assertThat(again).isEqualTo(first);
    assertThatThrownBy(
            () ->
                sfn.startExecution(
                    b -> b.stateMachineArn(Sfn.MACHINE + "SlowWait").name(name).input("{\"x\":1}")))
        .isInstanceOf(ExecutionAlreadyExistsException.class);
    sfn.stopExecution(b -> b.executionArn(first).error("Test").cause("done"));
  }

  @Test
  void a_human_step_waits_for_its_token_and_send_task_success_resumes_it() {
    String caseId = UUID.randomUUID().toString();
    String arn = start("HumanStep", "{\"case\": \"" + caseId + "\"}");
    String token = awaitToken(caseId);

    assertThat(sfn.describeExecution(b -> b.executionArn(arn)).status())
        .isEqualTo(ExecutionStatus.RUNNING);
    sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"approved\": true}"));

    DescribeExecutionResponse done = Sfn.awaitEnd(sfn, arn, Duration.ofSeconds(10));
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(Json.parse(done.output()))
        .isEqualTo(
            Json.parse("{\"case\": \"" + caseId + "\", \"decision\": {\"approved\": true}}"));
    assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")))
        .as("a token is spent once")
        .isInstanceOf(TaskTimedOutException.class);
  }

  @Test
  void a_task_running_past_its_timeout_seconds_fails_with_states_timeout_which_catch_handles() {
    Instant started = Instant.now();
    String arn = start("TaskTimeout", "{\"sleepSeconds\": 8}");

    DescribeExecutionResponse done = Sfn.awaitEnd(sfn, arn, Duration.ofSeconds(20));

    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode output = Json.parse(done.output());
    assertThat(output.path("outcome").asString("")).isEqualTo("timed out");
    assertThat(output.path("timeout").path("Error").asString("")).isEqualTo("States.Timeout");
    // cut at TimeoutSeconds (1 s), not after the task's own 8 s
    assertThat(Duration.between(started, done.stopDate()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1))
        .isLessThan(Duration.ofSeconds(6));
  }

  @Test
  void a_token_nobody_answers_within_timeout_seconds_times_out_and_the_workflow_escalates() {
    // The dispute escalation relies on this: a party that does not answer in time moves the case
    // on.
    String caseId = UUID.randomUUID().toString();
    String arn = start("TokenTimeout", "{\"case\": \"" + caseId + "\"}");
    String token = awaitToken(caseId);

    DescribeExecutionResponse done = Sfn.awaitEnd(sfn, arn, Duration.ofSeconds(20));

    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode output = Json.parse(done.output());
    assertThat(output.path("outcome").asString("")).isEqualTo("escalated");
    assertThat(output.path("timeout").path("Error").asString("")).isEqualTo("States.Timeout");
    assertThat(output.has("answer")).isFalse();
    assertThat(Duration.between(done.startDate(), done.stopDate()))
        .as("not before its TimeoutSeconds")
        .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")))
        .as("an answer after the timeout is refused")
        .isInstanceOf(TaskTimedOutException.class);
  }

  @Test
  void send_task_failure_raises_the_error_that_catch_handles() {
    String caseId = UUID.randomUUID().toString();
    String arn = start("HumanStep", "{\"case\": \"" + caseId + "\"}");
    String token = awaitToken(caseId);

    sfn.sendTaskFailure(b -> b.taskToken(token).error("Rejected").cause("not convincing"));

    DescribeExecutionResponse done = Sfn.awaitEnd(sfn, arn, Duration.ofSeconds(10));
    assertThat(Json.parse(done.output()))
        .isEqualTo(
            Json.parse(
                "{\"case\": \""
                    + caseId
                    + "\", \"rejection\": {\"Error\": \"Rejected\", \"Cause\": \"not convincing\"}, \"outcome\": \"rejected\"}"));
  }

  @Test
  void parallel_branches_run_as_durable_runs_and_join_in_branch_order() {
    String arn = start("FanOut", "{\"n\": 1}");

    DescribeExecutionResponse done = Sfn.awaitEnd(sfn, arn, Duration.ofSeconds(15));

    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(Json.parse(done.output()))
        .isEqualTo(Json.parse("{\"n\": 1, \"branches\": [{\"echoed\": true}, \"b\"]}"));
  }

  @Test
  void stop_execution_aborts_a_waiting_execution_and_describe_says_so() {
    String arn = start("SlowWait", "{}");
    Instant stopped =
        sfn.stopExecution(b -> b.executionArn(arn).error("Admin").cause("no longer needed"))
            .stopDate();

    DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(arn));
    assertThat(d.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(d.error()).isEqualTo("Admin");
    assertThat(d.stopDate()).isEqualTo(stopped);
    assertThat(
            sfn.listExecutions(
                    b ->
                        b.stateMachineArn(Sfn.MACHINE + "SlowWait")
                            .statusFilter(ExecutionStatus.ABORTED))
                .executions())
        .anyMatch(e -> e.executionArn().equals(arn));
  }

  @Test
  void an_unknown_execution_is_the_sdk_exception_aws_would_raise() {
    assertThatThrownBy(
            () ->
                sfn.describeExecution(
                    b ->
                        b.executionArn(
                            "arn:aws:states:local:000000000000:execution:TaskFlow:nope")))
        .isInstanceOf(ExecutionDoesNotExistException.class);
  }

  @Test
  void the_dispute_workflow_runs_end_to_end_seller_escalates_and_the_admin_ruling_is_published() {
    String disputeId = "D-" + UUID.randomUUID();
    String arn =
        start(
            "DisputeWorkflow",
            "{\"detail\": {\"disputeId\": \""
                + disputeId
                + "\", \"orderId\": \"O-1\", \"buyerId\": \"U-buyer\", \"sellerId\": \"U-seller\"}}");

    JsonNode awaitingSeller = awaitEvent("DisputeAwaitingSeller", disputeId);
    sfn.sendTaskSuccess(
        b ->
            b.taskToken(awaitingSeller.path("detail").path("taskToken").asString(""))
                .output("{\"resolution\": \"ESCALATE\"}"));
    JsonNode escalated = awaitEvent("DisputeEscalated", disputeId);
    // Both parties and the order, for notification-service to tell them (DisputeOpened's own ids).
    assertThat(escalated.path("detail").path("orderId").asString("")).isEqualTo("O-1");
    assertThat(escalated.path("detail").path("buyerId").asString("")).isEqualTo("U-buyer");
    assertThat(escalated.path("detail").path("sellerId").asString("")).isEqualTo("U-seller");
    sfn.sendTaskSuccess(
        b ->
            b.taskToken(escalated.path("detail").path("taskToken").asString(""))
                .output("{\"decision\": \"SPLIT\", \"buyerPercent\": 60}"));

    DescribeExecutionResponse done = Sfn.awaitEnd(sfn, arn, Duration.ofSeconds(10));
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode ruled = awaitEvent("DisputeRuled", disputeId);
    assertThat(ruled.path("detail").path("ruling"))
        .isEqualTo(Json.parse("{\"decision\": \"SPLIT\", \"buyerPercent\": 60}"));
    assertThat(ruled.path("source").asString("")).isEqualTo("dbay.serverless");
  }

  @Test
  void
      the_deposit_workflow_runs_its_real_definition_and_fails_clearly_without_a_deposit_to_follow() {
    String arn = start("DepositConfirmationWorkflow", "{\"detail\": {\"depositId\": \"DEP-1\"}}");

    DescribeExecutionResponse done = Sfn.awaitEnd(sfn, arn, Duration.ofSeconds(10));

    assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(done.error() + " " + done.cause()).contains("txid");
  }

  private String awaitToken(String caseId) {
    Instant deadline = Instant.now().plusSeconds(10);
    while (Instant.now().isBefore(deadline)) {
      String token = TestFunctions.tokensByCase.get(caseId);
      if (token != null) {
        return token;
      }
      sleep(20);
    }
    throw new AssertionError("the token-sink function never got a token for " + caseId);
  }

  private JsonNode awaitEvent(String detailType, String disputeId) {
    Instant deadline = Instant.now().plusSeconds(10);
    while (Instant.now().isBefore(deadline)) {
      List<MapRecord<String, Object, Object>> records =
          redis.opsForStream().read(StreamOffset.fromStart(bus.stream()));
      for (MapRecord<String, Object, Object> r :
          records == null ? List.<MapRecord<String, Object, Object>>of() : records) {
        Map<Object, Object> value = r.getValue();
        JsonNode envelope = Json.parse(String.valueOf(value.get("envelope")));
        if (envelope.path("detail-type").asString("").equals(detailType)
            && envelope.path("detail").path("disputeId").asString("").equals(disputeId)) {
          return envelope;
        }
      }
      sleep(50);
    }
    throw new AssertionError("no " + detailType + " event for " + disputeId);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
