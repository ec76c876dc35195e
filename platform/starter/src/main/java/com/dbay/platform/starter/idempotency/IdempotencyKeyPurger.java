package com.dbay.platform.starter.idempotency;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Deletes idempotency keys older than the retention, so the table stays small and old keys may be reused. */
class IdempotencyKeyPurger implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurger.class);

  private final IdempotencyStore store;
  private final Duration retention;
  private final Duration every;
  private ScheduledExecutorService scheduler;

  IdempotencyKeyPurger(IdempotencyStore store, Duration retention, Duration every) {
    this.store = store;
    this.retention = retention;
    this.every = every;
  }

  @Override
  public void start() {
    scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("dbay-idempotency-purge").daemon().factory());
    scheduler.scheduleWithFixedDelay(this::purge, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void purge() {
    try {
      int n = store.purgeOlderThan(retention);
      if (n > 0) {
        log.info("forgot {} idempotency keys older than {}", n, retention);
      }
    } catch (RuntimeException e) {
      log.warn("could not purge old idempotency keys", e);
    }
  }

  @Override
  public void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }
}
