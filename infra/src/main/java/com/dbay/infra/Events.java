package com.dbay.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.IRuleTarget;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.SfnStateMachine;
import software.amazon.awscdk.services.events.targets.SqsQueue;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The EventBridge bus every service publishes to (DBAY_EVENTS_BUS=eventbridge), and its rules: the
 * local runtime's rules, to the search-indexer function, the workflows, and (an {@code sqs:} rule)
 * everything the notification-service tells users about, to its SQS queue, whose own redrive policy
 * sends poison messages to its dead-letter queue. Every target has a dead-letter queue.
 */
public final class Events extends Construct {

  public final EventBus bus;
  public final Queue notifications;
  public final Queue notificationsDeadLetters;

  /** Events a Lambda or workflow target could not take after EventBridge's retries. */
  public final Queue targetDeadLetters;

  public Events(Construct scope, String id, Settings settings) {
    super(scope, id);
    bus = EventBus.Builder.create(this, "Bus").eventBusName("dbay-" + settings.envName()).build();
    bus.archive(
        "Archive",
        software.amazon.awscdk.services.events.BaseArchiveProps.builder()
            .eventPattern(
                EventPattern.builder()
                    .account(List.of(software.amazon.awscdk.Stack.of(this).getAccount()))
                    .build())
            .retention(Duration.days(settings.prod() ? 30 : 7))
            .build());

    notificationsDeadLetters = queue("NotificationsDeadLetters", null);
    notifications = queue("Notifications", notificationsDeadLetters);
    targetDeadLetters = queue("RuleTargetDeadLetters", null);
  }

  /** The local runtime's rules, each to its function, workflow or queue. */
  public void route(List<LocalRules> rules, Serverless serverless) {
    for (LocalRules rule : rules) {
      IRuleTarget target =
          switch (rule.targetKind()) {
            case "function" ->
                LambdaFunction.Builder.create(serverless.function(rule.target()))
                    .deadLetterQueue(targetDeadLetters)
                    .retryAttempts(10)
                    .maxEventAge(Duration.hours(6))
                    .build();
            case "workflow" ->
                SfnStateMachine.Builder.create(serverless.workflow(rule.target()))
                    .deadLetterQueue(targetDeadLetters)
                    .retryAttempts(10)
                    .maxEventAge(Duration.hours(6))
                    .build();
            // Locally the runtime sends to ElasticMQ's queue of that name; here it is SQS's.
            case "sqs" ->
                SqsQueue.Builder.create(queue(rule))
                    .deadLetterQueue(targetDeadLetters)
                    .retryAttempts(185)
                    .build();
            default ->
                throw new IllegalArgumentException(
                    "rule " + rule.name() + ": unknown target kind " + rule.targetKind());
          };
      Rule.Builder.create(this, "Rule-" + rule.name())
          .eventBus(bus)
          .description(rule.name() + " (same rule as the local runtime's)")
          .eventPattern(
              EventPattern.builder()
                  .source(rule.sources())
                  .detailType(rule.detailTypes().isEmpty() ? null : rule.detailTypes())
                  .build())
          .targets(List.of(target))
          .build();
    }
  }

  /** The queue an {@code sqs:} rule names (its local name, e.g. dbay-notifications). */
  Queue queue(LocalRules rule) {
    if (rule.target().equals("dbay-notifications")) {
      return notifications;
    }
    throw new IllegalArgumentException("rule " + rule.name() + ": no queue " + rule.target());
  }

  private Queue queue(String id, Queue deadLetters) {
    Queue.Builder b =
        Queue.Builder.create(this, id)
            .encryption(QueueEncryption.SQS_MANAGED)
            .enforceSsl(true)
            .retentionPeriod(Duration.days(14));
    if (deadLetters != null) {
      b.deadLetterQueue(DeadLetterQueue.builder().queue(deadLetters).maxReceiveCount(10).build())
          .visibilityTimeout(Duration.seconds(60));
    }
    return b.build();
  }
}
