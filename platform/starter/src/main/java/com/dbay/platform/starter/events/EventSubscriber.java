package com.dbay.platform.starter.events;

import com.dbay.platform.events.EventEnvelope;
import com.dbay.platform.events.EventPattern;
import java.util.function.Consumer;

/**
 * A consumer of events, declared as a bean. Each subscriber has its own consumer group (its {@link
 * #name()}), receives the events its {@link #pattern()} matches, and handles each event id once:
 * {@link #handle} runs inside a transaction that also records the id, so a redelivered event is
 * skipped and a failing handler changes nothing and is retried.
 *
 * <pre>{@code
 * @Bean
 * EventSubscriber notifyOutbidBidders(Notifications notifications, JsonMapper json) {
 *   return EventSubscriber.of("notification.outbid", EventPattern.source("dbay.auction").detailType("BidPlaced"),
 *       event -> notifications.outbid(event.detailAs(BidPlaced.class, json)));
 * }
 * }</pre>
 */
public interface EventSubscriber {

  /**
   * Unique and stable: the Redis consumer group and the dedupe scope. e.g. {@code
   * notification.outbid}.
   */
  String name();

  EventPattern pattern();

  void handle(EventEnvelope event);

  static EventSubscriber of(String name, EventPattern pattern, Consumer<EventEnvelope> handler) {
    return new EventSubscriber() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public EventPattern pattern() {
        return pattern;
      }

      @Override
      public void handle(EventEnvelope event) {
        handler.accept(event);
      }

      @Override
      public String toString() {
        return "EventSubscriber[" + name + "]";
      }
    };
  }
}
