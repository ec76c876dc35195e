package com.dbay.lambda.localruntime;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** The real AWS SDK Step Functions client, pointed at the local runtime. */
final class Sfn {

  static final String MACHINE = "arn:aws:states:local:000000000000:stateMachine:";

  /**
   * The runtime's credentials in tests (src/test/resources/config/application.properties reads the
   * same).
   */
  static final String ACCESS_KEY_ID =
      System.getenv().getOrDefault("DBAY_RUNTIME_ACCESS_KEY_ID", "AKIADBAYLOCALTEST");

  static final String SECRET_ACCESS_KEY =
      System.getenv()
          .getOrDefault("DBAY_RUNTIME_SECRET_ACCESS_KEY", "dbay-local-runtime-test-secret");

  private Sfn() {}

  static SfnClient client(int port) {
    return SfnClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .region(Region.of("local"))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  static DescribeExecutionResponse awaitEnd(SfnClient sfn, String executionArn, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(executionArn));
      if (d.status() != ExecutionStatus.RUNNING || Instant.now().isAfter(deadline)) {
        return d;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return d;
      }
    }
  }
}
