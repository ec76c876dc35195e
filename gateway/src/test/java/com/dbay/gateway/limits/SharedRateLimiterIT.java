package com.dbay.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.gateway.GatewayProperties;
import com.dbay.platform.test.TestStores;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;

/**
 * The limiter against a real Redis, as two gateway instances would use it: each instance has its
 * own connection, its own limiter and its own held permits; only the buckets in Redis are shared.
 */
class SharedRateLimiterIT {

  private final List<LettuceConnectionFactory> factories = new ArrayList<>();

  @AfterEach
  void close() {
    factories.forEach(LettuceConnectionFactory::destroy);
  }

  ReactiveStringRedisTemplate redisAt(String host, int port, int database) {
    RedisStandaloneConfiguration config = new RedisStandaloneConfiguration(host, port);
    config.setDatabase(database);
    // As the gateway's application.yml configures it (spring.data.redis.connect-timeout, timeout).
    LettuceClientConfiguration client =
        LettuceClientConfiguration.builder()
            .commandTimeout(Duration.ofSeconds(1))
            .clientOptions(
                ClientOptions.builder()
                    .socketOptions(
                        SocketOptions.builder().connectTimeout(Duration.ofSeconds(1)).build())
                    .build())
            .build();
    LettuceConnectionFactory factory = new LettuceConnectionFactory(config, client);
    factory.afterPropertiesSet();
    factory.start();
    factories.add(factory);
    return new ReactiveStringRedisTemplate(factory);
  }

  ReactiveStringRedisTemplate sharedRedis() {
    RedisURI uri = RedisURI.create(TestStores.redisUrl());
    ReactiveStringRedisTemplate redis = redisAt(uri.getHost(), uri.getPort(), uri.getDatabase());
    // Connected before the limiter's first call, which would otherwise count a slow first
    // connection
    // on a busy machine as Redis being down and limit locally (as designed, but not what is
    // tested).
    redis.hasKey("warm-up").block(Duration.ofSeconds(30));
    return redis;
  }

  /** One gateway instance: its own Redis connection, buckets client and limiter. */
  SharedRateLimiter instance(
      ReactiveStringRedisTemplate redis, GatewayProperties.Limit limit, Duration lease) {
    RedisBuckets buckets = new RedisBuckets(redis, Duration.ofSeconds(2), Duration.ofSeconds(1));
    return new SharedRateLimiter("test", limit, buckets, 20, lease);
  }

  static int allowed(SharedRateLimiter limiter, String key, int requests) {
    int allowed = 0;
    for (int i = 0; i < requests; i++) {
      if (limiter.acquire(key).block(Duration.ofSeconds(5))) {
        allowed++;
      }
    }
    return allowed;
  }

  @Test
  void aBucketEmptiedThroughOneInstanceRefusesOnTheOther() {
    // One a minute: nothing refills while the test runs, so every count below is exact.
    GatewayProperties.Limit limit = new GatewayProperties.Limit(1, 30);
    String key = "it:" + UUID.randomUUID();
    SharedRateLimiter first = instance(sharedRedis(), limit, Duration.ofSeconds(30));
    SharedRateLimiter second = instance(sharedRedis(), limit, Duration.ofSeconds(30));
    assertThat(first.batch()).isEqualTo(3);

    int firstBefore =
        allowed(first, key, 1); // takes a batch of 3 from the shared bucket, uses 1, holds 2
    int secondAll = allowed(second, key, 40);
    int firstAfter = allowed(first, key, 10);

    assertThat(firstBefore).isEqualTo(1);
    // The second instance got what was left in the shared bucket, not a bucket of its own.
    assertThat(secondAll).isEqualTo(30 - 3);
    // The first one served the 2 permits it held, then was refused too.
    assertThat(firstAfter).isEqualTo(2);
    assertThat(firstBefore + secondAll + firstAfter).isEqualTo(30);
    assertThat(second.acquire(key).block()).isFalse();
  }

  @Test
  void concurrentRequestsOnTwoInstancesStayWithinTheBucketAndTheBatchBound() {
    // 60 a minute and a burst of 40: batches of 4 permits.
    GatewayProperties.Limit limit = new GatewayProperties.Limit(60, 40);
    String key = "it:" + UUID.randomUUID();
    SharedRateLimiter first = instance(sharedRedis(), limit, Duration.ofSeconds(1));
    SharedRateLimiter second = instance(sharedRedis(), limit, Duration.ofSeconds(1));
    int batch = first.batch();
    assertThat(batch).isEqualTo(4);

    long start = System.nanoTime();
    List<Boolean> answers =
        Flux.merge(
                IntStream.range(0, 400)
                    .mapToObj(i -> (i % 2 == 0 ? first : second).acquire(key))
                    .toList())
            .collectList()
            .block(Duration.ofSeconds(30));
    double seconds = (System.nanoTime() - start) / 1e9;

    long allowed = answers.stream().filter(a -> a).count();
    assertThat(answers).hasSize(400);
    // Never more than the shared bucket gave out (40 plus one a second of refill)...
    assertThat(allowed).isLessThanOrEqualTo(40 + (long) Math.ceil(seconds));
    // ...and at most a batch less per instance, for permits still held when the requests ended.
    assertThat(allowed).isGreaterThanOrEqualTo(40 - 2L * batch);
  }

  @Test
  void aSteadyStreamWithinTheLimitIsNeverRefused() throws Exception {
    // 6,000 a minute (100 a second), burst 200: batches of 20.
    GatewayProperties.Limit limit = new GatewayProperties.Limit(6_000, 200);
    String key = "it:" + UUID.randomUUID();
    SharedRateLimiter first = instance(sharedRedis(), limit, Duration.ofSeconds(1));
    SharedRateLimiter second = instance(sharedRedis(), limit, Duration.ofSeconds(1));
    assertThat(first.batch()).isEqualTo(20);

    int refused = 0;
    for (int i = 0; i < 300; i++) {
      if (!(i % 2 == 0 ? first : second).acquire(key).block(Duration.ofSeconds(5))) {
        refused++;
      }
      Thread.sleep(5); // ~60 a second per instance pair, well under 100
    }
    assertThat(refused).isZero();
  }

  @Test
  void withRedisDownEachInstanceStillEnforcesTheLimitOnItsOwnAndAnswersAtOnce() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    RedisBuckets buckets =
        new RedisBuckets(
            redisAt("127.0.0.1", closedPort, 0), Duration.ofMillis(250), Duration.ofSeconds(1));
    SharedRateLimiter limiter =
        new SharedRateLimiter(
            "test", new GatewayProperties.Limit(6, 3), buckets, 20, Duration.ofSeconds(1));

    long start = System.nanoTime();
    List<Boolean> answers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      answers.add(limiter.acquire("down").block(Duration.ofSeconds(5)));
    }
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(answers).containsExactly(true, true, true, false, false, false);
    assertThat(buckets.available()).isFalse();
    assertThat(millis).isLessThan(2_000);
  }

  @Test
  void aRedisThatDoesNotAnswerCountsAsDownAfterTheTimeout() throws Exception {
    // Accepts connections and never says a word: the worst kind of unavailable.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      List<Socket> accepted = new ArrayList<>();
      Thread acceptor =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      while (true) {
                        accepted.add(silent.accept());
                      }
                    } catch (IOException closed) {
                      // the test is over
                    }
                  });
      RedisBuckets buckets =
          new RedisBuckets(
              redisAt("127.0.0.1", silent.getLocalPort(), 0),
              Duration.ofMillis(250),
              Duration.ofSeconds(30));
      SharedRateLimiter limiter =
          new SharedRateLimiter(
              "test", new GatewayProperties.Limit(6, 2), buckets, 20, Duration.ofSeconds(1));

      long start = System.nanoTime();
      Boolean first = limiter.acquire("silent").block(Duration.ofSeconds(10));
      long firstMillis = (System.nanoTime() - start) / 1_000_000;
      Boolean second = limiter.acquire("silent").block(Duration.ofSeconds(10));
      Boolean third = limiter.acquire("silent").block(Duration.ofSeconds(10));
      long allMillis = (System.nanoTime() - start) / 1_000_000;

      assertThat(first).isTrue();
      assertThat(firstMillis).isLessThan(2_000);
      // Redis is not asked again while it is down: the next requests do not wait for it.
      assertThat(allMillis - firstMillis).isLessThan(200);
      assertThat(second).isTrue();
      assertThat(third).isFalse();
      acceptor.interrupt();
      for (Socket s : accepted) {
        s.close();
      }
    }
  }

  @Test
  void aKeyIsNotAskedForAgainWhileItsBucketIsKnownToBeEmpty() {
    GatewayProperties.Limit limit = new GatewayProperties.Limit(1, 2);
    String key = "it:" + UUID.randomUUID();
    ReactiveStringRedisTemplate redis = sharedRedis();
    SharedRateLimiter limiter = instance(redis, limit, Duration.ofSeconds(1));

    assertThat(allowed(limiter, key, 3)).isEqualTo(2);
    // Empty the shared bucket's record behind the limiter's back: the refusal it remembers stands
    // (for at most the lease), so a flood over the limit does not turn into a flood of Redis calls.
    redis.delete(RedisBuckets.key(key)).block();
    assertThat(limiter.acquire(key).block()).isFalse();
    assertThat(redis.hasKey(RedisBuckets.key(key)).block()).isFalse();
  }
}
