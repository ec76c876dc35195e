/**
 * Domain events: the transactional {@link com.dbay.platform.starter.events.Outbox}, the relay that
 * publishes it to the {@link com.dbay.platform.starter.events.EventBus} (Redis Streams locally,
 * EventBridge in AWS), and {@link com.dbay.platform.starter.events.EventSubscriber}s that handle
 * each event once.
 */
package com.dbay.platform.starter.events;
