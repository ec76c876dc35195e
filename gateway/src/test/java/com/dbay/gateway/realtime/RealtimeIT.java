package com.dbay.gateway.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.gateway.StubServicesAccess;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The browsers' WebSocket: token as subprotocol or query, validated like HTTP; subscriptions
 * acknowledged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RealtimeIT {

  static final StubServicesAccess STUB =
      StubServicesAccess.start("realtime-it-secret-0123456789abcdef");

  @LocalServerPort int port;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    STUB.configure(registry);
  }

  @AfterAll
  static void stop() {
    STUB.close();
  }

  record Outcome(List<String> received, String protocol, CloseStatus close) {}

  /**
   * Connects, sends the messages one after another, collects what comes back until it closes or
   * goes quiet.
   */
  Outcome exchange(String query, List<String> protocols, String... messages) {
    ReactorNettyWebSocketClient client = new ReactorNettyWebSocketClient();
    List<String> received = new CopyOnWriteArrayList<>();
    String[] protocol = new String[1];
    Sinks.One<CloseStatus> closed = Sinks.one();
    // The client offers its subprotocols as a browser does (Sec-WebSocket-Protocol), through the
    // handler.
    WebSocketHandler handler =
        new WebSocketHandler() {
          @Override
          public List<String> getSubProtocols() {
            return protocols;
          }

          @Override
          public Mono<Void> handle(WebSocketSession session) {
            protocol[0] = session.getHandshakeInfo().getSubProtocol();
            session.closeStatus().subscribe(closed::tryEmitValue);
            Mono<Void> out =
                session.send(
                    Flux.fromArray(messages)
                        .delayElements(Duration.ofMillis(50))
                        .map(session::textMessage));
            // One answer per message; the first token check fetches the issuer's keys, slow on a
            // busy machine.
            Mono<Void> in =
                session
                    .receive()
                    .map(WebSocketMessage::getPayloadAsText)
                    .doOnNext(received::add)
                    .take(messages.length)
                    .take(Duration.ofSeconds(30))
                    .then();
            return Mono.when(out, in);
          }
        };
    client
        .execute(URI.create("ws://127.0.0.1:" + port + "/ws" + query), handler)
        .block(Duration.ofSeconds(45));
    // Only a connection the server ended has a close status by now.
    return new Outcome(
        received,
        protocol[0],
        closed.asMono().timeout(Duration.ofMillis(500), Mono.empty()).block());
  }

  @Test
  void aSubscriptionToAnAuctionIsAcknowledgedWithoutSigningIn() {
    Outcome o =
        exchange(
            "",
            List.of("dbay.v1"),
            "{\"action\":\"subscribe\",\"channel\":\"auction:42\"}",
            "{\"action\":\"ping\"}");
    assertThat(o.protocol()).isEqualTo("dbay.v1");
    assertThat(o.received())
        .containsExactly(
            "{\"type\":\"subscribed\",\"channel\":\"auction:42\"}", "{\"type\":\"pong\"}");
  }

  @Test
  void aValidTokenAsSubprotocolMayFollowTheUsersOwnEvents() {
    Outcome o =
        exchange(
            "",
            List.of("dbay.v1", "bearer." + STUB.token("user-1")),
            "{\"action\":\"subscribe\",\"channel\":\"user\"}");
    assertThat(o.protocol()).isEqualTo("dbay.v1");
    assertThat(o.received()).containsExactly("{\"type\":\"subscribed\",\"channel\":\"user\"}");
  }

  @Test
  void aValidTokenInTheQueryWorksToo() {
    Outcome o =
        exchange(
            "?token=" + STUB.token("user-2"),
            List.of("dbay.v1"),
            "{\"action\":\"subscribe\",\"channel\":\"user\"}");
    assertThat(o.received()).containsExactly("{\"type\":\"subscribed\",\"channel\":\"user\"}");
  }

  @Test
  void withoutATokenTheUsersOwnChannelIsRefused() {
    Outcome o = exchange("", List.of("dbay.v1"), "{\"action\":\"subscribe\",\"channel\":\"user\"}");
    assertThat(o.received())
        .singleElement()
        .asString()
        .contains("\"type\":\"error\"")
        .contains("sign in");
  }

  @Test
  void aTamperedTokenClosesTheConnectionWith4401() {
    Outcome o =
        exchange(
            "",
            List.of("dbay.v1", "bearer." + STUB.tamperedToken("user-3")),
            "{\"action\":\"subscribe\",\"channel\":\"user\"}");
    assertThat(o.received()).isEmpty();
    assertThat(o.close()).isNotNull();
    assertThat(o.close().getCode()).isEqualTo(4401);
  }

  @Test
  void unknownChannelsAndGarbageGetAnErrorNotADisconnect() {
    Outcome o =
        exchange(
            "",
            List.of("dbay.v1"),
            "{\"action\":\"subscribe\",\"channel\":\"wallet:someone-else\"}",
            "not json",
            "{\"action\":\"subscribe\",\"channel\":\"listing:7\"}");
    assertThat(o.received()).hasSize(3);
    assertThat(o.received().get(0)).contains("unknown channel");
    assertThat(o.received().get(1)).contains("not JSON");
    assertThat(o.received().get(2))
        .isEqualTo("{\"type\":\"subscribed\",\"channel\":\"listing:7\"}");
  }
}
