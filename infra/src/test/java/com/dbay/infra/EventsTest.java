package com.dbay.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventsTest {

  private static JsonNode ruleNamed(String description) {
    return Cfn.resources("AWS::Events::Rule").values().stream()
        .filter(r -> r.path("Properties").path("Description").asText().startsWith(description))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no rule " + description))
        .path("Properties");
  }

  @Test
  void everyLocalRuntimeRuleExistsOnTheBusWithTheSamePatternAndTarget() {
    var stack = Synthesized.stack();
    List<LocalRules> rules = LocalRules.read(Synthesized.REPO);
    assertThat(rules).isNotEmpty();
    for (LocalRules rule : rules) {
      JsonNode cfn = ruleNamed(rule.name() + " ");
      assertThat(Cfn.refId(cfn.path("EventBusName"))).isEqualTo(Cfn.logicalId(stack.events.bus));
      assertThat(cfn.path("EventPattern").path("source"))
          .containsExactlyInAnyOrderElementsOf(texts(rule.sources()));
      assertThat(cfn.path("EventPattern").path("detail-type"))
          .containsExactlyInAnyOrderElementsOf(texts(rule.detailTypes()));
      JsonNode target = cfn.path("Targets").get(0);
      String expected =
          switch (rule.targetKind()) {
            case "function" -> Cfn.logicalId(stack.serverless.function(rule.target()));
            case "sqs" -> Cfn.logicalId(stack.events.queue(rule));
            default -> Cfn.logicalId(stack.serverless.workflow(rule.target()));
          };
      assertThat(Cfn.refId(target.path("Arn"))).as(rule.name()).isEqualTo(expected);
      assertThat(Cfn.refId(target.path("DeadLetterConfig").path("Arn")))
          .isEqualTo(Cfn.logicalId(stack.events.targetDeadLetters));
      assertThat(target.path("RetryPolicy").path("MaximumRetryAttempts").asInt()).isPositive();
    }
  }

  @Test
  void notificationEventsGoToTheNotificationQueueWhoseFailuresGoToItsDeadLetterQueue() {
    var stack = Synthesized.stack();
    JsonNode rule = ruleNamed("notification-events-to-queue ");
    // the producers of every kind users are told about, the workflows' AuctionWon/ItemSold included
    assertThat(rule.path("EventPattern").path("source").toString())
        .contains("dbay.auction", "dbay.serverless", "dbay.order", "dbay.wallet", "dbay.search");
    assertThat(rule.path("EventPattern").path("detail-type").toString())
        .contains("BidPlaced", "AuctionWon", "MessageSent");
    assertThat(Cfn.refId(rule.path("Targets").get(0).path("Arn")))
        .isEqualTo(Cfn.logicalId(stack.events.notifications));
    JsonNode queue = Cfn.resource(Cfn.logicalId(stack.events.notifications)).path("Properties");
    assertThat(Cfn.refId(queue.path("RedrivePolicy").path("deadLetterTargetArn")))
        .isEqualTo(Cfn.logicalId(stack.events.notificationsDeadLetters));
    assertThat(queue.path("RedrivePolicy").path("maxReceiveCount").asInt()).isEqualTo(10);
    // The service is told its queues' names (it finds their URLs with GetQueueUrl).
    String env =
        Cfn.resource(Cfn.logicalId(stack.services.taskDefinitions.get("notification-service")))
            .path("Properties")
            .path("ContainerDefinitions")
            .get(0)
            .path("Environment")
            .toString();
    assertThat(env)
        .contains("DBAY_SQS_NOTIFICATION_QUEUE")
        .contains(Cfn.logicalId(stack.events.notifications))
        .contains("DBAY_SQS_NOTIFICATION_DLQ");
    // Only the notification-service may read it.
    String role =
        Cfn.logicalId(stack.services.taskDefinitions.get("notification-service").getTaskRole());
    Cfn.resources("AWS::IAM::Policy")
        .values()
        .forEach(
            p -> {
              if (p.path("Properties")
                      .path("PolicyDocument")
                      .toString()
                      .contains("sqs:ReceiveMessage")
                  && p.path("Properties")
                      .path("PolicyDocument")
                      .toString()
                      .contains(Cfn.logicalId(stack.events.notifications))) {
                assertThat(p.path("Properties").path("Roles").toString()).contains(role);
              }
            });
  }

  @Test
  void theAuctionCloserAndTheDepositWatcherRunEveryMinute() {
    var stack = Synthesized.stack();
    for (String fn : List.of("auction-closer", "deposit-watcher")) {
      JsonNode rule = ruleNamed(fn + " every");
      assertThat(rule.path("ScheduleExpression").asText()).isEqualTo("rate(1 minute)");
      assertThat(Cfn.refId(rule.path("Targets").get(0).path("Arn")))
          .isEqualTo(Cfn.logicalId(stack.serverless.function(fn)));
    }
  }

  @Test
  void withdrawalsFlaggedStuckPageTheOperator() {
    JsonNode rule = ruleNamed("a withdrawal found in no block");
    assertThat(rule.path("EventPattern").path("detail-type").get(0).asText())
        .isEqualTo("WithdrawalStuck");
    assertThat(Cfn.refId(rule.path("Targets").get(0).path("Arn")))
        .isEqualTo(Cfn.logicalId(Synthesized.stack().observability.alarms));
  }

  private static List<com.fasterxml.jackson.databind.node.TextNode> texts(List<String> values) {
    return values.stream().map(com.fasterxml.jackson.databind.node.TextNode::new).toList();
  }
}
