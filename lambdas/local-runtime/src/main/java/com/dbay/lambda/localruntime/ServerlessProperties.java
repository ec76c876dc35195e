package com.dbay.lambda.localruntime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("dbay.serverless")
public record ServerlessProperties(
    @DefaultValue("local") String region,
    @DefaultValue("000000000000") String account,
    String workflowsDir,
    @DefaultValue Executor executor,
    Map<String, String> schedules,
    @DefaultValue Events events,
    @DefaultValue S3 s3,
    @DefaultValue Sqs sqs) {

  public ServerlessProperties {
    schedules = schedules == null ? Map.of() : schedules;
  }

  /**
   * @param reclaimLeasesOnStart take back, at start-up, the runs a killed process still held under
   *     lease (right when one runtime owns the database, the local set-up; turn off to run several)
   */
  public record Executor(
      @DefaultValue("4") int workers,
      @DefaultValue("100ms") Duration pollInterval,
      @DefaultValue("60s") Duration lease,
      @DefaultValue("true") boolean reclaimLeasesOnStart) {}

  /**
   * @param pollInterval the longest an idle router waits on the stream (one blocking read) before
   *     it looks again; a new entry ends the wait at once
   */
  public record Events(
      @DefaultValue("dbay:events") String stream,
      @DefaultValue("1s") Duration pollInterval,
      @DefaultValue("0") String startFrom,
      @DefaultValue("3") int maxAttempts,
      List<Rule> rules) {
    public Events {
      rules = rules == null ? List.of() : rules;
    }
  }

  /**
   * An EventBridge-style rule: a pattern on the envelope and a target "function:<name>",
   * "workflow:<name>" or "sqs:<queue name>" (the event as EventBridge hands it to an SQS target).
   */
  public record Rule(String name, String pattern, String target) {}

  /**
   * The S3-compatible store whose new objects are announced to {@code function} (image-processor).
   */
  public record S3(
      String endpoint,
      @DefaultValue("dbay-images") List<String> buckets,
      @DefaultValue("1s") Duration pollInterval,
      @DefaultValue("local") String accessKey,
      @DefaultValue("local") String secretKey,
      @DefaultValue("image-processor") String function) {}

  /**
   * The SQS-API server that {@code sqs:} rule targets send to (locally ElasticMQ, started by ./dbay
   * as part {@code sqs}). Empty: no SQS here, and the rules with an {@code sqs:} target are off.
   */
  public record Sqs(
      String endpoint,
      @DefaultValue("local") String region,
      @DefaultValue("local") String accessKey,
      @DefaultValue("local") String secretKey) {}
}
