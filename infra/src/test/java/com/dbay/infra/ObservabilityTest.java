package com.dbay.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import org.junit.jupiter.api.Test;

class ObservabilityTest {

  private final Collection<JsonNode> alarms = Cfn.resources("AWS::CloudWatch::Alarm").values();

  private void hasAlarm(String metric, String dimensionValue) {
    assertThat(alarms)
        .as(metric + " " + dimensionValue)
        .anySatisfy(
            a -> {
              assertThat(a.path("Properties").path("MetricName").asText()).isEqualTo(metric);
              assertThat(a.path("Properties").path("Dimensions").toString())
                  .contains(dimensionValue);
            });
  }

  @Test
  void deadLettersServerErrorsAndFailedWorkflowsRaiseAlarms() {
    var stack = Synthesized.stack();
    hasAlarm(
        "ApproximateNumberOfMessagesVisible", Cfn.logicalId(stack.events.notificationsDeadLetters));
    hasAlarm("ApproximateNumberOfMessagesVisible", Cfn.logicalId(stack.events.targetDeadLetters));
    hasAlarm("5XXError", "dbay-dev");
    hasAlarm("HTTPCode_Target_5XX_Count", Cfn.logicalId(stack.services.alb));
    stack
        .serverless
        .workflows()
        .values()
        .forEach(
            m -> {
              hasAlarm("ExecutionsFailed", Cfn.logicalId(m));
              hasAlarm("ExecutionsTimedOut", Cfn.logicalId(m));
            });
  }

  @Test
  void aDepositWatcherThatFailsOrStopsAndStuckWithdrawalsRaiseAlarms() {
    var stack = Synthesized.stack();
    String watcher = Cfn.logicalId(stack.serverless.function("deposit-watcher"));
    hasAlarm("Errors", watcher);
    hasAlarm("Invocations", watcher);
    assertThat(alarms)
        .anySatisfy(
            a ->
                assertThat(a.path("Properties").path("MetricName").asText())
                    .isEqualTo("MatchedEvents"));
  }

  @Test
  void everyAlarmNotifiesTheAlarmTopicAndTheDashboardExists() {
    String topic = Cfn.logicalId(Synthesized.stack().observability.alarms);
    assertThat(alarms)
        .hasSizeGreaterThanOrEqualTo(14)
        .allSatisfy(
            a ->
                assertThat(Cfn.refId(a.path("Properties").path("AlarmActions").get(0)))
                    .isEqualTo(topic));
    assertThat(Cfn.resources("AWS::CloudWatch::Dashboard")).hasSize(1);
  }
}
