package com.dbay.platform.starter.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of {@code dbay.events.*}.
 *
 * @param bus {@code redis} (local: Redis Streams) or {@code eventbridge} (AWS); env {@code
 *     DBAY_EVENTS_BUS}
 * @param stream the one Redis stream every service publishes to and reads from
 * @param source this service's event source, e.g. {@code dbay.auction}; by default {@code dbay.}
 *     followed by the application name without {@code -service}
 */
@ConfigurationProperties("dbay.events")
public record EventsProperties(
    @DefaultValue("redis") Bus bus,
    @DefaultValue("dbay:events") String stream,
    String source,
    @DefaultValue Relay relay,
    @DefaultValue Consumer consumer,
    @DefaultValue EventBridge eventbridge) {

  public enum Bus {
    REDIS,
    EVENTBRIDGE
  }

  /**
   * @param enabled whether this instance relays its outbox (several instances may; they take turns)
   * @param pollInterval how often to look for unpublished events when no commit woke the relay
   * @param batchSize events published per round
   * @param retention published rows older than this are deleted (the stream and the consumers'
   *     processed-events rows are what matter after publication)
   */
  public record Relay(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("500ms") Duration pollInterval,
      @DefaultValue("100") int batchSize,
      @DefaultValue("7d") Duration retention) {}

  /**
   * @param enabled whether this instance runs its {@link EventSubscriber}s
   * @param block how long one XREADGROUP waits for new entries
   * @param reclaimAfter entries pending this long (their consumer crashed or failed) are claimed
   *     again with XAUTOCLAIM
   * @param maxDeliveries after this many failed deliveries an entry goes to the dead-letter stream
   * @param startFrom where a new consumer group starts: {@code earliest} (no event is missed) or
   *     {@code latest}
   * @param dedupeRetention how long the ids of handled events are kept to skip redeliveries; longer
   *     than any transport keeps an event (SQS: 14 days at most)
   */
  public record Consumer(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("1s") Duration block,
      @DefaultValue("30s") Duration reclaimAfter,
      @DefaultValue("10") int maxDeliveries,
      @DefaultValue("earliest") String startFrom,
      @DefaultValue("30d") Duration dedupeRetention) {}

  /**
   * @param busName the EventBridge bus ({@code DBAY_EVENTS_EVENTBRIDGE_BUSNAME})
   * @param region AWS region; empty means the SDK's default chain
   * @param endpoint endpoint override (tests, local stand-ins); empty means AWS
   */
  public record EventBridge(@DefaultValue("dbay") String busName, String region, String endpoint) {}
}
