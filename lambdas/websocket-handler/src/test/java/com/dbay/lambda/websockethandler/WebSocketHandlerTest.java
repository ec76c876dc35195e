package com.dbay.lambda.websockethandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.dbay.lambda.support.NotYetImplemented;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebSocketHandlerTest {

  private final List<String> calls = new ArrayList<>();
  private final WebSocketHandler handler =
      new WebSocketHandler(
          new Connections() {
            public void connected(String connectionId, String userId) {
              calls.add("connected " + connectionId + " " + userId);
            }

            public void disconnected(String connectionId) {
              calls.add("disconnected " + connectionId);
            }

            public void subscribe(String connectionId, String channel) {
              calls.add("subscribe " + connectionId + " " + channel);
            }

            public void unsubscribe(String connectionId, String channel) {
              calls.add("unsubscribe " + connectionId + " " + channel);
            }
          });

  private static APIGatewayV2WebSocketEvent load(String file) {
    return EventLoader.loadEvent(file, APIGatewayV2WebSocketEvent.class);
  }

  @Test
  void connect_records_the_connection_of_the_user_the_authorizer_named() {
    var response = handler.handleRequest(load("events/websocket-connect.json"), null);
    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(calls).containsExactly("connected GXLKAfX1FiACFjg= user-7");
  }

  @Test
  void subscribe_adds_the_connection_to_the_auction_channel() {
    var response = handler.handleRequest(load("events/websocket-subscribe.json"), null);
    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(calls).containsExactly("subscribe GXLKAfX1FiACFjg= auction:L-42");
  }

  @Test
  void a_channel_outside_the_contract_is_refused_with_400() {
    var event = load("events/websocket-subscribe.json");
    event.setBody("{\"action\":\"subscribe\",\"channel\":\"admin:*\"}");
    assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(400);
    assertThat(calls).isEmpty();
  }

  @Test
  void the_runtime_constructor_fails_clearly_until_the_real_time_issue() {
    assertThatThrownBy(
            () ->
                new WebSocketHandler().handleRequest(load("events/websocket-subscribe.json"), null))
        .isInstanceOf(NotYetImplemented.class);
  }
}
