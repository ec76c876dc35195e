package com.dbay.gateway.realtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ws://<host>/ws}. Browsers cannot set headers on a WebSocket, so the bearer token comes as
 * a subprotocol ({@code bearer.<jwt>}, beside {@code dbay.v1}, which is the one echoed back) or as
 * {@code ?token=}. It is validated exactly as on the HTTP routes; a token that does not validate
 * ends the connection (4401). Without a token a connection may follow public channels only.
 * Messages are {@code {"action":"subscribe"|"unsubscribe"|"ping","channel":...}} (API Gateway
 * routes on {@code $request.body.action} the same way); each gets an acknowledgement. Events are
 * pushed on these subscriptions by {@link RealtimeFanout} from Redis pub/sub, where the services
 * publish them.
 */
final class RealtimeHandler implements WebSocketHandler {

  static final String PROTOCOL = "dbay.v1";
  static final String BEARER_PREFIX = "bearer.";
  static final CloseStatus UNAUTHORIZED = new CloseStatus(4401, "invalid token");
  static final CloseStatus TOO_SLOW = new CloseStatus(4408, "too slow: frames not read");

  /** Public channels: anyone may follow an auction or a listing. */
  private static final Pattern PUBLIC = Pattern.compile("(auction|listing):[A-Za-z0-9_-]{1,64}");

  /** The caller's own events (wallet, notifications, messages). */
  private static final String USER = "user";

  private static final int MAX_SUBSCRIPTIONS = 100;
  private static final int MAX_MESSAGE_CHARS = 4096;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ReactiveJwtDecoder decoder;
  private final Function<Jwt, Mono<String>> userIdOf;
  private final RealtimeFanout fanout;

  /**
   * @param userIdOf the app user id of a validated token (as on the HTTP routes), which names the
   *     {@code user} channel on Redis
   */
  RealtimeHandler(
      ReactiveJwtDecoder decoder, Function<Jwt, Mono<String>> userIdOf, RealtimeFanout fanout) {
    this.decoder = decoder;
    this.userIdOf = userIdOf;
    this.fanout = fanout;
  }

  @Override
  public List<String> getSubProtocols() {
    return List.of(PROTOCOL);
  }

  @Override
  public Mono<Void> handle(WebSocketSession session) {
    Optional<String> token = token(session);
    if (token.isEmpty()) {
      return serve(session, Optional.empty());
    }
    return decoder
        .decode(token.get())
        .flatMap(userIdOf)
        .map(Optional::of)
        .onErrorResume(e -> Mono.empty())
        .flatMap(userId -> serve(session, userId))
        .switchIfEmpty(Mono.defer(() -> session.close(UNAUTHORIZED)));
  }

  private Mono<Void> serve(WebSocketSession session, Optional<String> user) {
    Set<String> subscriptions = ConcurrentHashMap.newKeySet();
    RealtimeFanout.Socket socket =
        fanout.open(user, () -> session.close(TOO_SLOW).subscribe(v -> {}, e -> {}));
    Flux<String> answers =
        session
            .receive()
            .filter(m -> m.getType() == WebSocketMessage.Type.TEXT)
            .map(m -> answer(m.getPayloadAsText(), user, subscriptions, socket));
    // The client's messages end when it goes; then the frames end too.
    Flux<String> out =
        Flux.merge(answers.doFinally(s -> socket.close()), socket.frames())
            .takeUntilOther(session.closeStatus());
    return session.send(out.map(session::textMessage)).doFinally(s -> socket.close());
  }

  private static String answer(
      String text, Optional<String> user, Set<String> subscriptions, RealtimeFanout.Socket socket) {
    if (text.length() > MAX_MESSAGE_CHARS) {
      return error(null, "message too long");
    }
    JsonNode message;
    try {
      message = JSON.readTree(text);
    } catch (RuntimeException e) {
      return error(null, "not JSON");
    }
    String action = message.path("action").asString("");
    String channel = message.path("channel").asString("");
    switch (action) {
      case "ping" -> {
        return write(message("type", "pong"));
      }
      case "subscribe" -> {
        if (!PUBLIC.matcher(channel).matches() && !USER.equals(channel)) {
          return error(channel, "unknown channel");
        }
        if (USER.equals(channel) && user.isEmpty()) {
          return error(channel, "sign in to follow your own events");
        }
        if (subscriptions.size() >= MAX_SUBSCRIPTIONS && !subscriptions.contains(channel)) {
          return error(channel, "too many subscriptions");
        }
        subscriptions.add(channel);
        socket.follow(channel);
        return write(message("type", "subscribed", "channel", channel));
      }
      case "unsubscribe" -> {
        subscriptions.remove(channel);
        socket.unfollow(channel);
        return write(message("type", "unsubscribed", "channel", channel));
      }
      default -> {
        return error(channel.isEmpty() ? null : channel, "unknown action");
      }
    }
  }

  private static String error(String channel, String detail) {
    return channel == null
        ? write(message("type", "error", "detail", detail))
        : write(message("type", "error", "channel", channel, "detail", detail));
  }

  /**
   * A message with its fields in the order given ({@code type} first): {@code Map.of} iterates in a
   * per-JVM random order, so clients and tests would see the fields shuffled from run to run.
   */
  private static Map<String, String> message(String... namesAndValues) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return fields;
  }

  private static String write(Map<String, String> message) {
    return JSON.writeValueAsString(message);
  }

  /**
   * The bearer token of the handshake: a {@code bearer.<jwt>} subprotocol, else {@code ?token=}.
   */
  static Optional<String> token(WebSocketSession session) {
    List<String> protocols =
        session.getHandshakeInfo().getHeaders().getOrEmpty("Sec-WebSocket-Protocol");
    for (String header : protocols) {
      for (String protocol : header.split(",")) {
        String p = protocol.strip();
        if (p.startsWith(BEARER_PREFIX) && p.length() > BEARER_PREFIX.length()) {
          return Optional.of(p.substring(BEARER_PREFIX.length()));
        }
      }
    }
    String query =
        UriComponentsBuilder.fromUri(session.getHandshakeInfo().getUri())
            .build()
            .getQueryParams()
            .getFirst("token");
    return Optional.ofNullable(query).filter(t -> !t.isBlank());
  }
}
