package com.dbay.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.SnsTopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

/**
 * What an operator is woken for, all to one SNS topic: dead letters in any DLQ, 5xx at the API and
 * at the services, failed or timed-out workflows, a deposit watcher that stopped following the
 * chain, and withdrawals the wallet flagged STUCK; plus one dashboard.
 */
public final class Observability extends Construct {

  public final Topic alarms;
  public final List<Alarm> all = new ArrayList<>();

  public record Inputs(
      Settings settings, Events events, Serverless serverless, Services services, Edge edge) {}

  public Observability(Construct scope, String id, Inputs in) {
    super(scope, id);
    alarms =
        Topic.Builder.create(this, "Alarms")
            .displayName("DBay alarms (" + in.settings().envName() + ")")
            .enforceSsl(true)
            .build();
    if (!in.settings().alarmEmail().isEmpty()) {
      alarms.addSubscription(new EmailSubscription(in.settings().alarmEmail()));
    }
    Duration five = Duration.minutes(5);

    for (Map.Entry<String, Queue> dlq :
        Map.of(
                "NotificationsDeadLetters", in.events().notificationsDeadLetters,
                "RuleTargetDeadLetters", in.events().targetDeadLetters)
            .entrySet()) {
      alarm(
          dlq.getKey() + "NotEmpty",
          dlq.getKey() + ": events that could not be delivered",
          dlq.getValue()
              .metricApproximateNumberOfMessagesVisible(
                  MetricOptions.builder().period(five).statistic("Maximum").build()),
          0,
          1);
    }

    alarm(
        "Api5xx",
        "REST API: server errors",
        in.edge()
            .api
            .metricServerError(MetricOptions.builder().period(five).statistic("Sum").build()),
        5,
        1);
    alarm(
        "Services5xx",
        "services behind the ALB: 5xx answers",
        in.services()
            .alb
            .getMetrics()
            .httpCodeTarget(
                software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget
                    .TARGET_5XX_COUNT,
                MetricOptions.builder().period(five).statistic("Sum").build()),
        10,
        1);

    for (Map.Entry<String, StateMachine> workflow : in.serverless().workflows().entrySet()) {
      alarm(
          workflow.getKey() + "Failed",
          workflow.getKey() + ": failed executions",
          workflow
              .getValue()
              .metricFailed(MetricOptions.builder().period(five).statistic("Sum").build()),
          0,
          1);
      alarm(
          workflow.getKey() + "TimedOut",
          workflow.getKey() + ": timed-out executions",
          workflow
              .getValue()
              .metricTimedOut(MetricOptions.builder().period(five).statistic("Sum").build()),
          0,
          1);
    }

    // Deposit-watcher lag: it runs every minute; errors for 3 minutes in a row, or no run in 5,
    // mean
    // deposits are not being seen.
    var watcher = in.serverless().function("deposit-watcher");
    alarm(
        "DepositWatcherErrors",
        "deposit-watcher failing: deposits are not credited",
        watcher.metricErrors(
            MetricOptions.builder().period(Duration.minutes(1)).statistic("Sum").build()),
        0,
        3);
    Alarm stalled =
        Alarm.Builder.create(this, "DepositWatcherStalled")
            .alarmDescription(
                "deposit-watcher has not run for 5 minutes: the chain is not followed")
            .metric(
                watcher.metricInvocations(
                    MetricOptions.builder().period(five).statistic("Sum").build()))
            .threshold(1)
            .evaluationPeriods(1)
            .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
            .treatMissingData(TreatMissingData.BREACHING)
            .build();
    stalled.addAlarmAction(new SnsAction(alarms));
    all.add(stalled);

    // Stuck withdrawals: the wallet publishes WithdrawalStuck once per withdrawal; each one pages.
    Rule stuck =
        Rule.Builder.create(this, "WithdrawalStuck")
            .eventBus(in.events().bus)
            .description("a withdrawal found in no block for the configured number of intervals")
            .eventPattern(
                EventPattern.builder()
                    .source(List.of("dbay.wallet"))
                    .detailType(List.of("WithdrawalStuck"))
                    .build())
            .targets(List.of(new SnsTopic(alarms)))
            .build();
    alarm(
        "WithdrawalsStuck",
        "withdrawals flagged STUCK by the wallet",
        new Metric(
            software.amazon.awscdk.services.cloudwatch.MetricProps.builder()
                .namespace("AWS/Events")
                .metricName("MatchedEvents")
                .dimensionsMap(
                    Map.of(
                        "RuleName",
                        stuck.getRuleName(),
                        "EventBusName",
                        in.events().bus.getEventBusName()))
                .period(five)
                .statistic("Sum")
                .build()),
        0,
        1);

    List<IWidget> row = new ArrayList<>();
    row.add(
        graph(
            "API requests and errors",
            List.of(
                in.edge().api.metricCount(),
                in.edge().api.metricServerError(),
                in.edge().api.metricClientError())));
    row.add(
        graph(
            "API latency",
            List.of(in.edge().api.metricLatency(), in.edge().api.metricIntegrationLatency())));
    row.add(
        graph(
            "Workflows failed",
            in.serverless().workflows().values().stream()
                .map(m -> (IMetric) m.metricFailed())
                .toList()));
    row.add(
        graph(
            "Functions errors",
            in.serverless().functions().values().stream()
                .map(f -> (IMetric) f.metricErrors())
                .toList()));
    row.add(
        graph(
            "Services CPU",
            in.services().services.values().stream()
                .map(s -> (IMetric) s.metricCpuUtilization())
                .toList()));
    row.add(
        graph(
            "Dead letters",
            List.of(
                in.events().notificationsDeadLetters.metricApproximateNumberOfMessagesVisible(),
                in.events().targetDeadLetters.metricApproximateNumberOfMessagesVisible())));
    Dashboard.Builder.create(this, "Dashboard")
        .dashboardName("dbay-" + in.settings().envName())
        .widgets(List.of(row))
        .build();
  }

  private void alarm(String id, String description, IMetric metric, double threshold, int periods) {
    Alarm alarm =
        Alarm.Builder.create(this, id)
            .alarmDescription(description)
            .metric(metric)
            .threshold(threshold)
            .evaluationPeriods(periods)
            .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
            .treatMissingData(TreatMissingData.NOT_BREACHING)
            .build();
    alarm.addAlarmAction(new SnsAction(alarms));
    all.add(alarm);
  }

  private static GraphWidget graph(String title, List<IMetric> metrics) {
    return GraphWidget.Builder.create().title(title).left(metrics).width(8).build();
  }
}
