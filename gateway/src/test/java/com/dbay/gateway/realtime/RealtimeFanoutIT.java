package com.dbay.gateway.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.gateway.GatewayApplication;
import com.dbay.gateway.StubServicesAccess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Frames published on Redis reach the sockets that follow their channel, on every gateway instance;
 * the {@code user} channel only its own user's sockets; a client that stops reading is dropped
 * without holding up the others.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "dbay.gateway.realtime.buffer-frames=64")
class RealtimeFanoutIT {

  static final StubServicesAccess STUB =
      StubServicesAccess.start("realtime-fanout-it-secret-0123456789abcdef");

  @LocalServerPort int port;
  @Autowired RealtimeFanout fanout;
  @Autowired ReactiveStringRedisTemplate redis;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    STUB.configure(registry);
  }

  @AfterAll
  static void stop() {
    STUB.close();
  }

  @BeforeEach
  void listening() {
    until(Duration.ofSeconds(20), fanout::isListening);
  }

  /** Waits until the condition holds, failing after {@code limit}. */
  static void until(Duration limit, java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not so within " + limit);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** A browser-like client; a slow one reads its first message (the acknowledgement) only. */
  static final class Client implements WebSocket.Listener {
    final List<String> received = new CopyOnWriteArrayList<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    final boolean slow;
    private final StringBuilder partial = new StringBuilder();
    WebSocket socket;

    Client(boolean slow) {
      this.slow = slow;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        received.add(partial.toString());
        partial.setLength(0);
      }
      if (!slow || received.isEmpty()) {
        ws.request(1);
      }
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
      closed.complete(status);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      closed.complete(-1);
    }

    List<String> frames() {
      return received.stream().filter(m -> m.contains("\"data\"")).toList();
    }
  }

  Client connect(int gatewayPort, String token, String channel, boolean slow) throws Exception {
    Client client = new Client(slow);
    String query = token == null ? "" : "?token=" + token;
    client.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .subprotocols("dbay.v1")
            .buildAsync(URI.create("ws://127.0.0.1:" + gatewayPort + "/ws" + query), client)
            .get(20, TimeUnit.SECONDS);
    client.socket.sendText("{\"action\":\"subscribe\",\"channel\":\"" + channel + "\"}", true);
    until(Duration.ofSeconds(20), () -> !client.received.isEmpty());
    assertThat(client.received.getFirst()).contains("\"subscribed\"");
    return client;
  }

  void publish(String channel, String frame) {
    redis.convertAndSend("dbay:ws:" + channel, frame).block(Duration.ofSeconds(5));
  }

  static String frame(String channel, int n, String padding) {
    return "{\"type\":\"bid.placed\",\"channel\":\""
        + channel
        + "\",\"data\":{\"n\":"
        + n
        + ",\"pad\":\""
        + padding
        + "\"}}";
  }

  @Test
  void everyWatcherOfAnAuctionGetsItsFramesInOrderAndNobodyElseDoes() throws Exception {
    List<Client> watchers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      watchers.add(connect(port, null, "auction:fan-1", false));
    }
    Client other = connect(port, null, "auction:fan-2", false);
    for (int n = 0; n < 200; n++) {
      publish("auction:fan-1", frame("auction:fan-1", n, ""));
    }
    for (Client w : watchers) {
      until(Duration.ofSeconds(20), () -> w.frames().size() == 200);
      for (int n = 0; n < 200; n++) {
        assertThat(w.frames().get(n)).contains("\"n\":" + n + ",");
      }
    }
    assertThat(other.frames()).isEmpty();
  }

  @Test
  void theUserChannelReachesOnlyThatUsersSockets() throws Exception {
    Client bob = connect(port, STUB.token("bob-id"), "user", false);
    Client carol = connect(port, STUB.token("carol-id"), "user", false);
    publish("user:bob-id", "{\"type\":\"bid.outbid\",\"channel\":\"user\",\"data\":{}}");
    until(Duration.ofSeconds(10), () -> bob.frames().size() == 1);
    Thread.sleep(300);
    assertThat(carol.frames()).isEmpty();
  }

  @Test
  void aClientThatStopsReadingIsDroppedAndTheOthersGetEveryFrameOnTime() throws Exception {
    Client slow = connect(port, null, "auction:hot-1", true);
    List<Client> fast = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      fast.add(connect(port, null, "auction:hot-1", false));
    }
    long droppedBefore = fanout.droppedSlowClients();
    String padding = "x".repeat(2000);
    int frames = 3000; // about 6 MB: far beyond the socket buffers and 64 frames of buffer
    long started = System.nanoTime();
    for (int n = 0; n < frames; n++) {
      publish("auction:hot-1", frame("auction:hot-1", n, padding));
    }
    for (Client f : fast) {
      until(Duration.ofSeconds(60), () -> f.frames().size() == frames);
    }
    long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    assertThat(fanout.droppedSlowClients()).isGreaterThan(droppedBefore);
    assertThat(slow.frames().size()).isLessThan(frames);
    // Once it reads again it finds the server's close.
    slow.socket.request(Long.MAX_VALUE);
    assertThat(slow.closed.get(20, TimeUnit.SECONDS)).isIn(4408, 1006, -1);
    assertThat(tookMs).as("the fast clients were not held up").isLessThan(60_000);
  }

  @Test
  void twoGatewayInstancesSharingOneRedisBothDeliverEveryFrame() throws Exception {
    Map<String, Object> properties = new LinkedHashMap<>();
    STUB.configure((name, value) -> properties.put(name, value.get()));
    properties.put("server.port", "0");
    properties.put("management.server.port", "0");
    try (ConfigurableApplicationContext second =
        new SpringApplicationBuilder(GatewayApplication.class).properties(properties).run()) {
      RealtimeFanout secondFanout = second.getBean(RealtimeFanout.class);
      until(Duration.ofSeconds(20), secondFanout::isListening);
      int secondPort =
          Integer.parseInt(second.getEnvironment().getProperty("local.server.port", "0"));
      Client here = connect(port, null, "auction:two-1", false);
      Client there = connect(secondPort, null, "auction:two-1", false);
      publish("auction:two-1", frame("auction:two-1", 1, ""));
      until(Duration.ofSeconds(10), () -> here.frames().size() == 1);
      until(Duration.ofSeconds(10), () -> there.frames().size() == 1);
      assertThat(there.frames().getFirst()).isEqualTo(here.frames().getFirst());
    }
  }
}
