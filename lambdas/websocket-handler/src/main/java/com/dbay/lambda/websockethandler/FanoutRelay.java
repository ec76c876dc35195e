package com.dbay.lambda.websockethandler;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/**
 * The production path's subscriber: follows {@code dbay:ws:*} on Redis and hands each frame to
 * {@link Fanout}. Pub/sub needs a long-lived connection, which a Lambda invocation is not, so this
 * runs as one small always-on task beside the functions (several may run: each frame then goes out
 * once per relay, so run one, or shard by channel). Environment: {@code DBAY_REDIS_URL} and {@code
 * WEBSOCKET_CALLBACK_URL} ({@code https://<api-id>.execute-api.<region>.amazonaws.com/<stage>}).
 */
public final class FanoutRelay implements AutoCloseable {

  private final StatefulRedisPubSubConnection<String, String> pubsub;
  private final ExecutorService worker = Executors.newSingleThreadExecutor();

  public FanoutRelay(RedisClient client, Fanout fanout) {
    this.pubsub = client.connectPubSub();
    pubsub.addListener(
        new RedisPubSubAdapter<>() {
          @Override
          public void message(String pattern, String channel, String message) {
            // Off the pub/sub connection's event loop: the fan-out waits on Redis and HTTP.
            worker.execute(() -> fanout.deliver(channel, message));
          }
        });
    pubsub.sync().psubscribe(Fanout.PREFIX + "*");
  }

  @Override
  public void close() {
    pubsub.close();
    worker.shutdown();
  }

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> env = System.getenv();
    RedisClient redis =
        RedisClient.create(env.getOrDefault("DBAY_REDIS_URL", "redis://127.0.0.1:16379"));
    ApiGatewayManagementApiClient api =
        ApiGatewayManagementApiClient.builder()
            .endpointOverride(URI.create(env.get("WEBSOCKET_CALLBACK_URL")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    try (FanoutRelay relay =
        new FanoutRelay(redis, new Fanout(new RedisConnections(redis.connect().sync()), api))) {
      Thread.currentThread().join();
    }
  }
}
