package com.dbay.lambda.localruntime.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Fires targets at fixed rates. Firing times are computed from the start (start + k × period), not
 * from the previous firing, so lateness never accumulates; each firing runs on its own virtual
 * thread so a slow handler never delays the clock. A firing whose previous one is still running is
 * skipped (and counted), so a handler never overlaps itself.
 */
public final class Scheduler implements AutoCloseable {

  @FunctionalInterface
  public interface Target {
    void fire(Instant scheduledTime) throws Exception;
  }

  /** One firing: when it should have started, how late it started, and how it ended. */
  public record Firing(
      String name, Instant scheduledTime, Duration lateness, boolean skipped, Throwable error) {}

  public record Stats(
      long fired, long skipped, long failed, long lastLatenessMicros, long maxLatenessMicros) {}

  private record Entry(String name, Duration period, Target target) {}

  private static final class Counters {
    final AtomicLong fired = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong last = new AtomicLong();
    final AtomicLong max = new AtomicLong();
  }

  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, Counters> counters = new ConcurrentHashMap<>();
  private final ExecutorService runners = Executors.newVirtualThreadPerTaskExecutor();
  private final List<Thread> clocks = new ArrayList<>();
  private final Consumer<Firing> listener;
  private volatile boolean running;

  public Scheduler(Consumer<Firing> listener) {
    this.listener = listener == null ? f -> {} : listener;
  }

  public void add(String name, Duration period, Target target) {
    entries.add(new Entry(name, period, target));
    counters.put(name, new Counters());
  }

  public synchronized void start() {
    running = true;
    long startNanos = System.nanoTime();
    Instant startWall = Instant.now();
    for (Entry e : entries) {
      Thread clock =
          Thread.ofPlatform()
              .daemon()
              .name("schedule-" + e.name())
              .start(() -> tick(e, startNanos, startWall));
      clocks.add(clock);
    }
  }

  private void tick(Entry e, long startNanos, Instant startWall) {
    AtomicBoolean busy = new AtomicBoolean();
    Counters c = counters.get(e.name());
    long periodNanos = e.period().toNanos();
    for (long k = 0; running; k++) {
      long dueNanos = startNanos + k * periodNanos;
      long wait;
      while (running && (wait = dueNanos - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      if (!running) {
        return;
      }
      Instant scheduled = startWall.plusNanos(k * periodNanos);
      if (!busy.compareAndSet(false, true)) {
        c.skipped.incrementAndGet();
        listener.accept(new Firing(e.name(), scheduled, Duration.ZERO, true, null));
        continue;
      }
      runners.submit(
          () -> {
            long lateNanos = System.nanoTime() - dueNanos;
            Duration lateness = Duration.ofNanos(Math.max(0, lateNanos));
            c.fired.incrementAndGet();
            c.last.set(lateness.toNanos() / 1000);
            c.max.accumulateAndGet(lateness.toNanos() / 1000, Math::max);
            Throwable error = null;
            try {
              e.target().fire(scheduled);
            } catch (Throwable t) {
              error = t;
              c.failed.incrementAndGet();
            } finally {
              busy.set(false);
            }
            listener.accept(new Firing(e.name(), scheduled, lateness, false, error));
          });
    }
  }

  public Map<String, Stats> stats() {
    Map<String, Stats> out = new java.util.TreeMap<>();
    counters.forEach(
        (name, c) ->
            out.put(
                name,
                new Stats(
                    c.fired.get(), c.skipped.get(), c.failed.get(), c.last.get(), c.max.get())));
    return out;
  }

  @Override
  public synchronized void close() {
    running = false;
    clocks.forEach(LockSupport::unpark);
    runners.shutdown();
  }
}
