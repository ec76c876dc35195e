package com.dbay.notification.intake;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Reports the poison events the queue gave up on: reads the dead-letter queue's depth every {@code
 * dead-letter-check}, exposes it as gauge {@code dbay.notification.dead.letters}, logs a warning
 * when it grows, and answers the admin endpoint. (In AWS the CDK stack also alarms on the DLQ's
 * ApproximateNumberOfMessagesVisible.)
 */
@Component
public class DeadLetterMonitor implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterMonitor.class);

  public record DeadLetters(String queue, long messages, Instant checkedAt) {}

  private final SqsClient sqs;
  private final SqsProperties properties;
  private final AtomicLong depth = new AtomicLong(-1);
  private volatile Instant checkedAt;
  private volatile boolean running;
  private Thread thread;

  public DeadLetterMonitor(SqsClient sqs, SqsProperties properties, MeterRegistry meters) {
    this.sqs = sqs;
    this.properties = properties;
    Gauge.builder("dbay.notification.dead.letters", depth, AtomicLong::get)
        .description("Messages in the notification dead-letter queue (-1: not read yet)")
        .register(meters);
  }

  /** Reads the depth now. */
  public DeadLetters check() {
    String url = sqs.getQueueUrl(b -> b.queueName(properties.deadLetterQueue())).queueUrl();
    String n =
        sqs.getQueueAttributes(
                b ->
                    b.queueUrl(url)
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
            .attributes()
            .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
    long now = n == null ? 0 : Long.parseLong(n);
    long before = depth.getAndSet(now);
    checkedAt = Instant.now();
    if (now > Math.max(0, before)) {
      log.warn(
          "{} poison event(s) in dead-letter queue {} (was {}): inspect and redrive or drop them",
          now,
          properties.deadLetterQueue(),
          Math.max(0, before));
    }
    return new DeadLetters(properties.deadLetterQueue(), now, checkedAt);
  }

  @Override
  public synchronized void start() {
    if (!properties.enabled() || running) {
      return;
    }
    running = true;
    thread =
        Thread.ofPlatform()
            .daemon()
            .name("sqs-dead-letters")
            .start(
                () -> {
                  while (running) {
                    try {
                      check();
                    } catch (RuntimeException e) {
                      log.debug("dead-letter queue not readable yet: {}", e.toString());
                    }
                    try {
                      Thread.sleep(properties.deadLetterCheck().toMillis());
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
