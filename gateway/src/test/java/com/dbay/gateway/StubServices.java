package com.dbay.gateway;

import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.identity.IdentityHeaders;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays every service behind the gateway, the way the platform starter would: it trusts identity
 * headers only with a valid gateway proof. It answers 200 with what it saw, or 401 problem+json
 * when the path needs a user and none is proven. It also serves the issuer's JWKS and, in Cognito
 * mode, user-service's internal resolve.
 */
final class StubServices implements AutoCloseable {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final GatewayProof proof;
  private volatile JWKSet jwks;
  final Map<String, String> resolvedUserIds = new ConcurrentHashMap<>();
  volatile Map<String, String> lastHeaders = Map.of();

  /**
   * Every request that reached a service (not the JWKS or the API documents), as "METHOD target".
   */
  final List<String> received = new CopyOnWriteArrayList<>();

  /** Stub services that publish the tokens' trusted key as the JWKS; for the ITs' static fields. */
  static StubServices trusting(String secret, Tokens tokens) {
    try {
      return new StubServices(secret, new JWKSet(tokens.trusted.toPublicJWK()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  StubServices(String secret, JWKSet jwks) throws IOException {
    this.proof = new GatewayProof(secret);
    this.jwks = jwks;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    String path = exchange.getRequestURI().getRawPath();
    Headers h = exchange.getRequestHeaders();
    Map<String, String> seen = new LinkedHashMap<>();
    h.forEach((k, v) -> seen.put(k.toLowerCase(), String.join(",", v)));
    lastHeaders = seen;
    if (path.equals("/jwks.json")) {
      respond(exchange, 200, "application/json", JSON.writeValueAsString(jwks.toJSONObject()));
      return;
    }
    if (path.equals("/v3/api-docs")) {
      respond(
          exchange,
          200,
          "application/json",
          "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"stub\",\"version\":\"1\"}}");
      return;
    }
    String target = GatewayProof.target(path, exchange.getRequestURI().getRawQuery());
    received.add(exchange.getRequestMethod() + " " + target);
    Optional<Identity> identity = verified(exchange, target);
    if (path.startsWith("/api/v1/user/internal/resolve")) {
      if (identity.isEmpty() || identity.get().cognitoSub().isBlank()) {
        respond(exchange, 401, "application/problem+json", "{\"status\":401}");
        return;
      }
      Identity id = identity.get();
      String userId = resolvedUserIds.computeIfAbsent(id.cognitoSub(), s -> "app-" + s);
      respond(
          exchange,
          200,
          "application/json",
          JSON.writeValueAsString(
              Map.of(
                  "userId",
                  userId,
                  "cognitoSub",
                  id.cognitoSub(),
                  "username",
                  id.username(),
                  "email",
                  id.email(),
                  "roles",
                  java.util.List.of("USER"),
                  "status",
                  "ACTIVE")));
      return;
    }
    if (identity.isEmpty() && path.contains("/users/me")) {
      respond(
          exchange,
          401,
          "application/problem+json",
          "{\"type\":\"https://dbay.dev/problems/unauthenticated\",\"status\":401}");
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("path", path);
    body.put("query", exchange.getRequestURI().getRawQuery());
    body.put("method", exchange.getRequestMethod());
    body.put("verified", identity.isPresent());
    identity.ifPresent(
        i -> {
          body.put("userId", i.userId());
          body.put("cognitoSub", i.cognitoSub());
          body.put("username", i.username());
          body.put("email", i.email());
          body.put("roles", i.roles().stream().sorted().toList());
        });
    body.put("clientUserIdHeader", h.getFirst(IdentityHeaders.USER_ID));
    respond(exchange, 200, "application/json", JSON.writeValueAsString(body));
  }

  private Optional<Identity> verified(HttpExchange exchange, String target) {
    Headers h = exchange.getRequestHeaders();
    String userId = h.getFirst(IdentityHeaders.USER_ID);
    String sub = h.getFirst(IdentityHeaders.COGNITO_SUB);
    if (userId == null && sub == null) {
      return Optional.empty();
    }
    String roles = h.getFirst(IdentityHeaders.ROLES);
    Set<String> roleSet =
        roles == null || roles.isBlank()
            ? Set.of()
            : Arrays.stream(roles.split(",")).collect(Collectors.toSet());
    Identity claimed =
        new Identity(
            userId == null ? "" : userId,
            sub,
            h.getFirst(IdentityHeaders.COGNITO_USERNAME),
            h.getFirst(IdentityHeaders.COGNITO_EMAIL),
            roleSet);
    return proof.verify(
        claimed,
        exchange.getRequestMethod(),
        target,
        h.getFirst(IdentityHeaders.PROOF_TIMESTAMP),
        h.getFirst(IdentityHeaders.PROOF_SIGNATURE));
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
