package com.dbay.lambda.localruntime.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScheduleExpressionTest {

  @Test
  void rate_expressions_read_as_their_period() {
    assertThat(ScheduleExpression.period("rate(2 seconds)")).isEqualTo(Duration.ofSeconds(2));
    assertThat(ScheduleExpression.period("rate(1 minute)")).isEqualTo(Duration.ofMinutes(1));
    assertThat(ScheduleExpression.period("rate(12 hours)")).isEqualTo(Duration.ofHours(12));
  }

  @Test
  void cron_and_nonsense_are_refused_rather_than_misread() {
    assertThatThrownBy(() -> ScheduleExpression.period("cron(0 12 * * ? *)"))
        .hasMessageContaining("unsupported");
    assertThatThrownBy(() -> ScheduleExpression.period("rate(0 seconds)"))
        .hasMessageContaining("positive");
  }
}
