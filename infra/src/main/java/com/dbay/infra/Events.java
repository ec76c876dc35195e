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
 * local runtime's rules (to the search-indexer function and the workflows), and everything the
 * notification-service tells users about, to its SQS queue. Every target has a dead-letter queue.
 */
public final class Events extends Construct {

  /** The sources whose events become notifications. */
  static final List<String> NOTIFICATION_SOURCES =
      List.of(
          "dbay.auction",
          "dbay.order",
          "dbay.wallet",
          "dbay.messaging",
          "dbay.listing",
          "dbay.user");

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

    Rule toNotifications =
        Rule.Builder.create(this, "NotificationEvents")
            .eventBus(bus)
            .description("events users are notified about → notification-service queue")
            .eventPattern(EventPattern.builder().source(NOTIFICATION_SOURCES).build())
            .build();
    toNotifications.addTarget(
        SqsQueue.Builder.create(notifications)
            .deadLetterQueue(targetDeadLetters)
            .retryAttempts(185)
            .build());
  }

  /** The local runtime's rules, each to its function or workflow. */
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
