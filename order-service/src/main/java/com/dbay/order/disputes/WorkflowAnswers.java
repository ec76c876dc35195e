package com.dbay.order.disputes;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * Answers DisputeWorkflow's task tokens with SendTaskSuccess (AWS SDK: Step Functions in AWS with
 * the task role, locally the serverless runtime's API signed with its credentials). What a step is
 * owed is stored with the dispute first and sent from here, so a token that arrives after the party
 * acted, or a runtime that was down, loses nothing; each step is answered once, and a token the
 * workflow no longer waits on (timed out, answered) is dropped.
 */
@Component
public class WorkflowAnswers implements SmartLifecycle, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WorkflowAnswers.class);

  private final Disputes disputes;
  private final SfnClient sfn;
  private final Duration interval;
  private ScheduledExecutorService scheduler;

  WorkflowAnswers(Disputes disputes, DisputeProperties p) {
    this.disputes = disputes;
    this.interval = p.workflowAnswersInterval();
    var builder =
        SfnClient.builder()
            .region(Region.of(p.s3Region()))
            .httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(
                p.sfnAccessKeyId().isBlank()
                    ? DefaultCredentialsProvider.builder().build()
                    : StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(p.sfnAccessKeyId(), p.sfnSecretAccessKey())));
    if (!p.sfnEndpoint().isBlank()) {
      builder.endpointOverride(URI.create(p.sfnEndpoint()));
    }
    this.sfn = builder.build();
  }

  @Override
  public synchronized void start() {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("dispute-workflow-answers").daemon().factory());
    scheduler.scheduleWithFixedDelay(
        this::sendOwedQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }

  @Override
  public void close() {
    sfn.close();
  }

  private void sendOwedQuietly() {
    try {
      sendOwed();
    } catch (RuntimeException e) {
      log.warn("sending owed workflow answers failed: {}", e.toString());
    }
  }

  /** Sends what is owed soon, off the caller's thread (right after a party or an admin acted). */
  public synchronized void nudge() {
    if (scheduler != null) {
      scheduler.execute(this::sendOwedQuietly);
    }
  }

  /** Sends every owed answer whose token is known. */
  public synchronized void sendOwed() {
    for (Disputes.Owed owed : disputes.owed(50)) {
      try {
        sfn.sendTaskSuccess(b -> b.taskToken(owed.token()).output(owed.output()));
        disputes.sent(owed);
      } catch (TaskTimedOutException | InvalidTokenException | TaskDoesNotExistException gone) {
        log.info(
            "dispute {}: the workflow no longer waits on this token: {}",
            owed.disputeId(),
            gone.getMessage());
        disputes.sent(owed);
      } catch (SdkException e) {
        log.warn(
            "dispute {}: SendTaskSuccess failed, retried later: {}",
            owed.disputeId(),
            e.toString());
        return;
      }
    }
  }
}
