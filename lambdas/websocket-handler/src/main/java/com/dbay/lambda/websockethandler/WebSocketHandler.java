package com.dbay.lambda.websockethandler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.dbay.lambda.authorizer.AuthorizerConfig;
import com.dbay.lambda.authorizer.TokenVerifier;
import io.lettuce.core.RedisClient;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routes on {@code requestContext.routeKey} (API Gateway selects it with {@code
 * $request.body.action}). {@code $connect} checks the bearer token ({@code ?token=} or a {@code
 * bearer.<jwt>} subprotocol, as on the gateway's {@code /ws}) with the authorizer's own validation;
 * a bad token is refused (401), no token makes an anonymous connection that may follow public
 * channels only. Clients may subscribe only to the channel kinds the real-time contract names.
 */
public class WebSocketHandler
    implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

  static final Pattern CHANNEL = Pattern.compile("(auction|listing):[A-Za-z0-9_-]{1,64}|user");
  private static final String BEARER = "bearer.";
  static final String PROTOCOL = "dbay.v1";
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final Connections connections;
  private final Function<String, Optional<String>> userOfToken;

  /** For the Lambda runtime: Redis from {@code DBAY_REDIS_URL}, Cognito as for the authorizer. */
  public WebSocketHandler() {
    this(
        new RedisConnections(
            RedisClient.create(
                    System.getenv().getOrDefault("DBAY_REDIS_URL", "redis://127.0.0.1:16379"))
                .connect()
                .sync()),
        verifying(new TokenVerifier(AuthorizerConfig.from(System.getenv()))));
  }

  /**
   * @param userOfToken the user id a token proves, empty when it does not validate
   */
  public WebSocketHandler(Connections connections, Function<String, Optional<String>> userOfToken) {
    this.connections = connections;
    this.userOfToken = userOfToken;
  }

  /** The authorizer's validation; the token's subject names the user. */
  static Function<String, Optional<String>> verifying(TokenVerifier verifier) {
    return token -> verifier.verify(token).map(claims -> claims.getSubject());
  }

  @Override
  public APIGatewayV2WebSocketResponse handleRequest(
      APIGatewayV2WebSocketEvent event, Context context) {
    var request = event.getRequestContext();
    String connectionId = request.getConnectionId();
    switch (request.getRouteKey()) {
      case "$connect" -> {
        Optional<String> token = token(event);
        Optional<String> user = Optional.empty();
        if (token.isPresent()) {
          user = userOfToken.apply(token.get());
          if (user.isEmpty()) {
            return response(401, "{\"message\":\"unauthorized\"}");
          }
          Optional<String> named = authorizerUser(request.getAuthorizer());
          if (named.isPresent() && !named.get().equals(user.get())) {
            // The authorizer resolved the token to the app's user id: that one names the channel.
            user = named;
          }
        }
        connections.connected(connectionId, user);
        APIGatewayV2WebSocketResponse ok = response(200, "");
        if (offersProtocol(event)) {
          // A browser that offered subprotocols accepts the connection only if one is chosen.
          ok.setHeaders(Map.of("Sec-WebSocket-Protocol", PROTOCOL));
        }
        return ok;
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
          if (!connections.subscribe(connectionId, channel)) {
            return response(
                403,
                "{\"type\":\"error\",\"channel\":\""
                    + channel
                    + "\",\"message\":\"sign in to follow your own events\"}");
          }
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

  private static Optional<String> authorizerUser(Map<String, Object> authorizer) {
    if (authorizer == null) {
      return Optional.empty();
    }
    Object userId = authorizer.get("userId");
    return userId == null || userId.toString().isBlank()
        ? Optional.empty()
        : Optional.of(userId.toString());
  }

  /** {@code ?token=}, else a {@code bearer.<jwt>} subprotocol. */
  static Optional<String> token(APIGatewayV2WebSocketEvent event) {
    Map<String, String> query = event.getQueryStringParameters();
    if (query != null && query.get("token") != null && !query.get("token").isBlank()) {
      return Optional.of(query.get("token"));
    }
    Map<String, String> headers = event.getHeaders();
    if (headers != null) {
      for (Map.Entry<String, String> h : headers.entrySet()) {
        if (h.getKey().equalsIgnoreCase("Sec-WebSocket-Protocol")) {
          for (String p : h.getValue().split(",")) {
            String protocol = p.strip();
            if (protocol.startsWith(BEARER) && protocol.length() > BEARER.length()) {
              return Optional.of(protocol.substring(BEARER.length()));
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  private static boolean offersProtocol(APIGatewayV2WebSocketEvent event) {
    Map<String, String> headers = event.getHeaders();
    return headers != null
        && headers.entrySet().stream()
            .anyMatch(
                h ->
                    h.getKey().equalsIgnoreCase("Sec-WebSocket-Protocol")
                        && h.getValue().contains(PROTOCOL));
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
