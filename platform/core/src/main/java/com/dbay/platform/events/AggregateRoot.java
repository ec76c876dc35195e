package com.dbay.platform.events;

import java.util.ArrayList;
import java.util.List;

/**
 * An aggregate that records the events of its own state changes, in the method that changes the
 * state (restbucks' {@code Order.markPaid()} → {@code registerEvent(new OrderPaid(...))}), so that
 * a change and its event can never be separated by a caller forgetting one of them. Whoever saves
 * the aggregate hands its {@link #pullEvents() recorded events} to the outbox in the same
 * transaction (in a Spring service: {@code Outbox.publishRecorded(aggregate)}).
 *
 * <p>An event is a record living next to the aggregate, named literally for what happened ({@code
 * WithdrawalSigned}); that simple name is the event's {@code detail-type}, its components are the
 * {@code detail}.
 *
 * <p>Plain Java: a hexagon's domain extends it without depending on any framework. Not thread-safe,
 * like the aggregate itself (one transaction works on one instance).
 */
public abstract class AggregateRoot {

  private final List<Object> recorded = new ArrayList<>();

  /** Records {@code event} to be published when the aggregate is saved; returns it. */
  protected <E> E registerEvent(E event) {
    recorded.add(java.util.Objects.requireNonNull(event, "event"));
    return event;
  }

  /**
   * The events recorded since the last pull, oldest first, and forgets them (so they publish once).
   */
  public List<Object> pullEvents() {
    List<Object> events = List.copyOf(recorded);
    recorded.clear();
    return events;
  }

  /** The events recorded and not yet pulled, oldest first; for tests and logs. */
  public List<Object> recordedEvents() {
    return List.copyOf(recorded);
  }
}
