package com.dbay.wallet.crash;

import com.dbay.dogecoin.DogecoinNetwork;
import com.dbay.dogecoin.TransactionCodec;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Dogecoin node as far as a withdrawal's settlement needs one: the JSON-RPC {@code
 * sendrawtransaction} and {@code getrawtransaction txid true} (how the wallet reads a transaction's
 * confirmations). The dev node cannot serve here, as the crash tests' deposits have made-up txids,
 * so the withdrawals that spend them would be refused by a validating node. A transaction is
 * unknown until sent (the node's error -5), has 0 confirmations once sent, and {@code depth} once
 * {@link #mine mined}.
 */
final class ChainStandIn implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private record Known(String rawHex, int confirmations) {}

  private final Map<String, Known> transactions = new ConcurrentHashMap<>();
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpServer server;
  private final DogecoinNetwork network;

  ChainStandIn(DogecoinNetwork network) throws IOException {
    this.network = network;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** What the blockchain-broadcaster does with a withdrawal's signed bytes; returns the txid. */
  String send(String rawHex) {
    String txid = TransactionCodec.decode(rawHex, network).txid();
    transactions.putIfAbsent(txid, new Known(rawHex, 0));
    return txid;
  }

  /** A block (and more on top) includes the sent transaction. */
  void mine(String txid, int depth) {
    transactions.computeIfPresent(
        txid, (id, known) -> new Known(known.rawHex(), Math.max(known.confirmations(), depth)));
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode request = JSON.readTree(exchange.getRequestBody());
      ObjectNode response = JSON.createObjectNode();
      response.set("id", request.get("id"));
      JsonNode params = request.path("params");
      switch (request.path("method").asString()) {
        case "sendrawtransaction" -> response.put("result", send(params.path(0).asString()));
        case "getrawtransaction" -> {
          Known known = transactions.get(params.path(0).asString());
          if (known == null) {
            error(exchange, response, -5, "No such mempool or blockchain transaction");
            return;
          }
          ObjectNode result = response.putObject("result");
          result.put("hex", known.rawHex());
          result.put("txid", params.path(0).asString());
          result.put("confirmations", known.confirmations());
          if (known.confirmations() > 0) {
            result.put("blockhash", "00".repeat(32));
          }
        }
        default -> {
          error(exchange, response, -32601, "Method not found");
          return;
        }
      }
      write(exchange, 200, response);
    } catch (RuntimeException e) {
      exchange.sendResponseHeaders(500, -1);
    }
  }

  private void error(HttpExchange exchange, ObjectNode response, int code, String message)
      throws IOException {
    response.putNull("result");
    response.putObject("error").put("code", code).put("message", message);
    write(exchange, 500, response);
  }

  private static void write(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
