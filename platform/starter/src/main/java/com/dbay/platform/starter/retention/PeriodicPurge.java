package com.dbay.platform.starter.retention;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes rows past their retention every so often, on every instance (deletes by age are
 * idempotent), so that tables that only grow (idempotency keys, processed event ids) stay small.
 */
public class PeriodicPurge implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PeriodicPurge.class);

  private final String what;
  private final IntSupplier purge;
  private final Duration every;
  private ScheduledExecutorService scheduler;

  /**
   * @param what what is forgotten, for the log ("idempotency keys older than 24h")
   * @param purge deletes what is past its retention and returns how many rows
   */
  public PeriodicPurge(String what, IntSupplier purge, Duration every) {
    this.what = what;
    this.purge = purge;
    this.every = every;
  }

  @Override
  public void start() {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("dbay-purge").daemon().factory());
    scheduler.scheduleWithFixedDelay(
        this::purge, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void purge() {
    try {
      int n = purge.getAsInt();
      if (n > 0) {
        log.info("forgot {} {}", n, what);
      }
    } catch (RuntimeException e) {
      log.warn("could not purge {}", what, e);
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
