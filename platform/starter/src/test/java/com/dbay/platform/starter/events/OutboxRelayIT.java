package com.dbay.platform.starter.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.dbay.platform.events.EventEnvelope;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.starter.support.PlatformIntegrationTestBase;
import com.dbay.platform.starter.support.PlatformItApp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamInfo;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox's promise under failure: an event committed with its state change reaches each
 * consumer's effect exactly once, even when the relay dies after publishing but before marking the
 * row, or before publishing at all, and even when a consumer fails before acknowledging.
 */
class OutboxRelayIT extends PlatformIntegrationTestBase {

  @Autowired PlatformItApp.ListingService listings;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired EventBus bus;
  @Autowired JsonMapper mapper;
  @Autowired StringRedisTemplate redis;
  @Autowired Outbox outbox;
  @Autowired EventsProperties properties;
  @Autowired EventDispatcher dispatcher;

  /** What kills the relay: thrown from inside its round, like a process dying there. */
  static final class RelayKilled extends RuntimeException {
    RelayKilled(String where) {
      super("relay killed " + where);
    }
  }

  @Test
  void handledEventIdsAreForgottenOnlyOnceTheyAreOlderThanTheRetention() {
    String old = "old-" + UUID.randomUUID();
    String recent = "recent-" + UUID.randomUUID();
    jdbc.update(
        "INSERT INTO platform_processed_events (subscriber, event_id, processed_at) VALUES ('it.purge', ?, now() - interval '31 days')",
        old);
    jdbc.update(
        "INSERT INTO platform_processed_events (subscriber, event_id, processed_at) VALUES ('it.purge', ?, now() - interval '29 days')",
        recent);

    int forgotten =
        dispatcher.forgetProcessedBefore(
            java.time.Instant.now().minus(properties.consumer().dedupeRetention()));

    assertThat(forgotten).isGreaterThanOrEqualTo(1);
    assertThat(processed("it.purge", old)).isZero();
    assertThat(processed("it.purge", recent)).isEqualTo(1);
  }

  @Test
  void anEventPublishedByARelayThatDiedBeforeMarkingItIsDeliveredTwiceButTakesEffectOnce() {
    drain(relay(bus)); // nothing older pending: the dying relay's first event is ours
    String eventId = createListing();
    OutboxRelay dying =
        relay(
            event -> {
              bus.publish(event);
              throw new RelayKilled("after publishing, before marking the row published");
            });

    assertThatThrownBy(dying::relayOnce)
        .isInstanceOf(OutboxRelay.RelayFailure.class)
        .hasCauseInstanceOf(RelayKilled.class);
    assertThat(isPublished(eventId)).isFalse();
    assertThat(streamEntriesOf(eventId)).isEqualTo(1);

    drain(relay(bus)); // the restarted relay

    assertThat(isPublished(eventId)).isTrue();
    assertThat(streamEntriesOf(eventId)).isEqualTo(2);
    awaitConsumed("it.effects");
    awaitConsumed("it.flaky");
    assertThat(effects("it.effects", eventId)).isEqualTo(1);
    assertThat(effects("it.flaky", eventId)).isEqualTo(1);
    assertThat(processed("it.effects", eventId)).isEqualTo(1);
  }

  @Test
  void anEventWhoseRelayDiedBeforePublishingIsPublishedByTheNextRelayAndTakesEffectOnce() {
    drain(relay(bus)); // nothing older pending: the dying relay's first event is ours
    String eventId = createListing();
    OutboxRelay dying =
        relay(
            event -> {
              throw new RelayKilled("after the commit, before publishing");
            });

    assertThatThrownBy(dying::relayOnce).isInstanceOf(OutboxRelay.RelayFailure.class);
    assertThat(isPublished(eventId)).isFalse();
    assertThat(streamEntriesOf(eventId)).isZero();

    drain(relay(bus));

    assertThat(isPublished(eventId)).isTrue();
    assertThat(streamEntriesOf(eventId)).isEqualTo(1);
    awaitConsumed("it.effects");
    awaitConsumed("it.flaky");
    assertThat(effects("it.effects", eventId)).isEqualTo(1);
    assertThat(effects("it.flaky", eventId)).isEqualTo(1);
  }

  @Test
  void aRelayStoppedMidWayIsReplacedByAnotherInstanceThatDeliversTheRest() throws Exception {
    OutboxRelay first = relay(bus);
    first.start();
    String before = createListing();
    await().atMost(Duration.ofSeconds(10)).until(() -> isPublished(before));
    first.stop();

    String whileDown = createListing();
    Thread.sleep(300);
    assertThat(isPublished(whileDown)).isFalse();

    OutboxRelay second = relay(bus);
    second.start();
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> isPublished(whileDown));
    } finally {
      second.stop();
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> effects("it.effects", whileDown) == 1);
    assertThat(effects("it.effects", before)).isEqualTo(1);
  }

  @Test
  void twoRelayInstancesRunningAtOncePublishEachEventOnceAndInOrder() throws Exception {
    OutboxRelay one = relay(bus);
    OutboxRelay two = relay(bus);
    one.start();
    two.start();
    List<String> ids = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 30; i++) {
        ids.add(createListing());
        one.wakeUp();
        two.wakeUp();
      }
      await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(this::isPublished));
    } finally {
      one.stop();
      two.stop();
    }

    List<String> inStream =
        redis.opsForStream().range(STREAM, Range.unbounded()).stream()
            .map(
                r ->
                    mapper
                        .readValue((String) r.getValue().get("envelope"), EventEnvelope.class)
                        .id())
            .filter(ids::contains)
            .toList();
    assertThat(inStream).containsExactlyElementsOf(ids);
  }

  @Test
  void aConsumerThatFailsBeforeAcknowledgingGetsTheEventAgainThroughReclaim() {
    String eventId = createListing();
    drain(relay(bus));

    // it.flaky throws on the first delivery, which rolls its effect back; XAUTOCLAIM redelivers.
    await().atMost(Duration.ofSeconds(15)).until(() -> effects("it.flaky", eventId) == 1);
    awaitConsumed("it.flaky");
    assertThat(effects("it.flaky", eventId)).isEqualTo(1);
  }

  @Test
  void eventsLeaveInTheOrderTheyWereWritten() {
    List<String> ids =
        new TransactionTemplate(transactionManager)
            .execute(
                status ->
                    List.of(
                        outbox.publish("Step", java.util.Map.of("n", 1)).id(),
                        outbox.publish("Step", java.util.Map.of("n", 2)).id(),
                        outbox.publish("Step", java.util.Map.of("n", 3)).id()));

    drain(relay(bus));

    List<String> inStream =
        redis.opsForStream().range(STREAM, Range.unbounded()).stream()
            .map(
                r ->
                    mapper
                        .readValue((String) r.getValue().get("envelope"), EventEnvelope.class)
                        .id())
            .filter(ids::contains)
            .toList();
    assertThat(inStream).containsExactlyElementsOf(ids);
  }

  /**
   * Sequence numbers are taken at INSERT, visibility comes at COMMIT: a transaction that took a
   * lower seq may commit after one with a higher seq was already published. Its event must still
   * leave (a relay that remembers "published up to seq N" would lose it for good).
   */
  @Test
  void anEventWhoseTransactionCommitsAfterALaterOnesWasPublishedIsStillPublished()
      throws Exception {
    drain(relay(bus));
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CompletableFuture<String> slow =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () ->
                transaction.execute(
                    status -> {
                      String id = outbox.publish("Slow", java.util.Map.of("n", "slow")).id();
                      written.countDown();
                      try {
                        commit.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                      }
                      return id;
                    }));
    written.await();
    String fast =
        transaction.execute(status -> outbox.publish("Fast", java.util.Map.of("n", "fast")).id());

    drain(relay(bus));
    assertThat(isPublished(fast)).isTrue();
    commit.countDown();
    String late = slow.get(30, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(seqOf(late)).as("the late commit holds the lower seq").isLessThan(seqOf(fast));
    assertThat(isPublished(late)).isFalse();

    drain(relay(bus));

    assertThat(isPublished(late)).as("the event committed late is published all the same").isTrue();
    assertThat(streamEntriesOf(late)).isEqualTo(1);
    assertThat(streamEntriesOf(fast)).as("and nothing is published twice for it").isEqualTo(1);
  }

  private long seqOf(String eventId) {
    return jdbc.queryForObject(
        "SELECT seq FROM platform_outbox WHERE event_id = ?", Long.class, eventId);
  }

  @Test
  void aRolledBackChangeLeavesNoEvent() {
    String listingId = "L-" + UUID.randomUUID();
    assertThatThrownBy(
            () -> listings.create(new PlatformItApp.CreateListing(listingId, "Rolled back", true)))
        .isInstanceOf(DomainException.class);

    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM it_listings WHERE id = ?", Long.class, listingId))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM platform_outbox WHERE detail LIKE ?",
                Long.class,
                "%" + listingId + "%"))
        .isZero();
  }

  @Test
  void theOutboxRefusesToWriteOutsideATransaction() {
    assertThatThrownBy(() -> outbox.publish("Orphan", java.util.Map.of()))
        .isInstanceOf(IllegalTransactionStateException.class);
  }

  @Test
  void eventsCarryTheServiceSourceAndEventBridgeFieldNamesOnTheStream() {
    String eventId = createListing();
    drain(relay(bus));

    MapRecord<String, Object, Object> entry =
        redis.opsForStream().range(STREAM, Range.unbounded()).stream()
            .filter(r -> ((String) r.getValue().get("envelope")).contains(eventId))
            .findFirst()
            .orElseThrow();
    String json = (String) entry.getValue().get("envelope");
    assertThat(json)
        .contains("\"detail-type\":\"ListingCreated\"")
        .contains("\"source\":\"" + PlatformItApp.SOURCE + "\"");
  }

  private String createListing() {
    String id = "L-" + UUID.randomUUID();
    return listings.create(new PlatformItApp.CreateListing(id, "A listing", false));
  }

  private OutboxRelay relay(EventBus through) {
    return new OutboxRelay(
        jdbc,
        new TransactionTemplate(transactionManager),
        through,
        mapper,
        new EventsProperties.Relay(true, Duration.ofMillis(100), 100, Duration.ofDays(7)));
  }

  /** Publishes everything pending, also rows an earlier, interrupted run may have left. */
  private static void drain(OutboxRelay relay) {
    while (relay.relayOnce() == 100) {
      // next batch
    }
  }

  private boolean isPublished(String eventId) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "SELECT published_at IS NOT NULL FROM platform_outbox WHERE event_id = ?",
            Boolean.class,
            eventId));
  }

  private long streamEntriesOf(String eventId) {
    return redis.opsForStream().range(STREAM, Range.unbounded()).stream()
        .filter(r -> ((String) r.getValue().get("envelope")).contains(eventId))
        .count();
  }

  private long effects(String subscriber, String eventId) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM it_effects WHERE subscriber = ? AND event_id = ?",
        Long.class,
        subscriber,
        eventId);
  }

  private long processed(String subscriber, String eventId) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM platform_processed_events WHERE subscriber = ? AND event_id = ?",
        Long.class,
        subscriber,
        eventId);
  }

  /** Until the group has read everything in the stream and acknowledged all of it. */
  private void awaitConsumed(String group) {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              StreamInfo.XInfoStream stream = redis.opsForStream().info(STREAM);
              return redis.opsForStream().groups(STREAM).stream()
                  .filter(g -> g.groupName().equals(group))
                  .anyMatch(
                      g ->
                          g.lastDeliveredId().equals(stream.lastGeneratedId())
                              && g.pendingCount() == 0);
            });
  }
}
