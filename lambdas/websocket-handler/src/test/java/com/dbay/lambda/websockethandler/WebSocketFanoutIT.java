package com.dbay.lambda.websockethandler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.sun.net.httpserver.HttpServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/**
 * The production path end to end below API Gateway: real {@code $connect}/subscribe/{@code
 * $disconnect} events into the handler with the registry in a real Redis, then frames published on
 * Redis fanned out with {@code PostToConnection} to a local endpoint speaking the Management API,
 * which answers 410 for a connection that is gone.
 */
class WebSocketFanoutIT {

  static final TestTokens TOKENS = new TestTokens();

  RedisClient redisClient;
  RedisCommands<String, String> redis;
  RedisConnections connections;
  WebSocketHandler handler;
  HttpServer managementApi;
  final Map<String, List<String>> posted = new ConcurrentHashMap<>();
  final Set<String> goneAtApi = ConcurrentHashMap.newKeySet();
  final List<String> paths = new CopyOnWriteArrayList<>();
  ApiGatewayManagementApiClient api;

  @BeforeEach
  void start() throws Exception {
    redisClient =
        RedisClient.create(
            System.getenv().getOrDefault("DBAY_REDIS_URL", "redis://127.0.0.1:16379"));
    redis = redisClient.connect().sync();
    connections = new RedisConnections(redis);
    handler = new WebSocketHandler(connections, WebSocketHandler.verifying(TOKENS.verifier()));
    managementApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    managementApi.createContext(
        "/prod/@connections/",
        exchange -> {
          paths.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
          String id = exchange.getRequestURI().getPath().substring("/prod/@connections/".length());
          byte[] body = exchange.getRequestBody().readAllBytes();
          if (goneAtApi.contains(id)) {
            byte[] error = "{\"message\":null}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "GoneException");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(410, error.length);
            exchange.getResponseBody().write(error);
          } else {
            posted
                .computeIfAbsent(id, k -> new CopyOnWriteArrayList<>())
                .add(new String(body, StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
          }
          exchange.close();
        });
    managementApi.start();
    api =
        ApiGatewayManagementApiClient.builder()
            .endpointOverride(
                URI.create("http://127.0.0.1:" + managementApi.getAddress().getPort() + "/prod"))
            .region(Region.EU_WEST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
  }

  @AfterEach
  void stop() {
    api.close();
    managementApi.stop(0);
    redisClient.shutdown();
  }

  String connect(String token) {
    String id = "C" + UUID.randomUUID().toString().substring(0, 11) + "=";
    APIGatewayV2WebSocketEvent event = WebSocketHandlerTest.connect(token);
    event.getRequestContext().setConnectionId(id);
    event.getRequestContext().setAuthorizer(null);
    assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(200);
    return id;
  }

  void subscribe(String connectionId, String channel) {
    var event = WebSocketHandlerTest.load("events/websocket-subscribe.json");
    event.getRequestContext().setConnectionId(connectionId);
    event.setBody("{\"action\":\"subscribe\",\"channel\":\"" + channel + "\"}");
    assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(200);
  }

  @Test
  void framesReachTheFollowersOfTheirChannelAndGoneConnectionsAreRemoved() {
    String auction = "auction:L-" + UUID.randomUUID().toString().substring(0, 8);
    String bob = connect(TOKENS.token("bob-" + UUID.randomUUID()));
    String watcher = connect(null);
    String gone = connect(null);
    String elsewhere = connect(null);
    subscribe(bob, auction);
    subscribe(watcher, auction);
    subscribe(gone, auction);
    subscribe(elsewhere, "auction:L-other");
    goneAtApi.add(gone);

    Fanout fanout = new Fanout(connections, api);
    String frame = "{\"type\":\"bid.placed\",\"channel\":\"" + auction + "\",\"data\":{}}";
    Fanout.Delivery delivery = fanout.deliver("dbay:ws:" + auction, frame);

    assertThat(delivery).isEqualTo(new Fanout.Delivery(2, 1, 0));
    assertThat(posted.get(bob)).containsExactly(frame);
    assertThat(posted.get(watcher)).containsExactly(frame);
    assertThat(posted).doesNotContainKey(elsewhere);
    assertThat(paths).allMatch(p -> p.startsWith("POST /prod/@connections/"));
    assertThat(connections.following(auction)).containsExactlyInAnyOrder(bob, watcher);
    assertThat(redis.exists("dbay:wsconn:" + gone)).as("gone connection forgotten").isZero();
  }

  @Test
  void theUserChannelReachesOnlyThatUsersConnectionsAndDisconnectForgetsThem() {
    String bobId = "bob-" + UUID.randomUUID();
    String bob = connect(TOKENS.token(bobId));
    String carol = connect(TOKENS.token("carol-" + UUID.randomUUID()));
    subscribe(bob, "user");
    subscribe(carol, "user");
    Fanout fanout = new Fanout(connections, api);
    String frame = "{\"type\":\"bid.outbid\",\"channel\":\"user\",\"data\":{}}";

    assertThat(fanout.deliver("dbay:ws:user:" + bobId, frame).sent()).isEqualTo(1);
    assertThat(posted.get(bob)).containsExactly(frame);
    assertThat(posted).doesNotContainKey(carol);

    var disconnect = WebSocketHandlerTest.load("events/websocket-disconnect.json");
    disconnect.getRequestContext().setConnectionId(bob);
    assertThat(handler.handleRequest(disconnect, null).getStatusCode()).isEqualTo(200);
    assertThat(fanout.deliver("dbay:ws:user:" + bobId, frame).sent()).isZero();
    assertThat(redis.exists("dbay:wsconn:" + bob + ":channels")).isZero();
  }

  @Test
  void theRelayForwardsWhatIsPublishedOnRedis() throws Exception {
    String auction = "auction:L-" + UUID.randomUUID().toString().substring(0, 8);
    String watcher = connect(null);
    subscribe(watcher, auction);
    try (FanoutRelay relay = new FanoutRelay(redisClient, new Fanout(connections, api))) {
      redis.publish("dbay:ws:" + auction, "{\"type\":\"auction.ended\"}");
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!posted.containsKey(watcher) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    }
    assertThat(posted.get(watcher)).containsExactly("{\"type\":\"auction.ended\"}");
  }
}
