package com.dbay.lambda.localruntime.schedule;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EventBridge {@code rate(value unit)}. Locally seconds are allowed too (the auction closer runs
 * every few seconds here; in AWS its schedule is one minute and the auction service closes on time
 * itself). cron() is refused rather than misread.
 */
public final class ScheduleExpression {

  private static final Pattern RATE =
      Pattern.compile(
          "rate\\(\\s*(\\d+)\\s+(second|seconds|minute|minutes|hour|hours|day|days)\\s*\\)");

  private ScheduleExpression() {}

  public static Duration period(String expression) {
    Matcher m = RATE.matcher(expression == null ? "" : expression.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "unsupported schedule expression '"
              + expression
              + "': the local runtime supports rate(<n> second(s)|minute(s)|hour(s)|day(s))");
    }
    long n = Long.parseLong(m.group(1));
    if (n <= 0) {
      throw new IllegalArgumentException("a rate must be positive: " + expression);
    }
    return switch (m.group(2)) {
      case "second", "seconds" -> Duration.ofSeconds(n);
      case "minute", "minutes" -> Duration.ofMinutes(n);
      case "hour", "hours" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }
}
