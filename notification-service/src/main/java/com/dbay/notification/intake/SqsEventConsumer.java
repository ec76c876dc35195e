package com.dbay.notification.intake;

import com.dbay.notification.inbox.EventNotifier;
import com.dbay.platform.events.EventEnvelope;
import com.dbay.platform.events.EventPattern;
import com.dbay.platform.starter.events.EventBridgeEventBus;
import com.dbay.platform.starter.events.EventDispatcher;
import com.dbay.platform.starter.events.EventSubscriber;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes the notification queue that the EventBridge rule feeds (the seed's EventBridge → SQS →
 * Notification Service): {@code consumers} threads each long-poll ReceiveMessage (up to 10 a call),
 * each event handled through the platform's {@link EventDispatcher} (one transaction records the
 * event id and stores the notifications, so a redelivered or duplicated event notifies once), and
 * one DeleteMessageBatch per received batch only after those commits. A consumer that dies between
 * the commit and the delete leaves the message to come back after the visibility timeout, where the
 * dedupe skips it and it is deleted. A message that cannot be handled (not an event, or a handler
 * failure) is left alone: the queue's redrive policy moves it to the dead-letter queue after
 * maxReceiveCount receives, so a poison event is never retried forever ({@link DeadLetterMonitor}
 * reports it).
 *
 * <p>Not an {@link EventSubscriber} bean: those are also fed from the Redis stream by the platform;
 * this service takes its events from SQS only.
 */
@Component
public class SqsEventConsumer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SqsEventConsumer.class);

  /** The dedupe scope of the events this consumer handles. */
  public static final String SUBSCRIBER = "notification.inbox";

  private final SqsClient sqs;
  private final SqsProperties properties;
  private final EventDispatcher dispatcher;
  private final JsonMapper json;
  private final EventSubscriber subscriber;
  private final Map<EventDispatcher.Outcome, Counter> outcomes;
  private final Counter failures;
  private volatile boolean running;
  private final List<Thread> threads = new ArrayList<>();
  private volatile String queueUrl;

  public SqsEventConsumer(
      SqsClient sqs,
      SqsProperties properties,
      EventDispatcher dispatcher,
      EventNotifier notifier,
      JsonMapper json,
      MeterRegistry meters) {
    this.sqs = sqs;
    this.properties = properties;
    this.dispatcher = dispatcher;
    this.json = json;
    this.subscriber = EventSubscriber.of(SUBSCRIBER, EventPattern.any(), notifier::onEvent);
    this.outcomes =
        Map.of(
            EventDispatcher.Outcome.HANDLED, counter(meters, "handled"),
            EventDispatcher.Outcome.DUPLICATE, counter(meters, "duplicate"),
            EventDispatcher.Outcome.NOT_MATCHED, counter(meters, "ignored"));
    this.failures = counter(meters, "failed");
  }

  private static Counter counter(MeterRegistry meters, String outcome) {
    return Counter.builder("dbay.notification.events")
        .description("Events received from the notification queue, by outcome")
        .tag("outcome", outcome)
        .register(meters);
  }

  @Override
  public synchronized void start() {
    if (!properties.enabled() || running) {
      return;
    }
    running = true;
    for (int i = 0; i < Math.max(1, properties.consumers()); i++) {
      threads.add(Thread.ofPlatform().daemon().name("sqs-notifications-" + i).start(this::loop));
    }
  }

  /**
   * Stops receiving; a batch being handled is abandoned where it is (its undeleted messages come
   * back after the visibility timeout), as when the process is killed.
   */
  @Override
  public synchronized void stop() {
    running = false;
    threads.forEach(Thread::interrupt);
    for (Thread t : threads) {
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    threads.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void loop() {
    long trouble = 0;
    while (running) {
      try {
        String url = queueUrl;
        if (url == null) {
          url = sqs.getQueueUrl(b -> b.queueName(properties.queue())).queueUrl();
          queueUrl = url;
          log.info(
              "{} consuming {} ({})", Thread.currentThread().getName(), properties.queue(), url);
        }
        String receiveFrom = url;
        List<Message> messages =
            sqs.receiveMessage(
                    b ->
                        b.queueUrl(receiveFrom)
                            .maxNumberOfMessages(properties.batchSize())
                            .waitTimeSeconds((int) Math.min(20, properties.pollWait().toSeconds()))
                            .visibilityTimeout((int) properties.visibilityTimeout().toSeconds())
                            .messageSystemAttributeNames(
                                MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                .messages();
        trouble = 0;
        List<Message> done = new ArrayList<>(messages.size());
        for (Message m : messages) {
          if (!running) {
            return;
          }
          if (handle(m)) {
            done.add(m);
          }
        }
        delete(receiveFrom, done);
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        if (trouble++ % 30 == 0) {
          log.warn("notification queue {} unavailable: {}", properties.queue(), e.toString());
        }
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  /** Handles one message; true when it is done with (handled, a duplicate, or nobody's). */
  private boolean handle(Message m) {
    EventDispatcher.Outcome outcome;
    try {
      EventEnvelope event = EventBridgeEventBus.envelopeFrom(m.body(), json);
      outcome = dispatcher.deliver(subscriber, event);
    } catch (RuntimeException e) {
      failures.increment();
      // Left on the queue: back after the visibility timeout, to the dead-letter queue after
      // maxReceiveCount receives.
      log.warn(
          "notification queue message {} failed (receive {}): {}",
          m.messageId(),
          m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT),
          e.toString());
      return false;
    }
    outcomes.get(outcome).increment();
    return true;
  }

  /**
   * One DeleteMessageBatch for a received batch's done messages, after all their commits. A message
   * whose delete fails (or a consumer killed before it) comes back after the visibility timeout,
   * and the dedupe skips it.
   */
  private void delete(String url, List<Message> done) {
    if (done.isEmpty()) {
      return;
    }
    List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(done.size());
    for (int i = 0; i < done.size(); i++) {
      entries.add(
          DeleteMessageBatchRequestEntry.builder()
              .id(Integer.toString(i))
              .receiptHandle(done.get(i).receiptHandle())
              .build());
    }
    var answer = sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(entries));
    if (answer.hasFailed() && !answer.failed().isEmpty()) {
      log.warn(
          "{} handled notification messages not deleted (they come back and are skipped): {}",
          answer.failed().size(),
          answer.failed().get(0).message());
    }
  }
}
