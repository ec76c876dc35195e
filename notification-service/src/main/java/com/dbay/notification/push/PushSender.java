package com.dbay.notification.push;

import com.interaso.webpush.WebPush;
import com.interaso.webpush.WebPushException;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers what waits in {@code push_outbox} to the push services. The message is encrypted for the
 * browser (RFC 8291, {@code aes128gcm}) and signed for the push service (VAPID, RFC 8292) by the
 * {@code com.interaso:webpush} library; this class only makes the HTTP call, with timeouts. Per
 * row, in its own transaction: 2xx marks it sent; 404/410 (the browser unsubscribed) deletes the
 * subscription and its queued pushes; anything else is tried again with a growing delay and given
 * up after {@code max-attempts}. Each row stands alone, so one dead browser delays nobody else.
 */
@Component
public class PushSender implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PushSender.class);

  private final Pushes pushes;
  private final PushSubscriptions subscriptions;
  private final PushKeys keys;
  private final PushProperties properties;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final MeterRegistry meters;
  private final HttpClient http;
  private volatile boolean running;
  private Thread thread;

  PushSender(
      Pushes pushes,
      PushSubscriptions subscriptions,
      PushKeys keys,
      PushProperties properties,
      PlatformTransactionManager transactions,
      Clock clock,
      MeterRegistry meters) {
    this.pushes = pushes;
    this.subscriptions = subscriptions;
    this.keys = keys;
    this.properties = properties;
    this.transactions = new TransactionTemplate(transactions);
    this.clock = clock;
    this.meters = meters;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(properties.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Sends every push that is due now; answers how many were accepted by their push service. */
  public int sendDue() {
    int accepted = 0;
    for (UUID id : pushes.due(clock.instant(), 100)) {
      try {
        Boolean ok = transactions.execute(status -> sendOne(id));
        if (Boolean.TRUE.equals(ok)) {
          accepted++;
        }
      } catch (RuntimeException e) {
        log.warn("push {} not handled (tried again next round): {}", id, e.toString());
      }
    }
    return accepted;
  }

  private boolean sendOne(UUID id) {
    var due = pushes.lock(id);
    if (due.isEmpty()) {
      return false;
    }
    Pushes.Due push = due.get();
    Instant now = clock.instant();
    WebPush webPush = new WebPush(properties.subject(), keys.keys());
    int status;
    String answer;
    try {
      Base64.Decoder b64 = Base64.getUrlDecoder();
      byte[] body =
          webPush.getBody(
              push.payload().getBytes(StandardCharsets.UTF_8),
              b64.decode(push.p256dh()),
              b64.decode(push.auth()));
      Map<String, String> headers =
          webPush.getHeaders(
              push.endpoint(), (int) properties.ttl().toSeconds(), null, WebPush.Urgency.Normal);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(push.endpoint()))
              .timeout(properties.timeout())
              .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      headers.forEach(request::header);
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      status = response.statusCode();
      answer = response.body();
    } catch (IOException | RuntimeException e) {
      retryLater(push, e.toString(), now);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      retryLater(push, "interrupted", now);
      return false;
    }
    try {
      WebPush.SubscriptionState state = webPush.getSubscriptionState(status, answer);
      if (state == WebPush.SubscriptionState.EXPIRED) {
        subscriptions.forget(push.subscriptionId());
        count("gone");
        log.info("push subscription {} is gone ({}): deleted", push.subscriptionId(), status);
        return false;
      }
      pushes.sent(push.id(), now);
      count("sent");
      return true;
    } catch (Exception e) { // WebPushStatusException, checked though Java is not told (Kotlin)
      if (!(e instanceof WebPushException)) {
        throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
      }
      retryLater(push, "HTTP " + status + ": " + e.getMessage(), now);
      return false;
    }
  }

  private void retryLater(Pushes.Due push, String error, Instant now) {
    boolean giveUp = push.attempts() + 1 >= properties.maxAttempts();
    Duration delay = Duration.ofSeconds(Math.min(3600, 1L << Math.min(push.attempts() + 1, 12)));
    pushes.failed(push.id(), error, now.plus(delay), giveUp, now);
    count(giveUp ? "failed" : "retry");
    log.warn(
        "push {} to subscription {} failed ({}): {}",
        push.id(),
        push.subscriptionId(),
        giveUp ? "given up" : "tried again in " + delay,
        error);
  }

  private void count(String outcome) {
    meters.counter("dbay.notification.pushes", "outcome", outcome).increment();
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
            .name("push-sender")
            .start(
                () -> {
                  while (running) {
                    try {
                      sendDue();
                    } catch (RuntimeException e) {
                      log.warn("push round failed: {}", e.toString());
                    }
                    try {
                      Thread.sleep(properties.pollInterval().toMillis());
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
