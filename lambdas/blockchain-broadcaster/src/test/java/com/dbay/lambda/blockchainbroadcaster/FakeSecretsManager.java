package com.dbay.lambda.blockchainbroadcaster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for AWS Secrets Manager speaking its real wire protocol, so the real SDK client can be
 * tested without AWS: AWS JSON 1.1 ({@code POST /}, {@code Content-Type:
 * application/x-amz-json-1.1}, {@code X-Amz-Target: secretsmanager.GetSecretValue}, body {@code
 * {"SecretId"}}); answers {@code {"ARN", "Name", "SecretString", "VersionId", "VersionStages",
 * "CreatedDate"}} or the service's error shape ({@code 400}, {@code {"__type":
 * "ResourceNotFoundException", "message"}}).
 */
final class FakeSecretsManager implements AutoCloseable {

  record Request(String target, String contentType, String authorization, String secretId) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final Map<String, String> secrets = new ConcurrentHashMap<>();
  final List<Request> requests = new CopyOnWriteArrayList<>();

  FakeSecretsManager() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  void put(String name, String secretString) {
    secrets.put(name, secretString);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      JsonNode body =
          JSON.readTree(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      String id = body.path("SecretId").asString("");
      requests.add(
          new Request(
              target,
              exchange.getRequestHeaders().getFirst("Content-Type"),
              exchange.getRequestHeaders().getFirst("Authorization"),
              id));
      if (!"POST".equals(exchange.getRequestMethod())
          || !"secretsmanager.GetSecretValue".equals(target)) {
        error(exchange, 400, "UnknownOperationException", "unsupported operation " + target);
        return;
      }
      String name =
          id.startsWith("arn:")
              ? id.substring(id.lastIndexOf(':') + 1).replaceAll("-[A-Za-z0-9]{6}$", "")
              : id;
      String value = secrets.get(name);
      if (value == null) {
        error(
            exchange,
            400,
            "ResourceNotFoundException",
            "Secrets Manager can't find the specified secret.");
        return;
      }
      String arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:" + name + "-AbCdEf";
      respond(
          exchange,
          200,
          JSON.writeValueAsString(
              Map.of(
                  "ARN",
                  arn,
                  "Name",
                  name,
                  "SecretString",
                  value,
                  "VersionId",
                  "b9a1c2d3-e4f5-4a6b-8c7d-0e1f2a3b4c5d",
                  "VersionStages",
                  List.of("AWSCURRENT"),
                  "CreatedDate",
                  1.7639E9)));
    }
  }

  private static void error(HttpExchange exchange, int status, String type, String message)
      throws IOException {
    exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
    respond(exchange, status, JSON.writeValueAsString(Map.of("__type", type, "message", message)));
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
    exchange.getResponseHeaders().add("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
