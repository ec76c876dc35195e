package com.dbay.lambda.websockethandler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebSocketHandlerTest {

  static final TestTokens TOKENS = new TestTokens();

  private final List<String> calls = new ArrayList<>();
  private final Map<String, Optional<String>> users = new HashMap<>();
  private final WebSocketHandler handler =
      new WebSocketHandler(
          new Connections() {
            public void connected(String connectionId, Optional<String> userId) {
              users.put(connectionId, userId);
              calls.add("connected " + connectionId + " " + userId.orElse("(anonymous)"));
            }

            public void disconnected(String connectionId) {
              calls.add("disconnected " + connectionId);
            }

            public boolean subscribe(String connectionId, String channel) {
              if (channel.equals("user")
                  && users.getOrDefault(connectionId, Optional.empty()).isEmpty()) {
                return false;
              }
              calls.add("subscribe " + connectionId + " " + channel);
              return true;
            }

            public void unsubscribe(String connectionId, String channel) {
              calls.add("unsubscribe " + connectionId + " " + channel);
            }

            public Set<String> following(String storedChannel) {
              return Set.of();
            }
          },
          WebSocketHandler.verifying(TOKENS.verifier()));

  static APIGatewayV2WebSocketEvent load(String file) {
    return EventLoader.loadEvent(file, APIGatewayV2WebSocketEvent.class);
  }

  static APIGatewayV2WebSocketEvent connect(String token) {
    var event = load("events/websocket-connect.json");
    Map<String, String> query = new HashMap<>();
    if (token != null) {
      query.put("token", token);
    }
    event.setQueryStringParameters(query);
    return event;
  }

  @Test
  void connectWithAValidTokenRecordsTheConnectionOfTheAppUserTheAuthorizerNamed() {
    var response = handler.handleRequest(connect(TOKENS.token("cognito-sub-7")), null);
    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(calls).containsExactly("connected GXLKAfX1FiACFjg= user-7");
  }

  @Test
  void connectWithATokenInTheSubprotocolChoosesTheDbayProtocol() {
    var event = load("events/websocket-connect-subprotocol.json");
    event.setHeaders(Map.of("Sec-WebSocket-Protocol", "dbay.v1, bearer." + TOKENS.token("user-9")));
    var response = handler.handleRequest(event, null);
    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders()).containsEntry("Sec-WebSocket-Protocol", "dbay.v1");
    assertThat(calls).containsExactly("connected GXLKB2d3FiACHkA= user-9");
  }

  @Test
  void aForgedOrMangledTokenIsRefusedAndNothingIsRecorded() {
    assertThat(handler.handleRequest(connect(TOKENS.forged("user-7")), null).getStatusCode())
        .isEqualTo(401);
    assertThat(handler.handleRequest(connect("eyJ..."), null).getStatusCode()).isEqualTo(401);
    assertThat(calls).isEmpty();
  }

  @Test
  void withoutATokenTheConnectionIsAnonymousAndMayNotFollowTheUserChannel() {
    var event = connect(null);
    event.getRequestContext().setAuthorizer(null);
    assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(200);
    var subscribe = load("events/websocket-subscribe.json");
    subscribe.setBody("{\"action\":\"subscribe\",\"channel\":\"user\"}");
    assertThat(handler.handleRequest(subscribe, null).getStatusCode()).isEqualTo(403);
    assertThat(calls).containsExactly("connected GXLKAfX1FiACFjg= (anonymous)");
  }

  @Test
  void subscribeAndUnsubscribeRouteOnTheActionAndNameTheChannel() {
    var response = handler.handleRequest(load("events/websocket-subscribe.json"), null);
    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getBody())
        .isEqualTo("{\"type\":\"subscribed\",\"channel\":\"auction:L-42\"}");
    response = handler.handleRequest(load("events/websocket-unsubscribe.json"), null);
    assertThat(response.getBody())
        .isEqualTo("{\"type\":\"unsubscribed\",\"channel\":\"auction:L-42\"}");
    assertThat(
            handler.handleRequest(load("events/websocket-disconnect.json"), null).getStatusCode())
        .isEqualTo(200);
    assertThat(calls)
        .containsExactly(
            "subscribe GXLKAfX1FiACFjg= auction:L-42",
            "unsubscribe GXLKAfX1FiACFjg= auction:L-42",
            "disconnected GXLKAfX1FiACFjg=");
  }

  @Test
  void aChannelOutsideTheContractIsRefusedWith400() {
    var event = load("events/websocket-subscribe.json");
    for (String channel : List.of("admin:*", "user:someone-else", "wallet:x")) {
      event.setBody("{\"action\":\"subscribe\",\"channel\":\"" + channel + "\"}");
      assertThat(handler.handleRequest(event, null).getStatusCode()).as(channel).isEqualTo(400);
    }
    assertThat(calls).isEmpty();
  }
}
