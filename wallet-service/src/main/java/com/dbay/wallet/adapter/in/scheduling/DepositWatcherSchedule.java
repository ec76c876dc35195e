package com.dbay.wallet.adapter.in.scheduling;

import com.dbay.wallet.application.port.out.ChainCursor;
import com.dbay.wallet.application.service.DepositWatcher;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a deposit-watcher pass every interval and saves where it got to. A failed pass (node down)
 * is logged and retried at the next tick from the saved height; passes are idempotent, so two
 * wallet instances watching at once only do the work twice.
 */
public class DepositWatcherSchedule implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DepositWatcherSchedule.class);

  private final DepositWatcher watcher;
  private final ChainCursor cursor;
  private final Duration interval;
  private final long startHeight;
  private ScheduledExecutorService timer;

  public DepositWatcherSchedule(
      DepositWatcher watcher, ChainCursor cursor, Duration interval, long startHeight) {
    this.watcher = watcher;
    this.cursor = cursor;
    this.interval = interval;
    this.startHeight = startHeight;
  }

  /** One pass from the saved height; returns the next height. */
  public long runOnce() {
    long next = watcher.pass(cursor.nextHeight(startHeight));
    cursor.save(next);
    return next;
  }

  /** Scans again from {@code height} (operators after restoring a node; tests on a fresh chain). */
  public long rescanFrom(long height) {
    cursor.save(height);
    return runOnce();
  }

  @Override
  public void start() {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "deposit-watcher");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            runOnce();
          } catch (RuntimeException e) {
            log.warn("deposit watcher pass failed, retrying in {}: {}", interval, e.getMessage());
          }
        },
        interval.toMillis(),
        interval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return timer != null && !timer.isShutdown();
  }
}
