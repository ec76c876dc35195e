package com.dbay.lambda.localruntime;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.lambda.asl.Json;
import com.dbay.lambda.localruntime.events.EventBus;
import com.dbay.lambda.localruntime.schedule.Schedules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

@LocalRuntimeTest
class ScheduledAndEventTriggeredIT {

  @LocalServerPort int port;

  @Autowired StringRedisTemplate redis;

  @Autowired EventBus bus;

  @Autowired Schedules schedules;

  @Test
  void a_scheduled_handler_fires_every_second_with_the_scheduled_time_in_its_event() {
    int before = TestFunctions.ticks.size();
    await(() -> TestFunctions.ticks.size() >= before + 3, Duration.ofSeconds(10));

    List<Instant> ticks = List.copyOf(TestFunctions.ticks).subList(before, before + 3);
    // Scheduled times sit on the rate's grid (a firing that would overlap a running one is skipped,
    // not shifted).
    for (int i = 1; i < ticks.size(); i++) {
      Duration gap = Duration.between(ticks.get(i - 1), ticks.get(i));
      assertThat(gap.toNanos() % Duration.ofSeconds(1).toNanos()).isZero();
      assertThat(gap).isPositive();
    }
    assertThat(schedules.stats().get("ticker").failed()).isZero();
    assertThat(schedules.stats().get("ticker").lastLatenessMicros()).isLessThan(1_000_000);
  }

  @Test
  void
      the_hosted_auction_closer_is_fired_on_its_schedule_and_reports_that_its_logic_has_not_landed() {
    await(() -> schedules.stats().get("auction-closer").fired() >= 1, Duration.ofSeconds(10));
    assertThat(schedules.stats().get("auction-closer").failed())
        .isEqualTo(schedules.stats().get("auction-closer").fired());
  }

  @Test
  void a_bus_event_matching_a_rule_reaches_its_handler_once_even_when_published_twice() {
    String id = UUID.randomUUID().toString();
    String envelope =
        "{\"id\": \""
            + id
            + "\", \"source\": \"dbay.test\", \"detail-type\": \"Ping\","
            + " \"time\": \"2026-11-24T01:00:00Z\", \"detail\": {\"n\": 42}}";
    publish(envelope);
    publish(envelope);
    publish(
        "{\"id\": \""
            + UUID.randomUUID()
            + "\", \"source\": \"dbay.other\", \"detail-type\": \"Ping\", \"detail\": {}}");

    await(
        () -> TestFunctions.heard.stream().anyMatch(e -> e.getId().equals(id)),
        Duration.ofSeconds(10));
    sleep(500);
    var heard = TestFunctions.heard.stream().filter(e -> e.getId().equals(id)).toList();
    assertThat(heard).hasSize(1);
    assertThat(heard.get(0).getDetail()).containsEntry("n", 42);
    assertThat(heard.get(0).getSource()).isEqualTo("dbay.test");
    assertThat(heard.get(0).getDetailType()).isEqualTo("Ping");
    assertThat(TestFunctions.heard).noneMatch(e -> e.getSource().equals("dbay.other"));
  }

  @Test
  void a_bus_event_matching_a_workflow_rule_starts_an_execution_named_after_the_event() {
    String id = UUID.randomUUID().toString();
    bus.publish("dbay.test", "StartIt", Json.parse("{\"k\": \"v\"}"));
    String eventId = bus.publish("dbay.test", "StartIt", Json.parse("{\"id\": \"" + id + "\"}"));
    String arn = "arn:aws:states:local:000000000000:execution:EventStarted:" + eventId;

    try (SfnClient sfn = Sfn.client(port)) {
      await(
          () -> {
            try {
              return sfn.describeExecution(b -> b.executionArn(arn)) != null;
            } catch (RuntimeException e) {
              return false;
            }
          },
          Duration.ofSeconds(10));
      DescribeExecutionResponse done = Sfn.awaitEnd(sfn, arn, Duration.ofSeconds(10));
      assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(Json.parse(done.output()))
          .isEqualTo(
              Json.parse("{\"source\": \"dbay.test\", \"detail\": {\"id\": \"" + id + "\"}}"));
    }
  }

  @Test
  void a_bus_event_matching_an_sqs_rule_becomes_one_message_shaped_as_eventbridge_sends_it() {
    String id = UUID.randomUUID().toString();
    String envelope =
        "{\"id\": \""
            + id
            + "\", \"source\": \"dbay.test\", \"detail-type\": \"Queued\","
            + " \"time\": \"2026-11-24T01:00:00Z\", \"detail\": {\"userId\": \"u1\"}}";
    publish(envelope);
    publish(envelope); // a duplicate on the bus is sent once
    List<String> bodies = new java.util.ArrayList<>();
    await(() -> receive(bodies) > 0, Duration.ofSeconds(10));
    sleep(1500); // time for a second (wrong) copy to arrive
    receive(bodies);
    assertThat(bodies).hasSize(1);
    var event = Json.parse(bodies.get(0));
    assertThat(event.path("id").asString()).isEqualTo(id);
    assertThat(event.path("version").asString()).isEqualTo("0");
    assertThat(event.path("source").asString()).isEqualTo("dbay.test");
    assertThat(event.path("detail-type").asString()).isEqualTo("Queued");
    assertThat(event.path("account").asString()).isEqualTo("000000000000");
    assertThat(event.path("detail").path("userId").asString()).isEqualTo("u1");
  }

  /** Receives (and deletes) what the test queue holds now; answers how many bodies there are. */
  private static int receive(List<String> bodies) {
    TestQueue.client()
        .receiveMessage(b -> b.queueUrl(TestQueue.url()).waitTimeSeconds(1).maxNumberOfMessages(10))
        .messages()
        .forEach(
            m -> {
              bodies.add(m.body());
              TestQueue.client()
                  .deleteMessage(b -> b.queueUrl(TestQueue.url()).receiptHandle(m.receiptHandle()));
            });
    return bodies.size();
  }

  private void publish(String envelope) {
    redis
        .opsForStream()
        .add(StreamRecords.newRecord().in(bus.stream()).ofMap(Map.of("envelope", envelope)));
  }

  private static void await(BooleanSupplier condition, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("condition not met within " + timeout);
      }
      sleep(50);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
