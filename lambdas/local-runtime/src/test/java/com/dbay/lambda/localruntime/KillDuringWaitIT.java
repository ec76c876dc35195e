package com.dbay.lambda.localruntime;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.lambda.asl.Json;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Starts the packaged runtime as its own process, starts a workflow, kills the process (SIGKILL)
 * while the execution sits in a Wait, starts a new process on the same database, and checks that
 * the execution finishes once, on the Wait's original due time, with the right output.
 */
class KillDuringWaitIT {

  private static final int WAIT_SECONDS = 20;

  private Process process;

  @AfterEach
  void killLeftovers() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
  }

  @Test
  void an_execution_killed_mid_wait_resumes_on_restart_and_finishes_once_on_its_original_due_time()
      throws Exception {
    int port = freePort();
    String stream = "h4:kill-test:" + UUID.randomUUID();

    process = startRuntime(port, stream, "first");
    String executionArn;
    String id = UUID.randomUUID().toString();
    Instant startedAt;
    try (SfnClient sfn = Sfn.client(port)) {
      var started =
          sfn.startExecution(
              b ->
                  b.stateMachineArn(Sfn.MACHINE + "DurabilityProbe")
                      .name("probe-" + id)
                      .input("{\"id\": \"" + id + "\", \"waitSeconds\": " + WAIT_SECONDS + "}"));
      executionArn = started.executionArn();
      startedAt = started.startDate();
      awaitHistory(sfn, executionArn, "WaitStateEntered");
    }

    process.destroyForcibly().waitFor();
    Instant killedAt = Instant.now();
    assertThat(Duration.between(startedAt, killedAt))
        .isLessThan(Duration.ofSeconds(WAIT_SECONDS / 2));
    assertThat(statusInDatabase(executionArn)).isEqualTo("RUNNING");

    process = startRuntime(port, stream, "second");
    Instant restartedAt = Instant.now();
    try (SfnClient sfn = Sfn.client(port)) {
      DescribeExecutionResponse done =
          Sfn.awaitEnd(sfn, executionArn, Duration.ofSeconds(WAIT_SECONDS + 30));

      assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(Json.parse(done.output()))
          .isEqualTo(
              Json.parse(
                  "{\"id\": \""
                      + id
                      + "\", \"waitSeconds\": "
                      + WAIT_SECONDS
                      + ", \"before\": \"before "
                      + id
                      + "\", \"after\": \"after the wait\"}"));
      // The Wait keeps its original due time: it ends at that time, or as soon as the runtime is
      // back if
      // the restart took longer than the rest of the Wait; never a whole Wait after the restart.
      Instant due = done.startDate().plusSeconds(WAIT_SECONDS);
      Instant latest = (restartedAt.isAfter(due) ? restartedAt : due).plusSeconds(3);
      assertThat(done.stopDate())
          .as("the Wait keeps its original due time across the restart")
          .isBetween(due, latest);

      List<HistoryEvent> history =
          sfn.getExecutionHistory(b -> b.executionArn(executionArn)).events();
      assertThat(count(history, "WaitStateEntered")).isEqualTo(1);
      assertThat(count(history, "WaitStateExited")).isEqualTo(1);
      assertThat(count(history, "PassStateExited")).as("Before and After, once each").isEqualTo(2);
      assertThat(count(history, "SucceedStateExited")).isEqualTo(1);
      assertThat(count(history, "ExecutionSucceeded")).isEqualTo(1);
    }
  }

  @Test
  void
      a_human_step_waiting_for_its_token_survives_a_kill_and_the_token_completes_it_once_after_restart()
          throws Exception {
    int port = freePort();
    String stream = "h4:kill-test:" + UUID.randomUUID();
    String id = UUID.randomUUID().toString();

    process = startRuntime(port, stream, "token-first");
    String executionArn;
    try (SfnClient sfn = Sfn.client(port)) {
      executionArn =
          sfn.startExecution(
                  b ->
                      b.stateMachineArn(Sfn.MACHINE + "HumanReviewProbe")
                          .name("review-" + id)
                          .input("{\"id\": \"" + id + "\"}"))
              .executionArn();
    }
    String token = awaitReviewToken(stream, id);
    Instant deadline = Instant.now().plusSeconds(10);
    while (!"TOKEN".equals(query("select phase from runs where execution_arn = ?", executionArn))
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
    }
    // The kill must land while the run waits for its token; a run still sending its request is
    // another test.
    assertThat(query("select phase from runs where execution_arn = ?", executionArn))
        .as("the run waits for its token before the kill")
        .isEqualTo("TOKEN");
    process.destroyForcibly().waitFor();

    process = startRuntime(port, stream, "token-second");
    try (SfnClient sfn = Sfn.client(port)) {
      sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"verdict\": \"refund\"}"));
      DescribeExecutionResponse done = Sfn.awaitEnd(sfn, executionArn, Duration.ofSeconds(30));

      assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(Json.parse(done.output()))
          .isEqualTo(Json.parse("{\"id\": \"" + id + "\", \"review\": {\"verdict\": \"refund\"}}"));
      List<HistoryEvent> history =
          sfn.getExecutionHistory(b -> b.executionArn(executionArn)).events();
      assertThat(count(history, "TaskScheduled")).isEqualTo(1);
      // What the reviewers received, not what the history says: one request on the bus, after the
      // restart too.
      assertThat(reviewRequests(stream, id))
          .as("the review request is not sent again")
          .isEqualTo(1);
      assertThat(count(history, "TaskSucceeded")).isEqualTo(1);
      assertThat(count(history, "ExecutionSucceeded")).isEqualTo(1);
    }
  }

  private static long reviewRequests(String stream, String id) {
    io.lettuce.core.RedisClient client =
        io.lettuce.core.RedisClient.create(
            System.getenv().getOrDefault("DBAY_REDIS_URL", "redis://127.0.0.1:16379"));
    try (var connection = client.connect()) {
      return connection.sync().xrange(stream, io.lettuce.core.Range.create("-", "+")).stream()
          .map(message -> Json.parse(message.getBody().get("envelope")))
          .filter(
              envelope ->
                  envelope.path("detail-type").asString("").equals("ReviewRequested")
                      && envelope.path("detail").path("id").asString("").equals(id))
          .count();
    } finally {
      client.shutdown();
    }
  }

  private static String awaitReviewToken(String stream, String id) throws InterruptedException {
    io.lettuce.core.RedisClient client =
        io.lettuce.core.RedisClient.create(
            System.getenv().getOrDefault("DBAY_REDIS_URL", "redis://127.0.0.1:16379"));
    try (var connection = client.connect()) {
      Instant deadline = Instant.now().plusSeconds(15);
      while (Instant.now().isBefore(deadline)) {
        for (var message :
            connection.sync().xrange(stream, io.lettuce.core.Range.create("-", "+"))) {
          var envelope = Json.parse(message.getBody().get("envelope"));
          if (envelope.path("detail-type").asText().equals("ReviewRequested")
              && envelope.path("detail").path("id").asText().equals(id)) {
            return envelope.path("detail").path("taskToken").asText();
          }
        }
        Thread.sleep(50);
      }
    } finally {
      client.shutdown();
    }
    throw new AssertionError("no ReviewRequested event for " + id);
  }

  private static long count(List<HistoryEvent> history, String type) {
    return history.stream().filter(e -> e.typeAsString().equals(type)).count();
  }

  private static void awaitHistory(SfnClient sfn, String arn, String type)
      throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(10);
    while (Instant.now().isBefore(deadline)) {
      if (count(sfn.getExecutionHistory(b -> b.executionArn(arn)).events(), type) > 0) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no " + type + " in the history of " + arn);
  }

  private Process startRuntime(int port, String stream, String label) throws Exception {
    String jar = System.getProperty("runtime.jar");
    assertThat(jar).as("the packaged runtime jar (set by failsafe)").isNotNull();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(java, "-jar", jar)
            .redirectErrorStream(true)
            .redirectOutput(new File("target/kill-during-wait-" + label + ".log"));
    Map<String, String> env = builder.environment();
    env.put("DBAY_SERVERLESS_PORT", String.valueOf(port));
    env.put(
        "DBAY_SERVERLESS_WORKFLOWS_DIR",
        new File("src/test/resources/workflows-subprocess").getAbsolutePath());
    env.put("DBAY_EVENTS_STREAM", stream);
    env.put("DBAY_RUNTIME_ACCESS_KEY_ID", Sfn.ACCESS_KEY_ID);
    env.put("DBAY_RUNTIME_SECRET_ACCESS_KEY", Sfn.SECRET_ACCESS_KEY);
    env.put("DBAY_AUCTION_CLOSER_SECONDS", "3600");
    // A database of its own: the runtime of the other ITs (alive in this JVM) must not pick up
    // these runs.
    env.put("DBAY_PG_DB_PREFIX", prefix());
    Process p = builder.start();
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plusSeconds(180); // a loaded 2-core machine took 97 s
    while (Instant.now().isBefore(deadline)) {
      if (!p.isAlive()) {
        throw new AssertionError(
            "the runtime ("
                + label
                + ") exited with "
                + p.exitValue()
                + "; see target/kill-during-wait-"
                + label
                + ".log");
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("UP")) {
          return p;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the runtime (" + label + ") did not become healthy");
  }

  private static String statusInDatabase(String arn) throws Exception {
    return query("select status from executions where arn = ?", arn);
  }

  private static String query(String sql, String arn) throws Exception {
    Map<String, String> env = new HashMap<>(System.getenv());
    String url =
        "jdbc:postgresql://"
            + env.getOrDefault("DBAY_PG_HOST", "127.0.0.1")
            + ":"
            + env.getOrDefault("DBAY_PG_PORT", "15432")
            + "/"
            + prefix()
            + "serverless";
    try (Connection c =
        DriverManager.getConnection(
            url,
            env.getOrDefault("DBAY_PG_USER", "dbay"),
            env.getOrDefault("DBAY_PG_PASSWORD", ""))) {
      var statement = c.prepareStatement(sql);
      statement.setString(1, arn);
      ResultSet rs = statement.executeQuery();
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static String prefix() {
    return System.getenv().getOrDefault("DBAY_PG_DB_PREFIX", "dbay_") + "killtest_";
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
