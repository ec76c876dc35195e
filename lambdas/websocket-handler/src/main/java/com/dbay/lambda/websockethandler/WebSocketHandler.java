package com.dbay.lambda.websockethandler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routes on {@code requestContext.routeKey} (API Gateway selects it with {@code
 * $request.body.action}). Clients may subscribe only to the channel kinds the real-time contract
 * names.
 */
public class WebSocketHandler
    implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

  static final Pattern CHANNEL = Pattern.compile("(auction|listing|user):[A-Za-z0-9_-]{1,64}");
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final Connections connections;

  public WebSocketHandler() {
    this(Connections.notYetImplemented());
  }

  public WebSocketHandler(Connections connections) {
    this.connections = connections;
  }

  @Override
  public APIGatewayV2WebSocketResponse handleRequest(
      APIGatewayV2WebSocketEvent event, Context context) {
    var request = event.getRequestContext();
    String connectionId = request.getConnectionId();
    switch (request.getRouteKey()) {
      case "$connect" -> {
        Map<String, Object> authorizer = request.getAuthorizer();
        Object userId =
            authorizer == null
                ? null
                : authorizer.getOrDefault("userId", authorizer.get("principalId"));
        if (userId == null) {
          return response(401, "{\"message\":\"unauthorized\"}");
        }
        connections.connected(connectionId, userId.toString());
        return response(200, "");
      }
      case "$disconnect" -> {
        connections.disconnected(connectionId);
        return response(200, "");
      }
      case "subscribe", "unsubscribe" -> {
        String channel = channel(event.getBody());
        if (channel == null) {
          return response(
              400, "{\"type\":\"error\",\"message\":\"channel must look like auction:<id>\"}");
        }
        if (request.getRouteKey().equals("subscribe")) {
          connections.subscribe(connectionId, channel);
        } else {
          connections.unsubscribe(connectionId, channel);
        }
        return response(
            200, "{\"type\":\"" + request.getRouteKey() + "d\",\"channel\":\"" + channel + "\"}");
      }
      default -> {
        return response(400, "{\"type\":\"error\",\"message\":\"unknown action\"}");
      }
    }
  }

  private static String channel(String body) {
    try {
      JsonNode node = JSON.readTree(body == null ? "{}" : body);
      String channel = node.path("channel").asString("");
      return CHANNEL.matcher(channel).matches() ? channel : null;
    } catch (Exception e) {
      return null;
    }
  }

  private static APIGatewayV2WebSocketResponse response(int status, String body) {
    APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
    response.setStatusCode(status);
    response.setBody(body);
    return response;
  }
}
