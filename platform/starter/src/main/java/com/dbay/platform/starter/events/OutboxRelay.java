package com.dbay.platform.starter.events;

import com.dbay.platform.events.EventEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes committed outbox rows to the {@link EventBus} in {@code seq} order and marks them
 * published. One round is one transaction: it takes a transaction-scoped advisory lock (so with
 * several instances one relays at a time and the order holds), locks a batch of unpublished rows
 * {@code FOR UPDATE SKIP LOCKED}, publishes them one by one and marks those that the bus accepted.
 *
 * <p>Delivery is at least once: a relay that dies after the bus accepted an event but before its
 * transaction committed leaves the row unpublished, and the event is published again later.
 * Consumers dedupe by event id ({@link EventDispatcher}).
 */
public class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  /**
   * Advisory lock key: "dbay-outbox" folded into a long; any fixed number shared by all instances
   * works.
   */
  private static final long LOCK_KEY = 0x6462_6179_6f75_7462L;

  private static final java.time.Duration PURGE_EVERY = java.time.Duration.ofMinutes(10);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final EventBus bus;
  private final JsonMapper mapper;
  private final EventsProperties.Relay settings;
  private final Semaphore wakeUp = new Semaphore(0);
  private volatile Thread worker;
  private volatile boolean running;

  public OutboxRelay(
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      EventBus bus,
      JsonMapper mapper,
      EventsProperties.Relay settings) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.bus = bus;
    this.mapper = mapper;
    this.settings = settings;
  }

  /**
   * Publishes at most one batch; returns how many events were published. Throws when the bus
   * refused an event (those before it stay published, it and those after stay pending).
   */
  public int relayOnce() {
    Round round =
        transactions.execute(
            status -> {
              Boolean mine =
                  jdbc.queryForObject(
                      "SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY);
              if (!Boolean.TRUE.equals(mine)) {
                return new Round(0, null);
              }
              List<Row> rows =
                  jdbc.query(
                      "SELECT seq, event_id, source, detail_type, occurred_at, detail FROM platform_outbox "
                          + "WHERE published_at IS NULL ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED",
                      (rs, n) ->
                          new Row(
                              rs.getLong(1),
                              new EventEnvelope(
                                  rs.getString(2),
                                  rs.getString(3),
                                  rs.getString(4),
                                  rs.getTimestamp(5).toInstant(),
                                  mapper.readTree(rs.getString(6)))),
                      settings.batchSize());
              List<Object[]> done = new ArrayList<>();
              RuntimeException failure = null;
              for (Row row : rows) {
                try {
                  bus.publish(row.event());
                } catch (RuntimeException e) {
                  failure = e;
                  break;
                }
                done.add(new Object[] {row.seq()});
              }
              if (!done.isEmpty()) {
                jdbc.batchUpdate(
                    "UPDATE platform_outbox SET published_at = now() WHERE seq = ?", done);
              }
              // Those published are committed as such; the failed one is retried next round, in
              // order.
              return new Round(done.size(), failure);
            });
    if (round == null) {
      return 0;
    }
    if (round.failure() != null) {
      throw new RelayFailure(round.published(), round.failure());
    }
    return round.published();
  }

  /** Deletes rows published longer ago than the retention; returns how many. */
  public int purgePublished() {
    return jdbc.update(
        "DELETE FROM platform_outbox WHERE published_at < ?",
        java.sql.Timestamp.from(java.time.Instant.now().minus(settings.retention())));
  }

  /** Unpublished rows, for health and tests. */
  public long backlog() {
    Long n =
        jdbc.queryForObject(
            "SELECT count(*) FROM platform_outbox WHERE published_at IS NULL", Long.class);
    return n == null ? 0 : n;
  }

  /**
   * Called after a transaction with outbox rows commits, so events leave without waiting for the
   * poll.
   */
  public void wakeUp() {
    if (wakeUp.availablePermits() == 0) {
      wakeUp.release();
    }
  }

  private void loop() {
    long backoff = settings.pollInterval().toMillis();
    long nextPurge = System.nanoTime();
    while (running) {
      try {
        if (System.nanoTime() - nextPurge >= 0) {
          nextPurge = System.nanoTime() + PURGE_EVERY.toNanos();
          purgePublished();
        }
        int n = relayOnce();
        backoff = settings.pollInterval().toMillis();
        if (n >= settings.batchSize()) {
          continue;
        }
        wakeUp.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("outbox relay round failed; retrying in {} ms", backoff, e);
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
        backoff = Math.min(backoff * 2, 30_000);
      }
    }
  }

  @Override
  public void start() {
    running = true;
    worker = Thread.ofPlatform().name("dbay-outbox-relay").daemon().start(this::loop);
  }

  @Override
  public void stop() {
    running = false;
    Thread t = worker;
    if (t != null) {
      t.interrupt();
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private record Row(long seq, EventEnvelope event) {}

  private record Round(int published, RuntimeException failure) {}

  /** The bus refused an event after {@code published} others of the round went out. */
  public static final class RelayFailure extends RuntimeException {
    RelayFailure(int published, RuntimeException cause) {
      super("event bus refused an event after " + published + " were published", cause);
    }
  }
}
