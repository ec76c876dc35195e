package com.dbay.devstack.dogecoin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON-RPC 1.0 over HTTP POST with basic auth, on the JDK's HTTP server. Like Dogecoin Core: a
 * failed single call answers HTTP 500 (404 for an unknown method) with {@code
 * {"result":null,"error":{"code","message"},"id"}}; a batch (JSON array) answers 200 with one
 * response per call; wrong credentials answer 401.
 */
public final class RpcServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RpcServer.class);

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final JsonMapper json =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();
  private final RpcMethods methods;
  private final byte[] expectedAuth;

  public RpcServer(DevChain chain, DevNodeConfig config) throws IOException {
    this.methods = new RpcMethods(chain, json);
    this.expectedAuth =
        ("Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (config.rpcUser() + ":" + config.rpcPassword())
                            .getBytes(StandardCharsets.UTF_8)))
            .getBytes(StandardCharsets.UTF_8);
    this.server = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 64);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  public void start() {
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      if (auth == null
          || !MessageDigest.isEqual(auth.getBytes(StandardCharsets.UTF_8), expectedAuth)) {
        ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"jsonrpc\"");
        ex.sendResponseHeaders(401, -1);
        return;
      }
      if (!"POST".equals(ex.getRequestMethod())) {
        ex.sendResponseHeaders(405, -1);
        return;
      }
      JsonNode request;
      try (InputStream in = ex.getRequestBody()) {
        request = json.readTree(in);
      } catch (JacksonException e) {
        send(ex, 500, error(null, new RpcError(RpcError.PARSE_ERROR, "Parse error")));
        return;
      }
      if (request.isArray()) {
        ArrayNode out = json.createArrayNode();
        for (JsonNode r : request) {
          out.add(execute(r));
        }
        send(ex, 200, out);
        return;
      }
      ObjectNode response = execute(request);
      int status = 200;
      if (!response.path("error").isNull()) {
        status =
            response.path("error").path("code").asInt() == RpcError.METHOD_NOT_FOUND ? 404 : 500;
      }
      send(ex, status, response);
    }
  }

  private ObjectNode execute(JsonNode request) {
    JsonNode id = request.path("id");
    String method = request.path("method").asString("");
    try {
      if (method.isEmpty()) {
        throw new RpcError(RpcError.INVALID_REQUEST, "Method must be a string");
      }
      JsonNode result = methods.call(method, request.get("params"));
      ObjectNode ok = json.createObjectNode();
      ok.set("result", result);
      ok.putNull("error");
      ok.set("id", id.isMissingNode() ? null : id);
      return ok;
    } catch (RpcError e) {
      return error(id, e);
    } catch (RuntimeException e) {
      log.warn("{} failed", method, e);
      return error(id, new RpcError(RpcError.MISC, e.toString()));
    }
  }

  private ObjectNode error(JsonNode id, RpcError e) {
    ObjectNode r = json.createObjectNode();
    r.putNull("result");
    ObjectNode err = r.putObject("error");
    err.put("code", e.code());
    err.put("message", e.getMessage());
    r.set("id", id == null || id.isMissingNode() ? null : id);
    return r;
  }

  private void send(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
