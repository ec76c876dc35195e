package com.dbay.platform.starter.events;

import com.dbay.platform.events.AggregateRoot;
import com.dbay.platform.events.EventEnvelope;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records an event in the {@code platform_outbox} table in the caller's transaction, so the event
 * exists exactly when the state change it describes commits. The {@link OutboxRelay} publishes it
 * after the commit.
 *
 * <pre>{@code
 * @Transactional
 * public Bid place(...) {
 *   bids.save(bid);
 *   outbox.publish("BidPlaced", new BidPlaced(listingId, bidderId, amount));
 * }
 * }</pre>
 */
public class Outbox {

  private final JdbcTemplate jdbc;
  private final JsonMapper mapper;
  private final String source;
  private final Runnable afterCommit;

  public Outbox(JdbcTemplate jdbc, JsonMapper mapper, String source, Runnable afterCommit) {
    this.jdbc = jdbc;
    this.mapper = mapper;
    this.source = source;
    this.afterCommit = afterCommit;
  }

  /** Publishes {@code detail} (any JSON-mappable object) from this service's source. */
  public EventEnvelope publish(String detailType, Object detail) {
    JsonNode tree = detail instanceof JsonNode node ? node : mapper.valueToTree(detail);
    return publish(EventEnvelope.create(source, detailType, tree));
  }

  /**
   * Publishes every event {@code aggregate} recorded since it was last saved, in the order they
   * happened, each with its record's simple name as the detail-type ({@code WithdrawalSigned}).
   * Call it where the aggregate is saved, inside the same transaction:
   *
   * <pre>{@code
   * withdrawal.markBroadcast();            // records WithdrawalBroadcast
   * withdrawals.save(withdrawal);          // UPDATE ... ; outbox.publishRecorded(withdrawal)
   * }</pre>
   */
  public List<EventEnvelope> publishRecorded(AggregateRoot aggregate) {
    return aggregate.pullEvents().stream()
        .map(event -> publish(event.getClass().getSimpleName(), event))
        .toList();
  }

  public EventEnvelope publish(EventEnvelope event) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalTransactionStateException(
          "Outbox.publish must run inside the transaction that makes the change the event describes");
    }
    jdbc.update(
        "INSERT INTO platform_outbox (event_id, source, detail_type, occurred_at, detail) VALUES (?, ?, ?, ?, ?)",
        event.id(),
        event.source(),
        event.detailType(),
        Timestamp.from(event.time()),
        mapper.writeValueAsString(event.detail()));
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              afterCommit.run();
            }
          });
    }
    return event;
  }

  public String source() {
    return source;
  }
}
