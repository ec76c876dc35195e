package com.dbay.notification.email;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Mails what waits in {@code email_outbox}: every {@code poll-interval}, each user whose oldest
 * waiting notification has waited {@code batch-window} gets all of them in one email (SES v2
 * SendEmail, HTML and plain text). One transaction per user locks the rows, sends and marks them: a
 * failed send rolls back and is tried again next round; a crash after SES accepted and before the
 * commit sends that batch again (at least once, never lost).
 */
@Component
public class EmailSender implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

  private final MailStore store;
  private final SesV2Client ses;
  private final EmailProperties properties;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final EmailTemplates templates = new EmailTemplates();
  private final Counter sent;
  private final Counter failed;
  private volatile boolean running;
  private Thread thread;

  EmailSender(
      MailStore store,
      SesV2Client ses,
      EmailProperties properties,
      PlatformTransactionManager transactions,
      Clock clock,
      MeterRegistry meters) {
    this.store = store;
    this.ses = ses;
    this.properties = properties;
    this.transactions = new TransactionTemplate(transactions);
    this.clock = clock;
    this.sent = Counter.builder("dbay.notification.emails").tag("outcome", "sent").register(meters);
    this.failed =
        Counter.builder("dbay.notification.emails").tag("outcome", "failed").register(meters);
  }

  /** Mails every batch that is due now; answers how many emails went out. */
  public int sendDue() {
    Instant now = clock.instant();
    int emails = 0;
    for (String userId : store.usersDue(now.minus(properties.batchWindow()), 100)) {
      try {
        Boolean mailed = transactions.execute(status -> sendBatch(userId, now));
        if (Boolean.TRUE.equals(mailed)) {
          emails++;
          sent.increment();
        }
      } catch (RuntimeException e) {
        failed.increment();
        log.warn("email to user {} not sent (tried again next round): {}", userId, e.toString());
      }
    }
    return emails;
  }

  private boolean sendBatch(String userId, Instant now) {
    List<MailStore.Pending> pending = store.lockPending(userId);
    if (pending.isEmpty()) {
      return false;
    }
    List<java.util.UUID> ids = pending.stream().map(MailStore.Pending::id).toList();
    Optional<String> to = store.address(userId);
    if (to.isEmpty()) {
      store.markDone(ids, "NO_ADDRESS", null, now);
      return false;
    }
    String web = properties.webUrl().replaceAll("/+$", "");
    EmailTemplates.Mail mail =
        templates.render(
            pending.stream()
                .map(
                    p ->
                        new EmailTemplates.Item(
                            p.title(),
                            p.body(),
                            web + (p.link() == null ? "/notifications" : p.link())))
                .toList(),
            web + "/settings/notifications");
    String messageId =
        ses.sendEmail(
                b ->
                    b.fromEmailAddress(properties.from())
                        .destination(d -> d.toAddresses(to.get()))
                        .content(
                            c ->
                                c.simple(
                                    m ->
                                        m.subject(s -> s.data(mail.subject()).charset("UTF-8"))
                                            .body(
                                                body ->
                                                    body.html(
                                                            h ->
                                                                h.data(mail.html())
                                                                    .charset("UTF-8"))
                                                        .text(
                                                            t ->
                                                                t.data(mail.text())
                                                                    .charset("UTF-8"))))))
            .messageId();
    store.markDone(ids, "SENT", messageId, now);
    return true;
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
            .name("email-sender")
            .start(
                () -> {
                  while (running) {
                    try {
                      sendDue();
                    } catch (RuntimeException e) {
                      log.warn("email round failed: {}", e.toString());
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
