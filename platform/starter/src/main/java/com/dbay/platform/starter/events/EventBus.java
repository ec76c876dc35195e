package com.dbay.platform.starter.events;

import com.dbay.platform.events.EventEnvelope;

/**
 * Where published events go. Only the {@link OutboxRelay} calls this: services write events with
 * {@link Outbox} so that an event exists if and only if its transaction committed.
 */
public interface EventBus {

  /** Returns once the bus has durably accepted the event; throws if it has not. */
  void publish(EventEnvelope event);
}
