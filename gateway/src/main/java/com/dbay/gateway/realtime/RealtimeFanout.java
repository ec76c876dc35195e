package com.dbay.gateway.realtime;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.ReactiveSubscription;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;
import reactor.util.retry.Retry;

/**
 * Forwards the frames the services publish on Redis ({@code dbay:ws:<channel>}) to this instance's
 * sockets subscribed to that channel. Every gateway instance subscribes to the pattern, so sockets
 * on any instance get every frame.
 *
 * <p>Each socket has its own bounded buffer: a frame is offered without waiting, and a socket whose
 * buffer is full (its client does not read fast enough) is dropped, so one slow client never holds
 * up the frames of the others nor grows this instance's memory.
 */
public final class RealtimeFanout implements SmartLifecycle {

  static final String PREFIX = "dbay:ws:";
  private static final Logger log = LoggerFactory.getLogger(RealtimeFanout.class);

  private final ReactiveRedisConnectionFactory redis;
  private final int bufferFrames;
  private final Map<String, Set<Socket>> byChannel = new ConcurrentHashMap<>();
  private final AtomicLong forwarded = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private volatile ReactiveRedisMessageListenerContainer container;
  private volatile Disposable subscription;
  private volatile boolean listening;

  RealtimeFanout(ReactiveRedisConnectionFactory redis, int bufferFrames) {
    this.redis = redis;
    this.bufferFrames = bufferFrames;
  }

  /** One socket's outgoing frames: a bounded buffer that only the fan-out fills. */
  final class Socket {
    private final Optional<String> userId;
    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    private final Sinks.Many<String> frames =
        Sinks.many().unicast().onBackpressureBuffer(Queues.<String>get(bufferFrames).get());
    private final Runnable tooSlow;
    private volatile boolean gone;

    private Socket(Optional<String> userId, Runnable tooSlow) {
      this.userId = userId;
      this.tooSlow = tooSlow;
    }

    Flux<String> frames() {
      return frames.asFlux();
    }

    /** Follows a channel as the client names it ({@code auction:42}, {@code user}). */
    void follow(String channel) {
      String key = key(channel);
      if (key != null && keys.add(key)) {
        byChannel.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(this);
      }
    }

    void unfollow(String channel) {
      String key = key(channel);
      if (key != null && keys.remove(key)) {
        forget(key);
      }
    }

    private String key(String channel) {
      if ("user".equals(channel)) {
        return userId.map(u -> "user:" + u).orElse(null);
      }
      return channel;
    }

    private void forget(String key) {
      byChannel.computeIfPresent(
          key,
          (k, sockets) -> {
            sockets.remove(this);
            return sockets.isEmpty() ? null : sockets;
          });
    }

    /** Called on the fan-out's one thread; never waits. */
    private void offer(String frame) {
      if (gone) {
        return;
      }
      Sinks.EmitResult result = frames.tryEmitNext(frame);
      if (result.isSuccess()) {
        forwarded.incrementAndGet();
      } else if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
        dropped.incrementAndGet();
        close();
        tooSlow.run();
      }
    }

    void close() {
      gone = true;
      keys.forEach(this::forget);
      keys.clear();
    }
  }

  /**
   * @param tooSlow closes the connection: called once, when its client fell a whole buffer behind
   */
  Socket open(Optional<String> userId, Runnable tooSlow) {
    return new Socket(userId, tooSlow);
  }

  /** A frame from Redis channel {@code dbay:ws:<channel>} to every socket following it here. */
  void deliver(String redisChannel, String frame) {
    if (!redisChannel.startsWith(PREFIX)) {
      return;
    }
    Set<Socket> sockets = byChannel.get(redisChannel.substring(PREFIX.length()));
    if (sockets != null) {
      for (Socket s : sockets) {
        s.offer(frame);
      }
    }
  }

  /** Whether this instance is subscribed to the frames on Redis right now. */
  public boolean isListening() {
    return listening;
  }

  /** Frames handed to sockets since start. */
  public long forwarded() {
    return forwarded.get();
  }

  /** Sockets dropped for being too slow since start. */
  public long droppedSlowClients() {
    return dropped.get();
  }

  /** Sockets following at least one channel on this instance, summed over channels. */
  public int subscriptions() {
    return byChannel.values().stream().mapToInt(Set::size).sum();
  }

  @Override
  public void start() {
    // Connects lazily and retries for ever: the gateway starts and serves without Redis (only the
    // live frames wait for it), as its rate limiter does.
    subscription =
        Flux.defer(this::listen)
            .doOnNext(m -> deliver(m.getChannel(), m.getMessage()))
            .doOnError(
                e -> {
                  listening = false;
                  log.warn("Redis pub/sub for the real-time frames lost; retrying", e);
                })
            .retryWhen(
                Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100))
                    .maxBackoff(Duration.ofSeconds(5)))
            .subscribe();
  }

  private Flux<ReactiveSubscription.Message<String, String>> listen() {
    ReactiveRedisMessageListenerContainer previous = container;
    if (previous != null) {
      previous.destroyLater().subscribe();
    }
    ReactiveRedisMessageListenerContainer current =
        new ReactiveRedisMessageListenerContainer(redis);
    container = current;
    return current
        .receiveLater(PatternTopic.of(PREFIX + "*"))
        .doOnNext(f -> listening = true)
        .flatMapMany(f -> f);
  }

  @Override
  public void stop() {
    Disposable s = subscription;
    if (s != null) {
      s.dispose();
    }
    if (container != null) {
      container.destroy();
    }
    subscription = null;
  }

  @Override
  public boolean isRunning() {
    return subscription != null;
  }
}
