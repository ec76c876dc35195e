package com.dbay.platform.starter.events;

import com.dbay.platform.events.EventEnvelope;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers one event to one subscriber at most once in effect: in one transaction it records
 * (subscriber, event id) in {@code platform_processed_events} and runs the handler; a duplicate
 * finds the row and is skipped; a handler that throws rolls back both, so the event is retried.
 * Used by the Redis Streams consumer and by any other transport (an SQS or Lambda adapter in AWS).
 */
public class EventDispatcher {

  public enum Outcome {
    HANDLED,
    DUPLICATE,
    NOT_MATCHED
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;

  public EventDispatcher(JdbcTemplate jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /**
   * Forgets the ids of events handled before {@code cutoff}. Safe once no transport can deliver
   * those events again: the Redis stream is trimmed and SQS keeps messages at most 14 days.
   */
  public int forgetProcessedBefore(Instant cutoff) {
    return jdbc.update(
        "DELETE FROM platform_processed_events WHERE processed_at < ?", Timestamp.from(cutoff));
  }

  public Outcome deliver(EventSubscriber subscriber, EventEnvelope event) {
    if (!subscriber.pattern().matches(event)) {
      return Outcome.NOT_MATCHED;
    }
    return transactions.execute(
        status -> {
          int fresh =
              jdbc.update(
                  "INSERT INTO platform_processed_events (subscriber, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                  subscriber.name(),
                  event.id());
          if (fresh == 0) {
            return Outcome.DUPLICATE;
          }
          subscriber.handle(event);
          return Outcome.HANDLED;
        });
  }
}
