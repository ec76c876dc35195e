package com.dbay.stacktests.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The running stack as the suite contract describes it: {@code DBAY_STACK_GATEWAY_URL}, {@code
 * DBAY_STACK_STATE_DIR} (its {@code secrets/}) and {@code DBAY_PORT_OFFSET}; each part's port is
 * its port in {@code ./dbay}'s JVM_PARTS table plus the offset.
 */
final class Stack {

  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  final URI gateway;
  final Path state;
  final int offset;
  private final Map<String, Integer> basePorts;

  private Stack(URI gateway, Path state, int offset, Map<String, Integer> basePorts) {
    this.gateway = gateway;
    this.state = state;
    this.offset = offset;
    this.basePorts = basePorts;
  }

  static Stack fromEnvironment() {
    String gateway = require("DBAY_STACK_GATEWAY_URL");
    String state = require("DBAY_STACK_STATE_DIR");
    int offset = Integer.parseInt(System.getenv().getOrDefault("DBAY_PORT_OFFSET", "0"));
    return new Stack(
        URI.create(gateway.endsWith("/") ? gateway.substring(0, gateway.length() - 1) : gateway),
        Path.of(state),
        offset,
        partsTable(Path.of("../../dbay")));
  }

  private static String require(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          name
              + " is not set: run this suite against a stack (./dbay test's stack phase, or by hand after ./dbay up)");
    }
    return value;
  }

  /** part -> port, from the one table in ./dbay. */
  static Map<String, Integer> partsTable(Path dbay) {
    String script;
    try {
      script = Files.readString(dbay, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the suite reads the parts table of " + dbay.toAbsolutePath(), e);
    }
    Matcher table = Pattern.compile("JVM_PARTS='(.*?)'", Pattern.DOTALL).matcher(script);
    if (!table.find()) {
      throw new IllegalStateException("no JVM_PARTS table in " + dbay);
    }
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (String line : table.group(1).split("\n")) {
      String[] cells = line.strip().split("\\s+");
      if (cells.length >= 2 && !cells[0].startsWith("#") && cells[1].matches("\\d+")) {
        ports.put(cells[0], Integer.parseInt(cells[1]));
      }
    }
    return ports;
  }

  Map<String, Integer> parts() {
    Map<String, Integer> shifted = new LinkedHashMap<>();
    basePorts.forEach((part, port) -> shifted.put(part, port + offset));
    return shifted;
  }

  int port(String part) {
    Integer port = basePorts.get(part);
    if (port == null) {
      throw new IllegalArgumentException("no part " + part + " in ./dbay's JVM_PARTS");
    }
    return port + offset;
  }

  URI part(String part, String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port(part) + pathAndQuery);
  }

  Path secret(String name) {
    return state.resolve("secrets").resolve(name);
  }

  byte[] callerKey(String caller) {
    try {
      return Base64.getDecoder()
          .decode(Files.readString(secret("callers/" + caller + ".key")).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("the stack has no key for " + caller, e);
    }
  }

  static HttpResponse<String> send(
      String method, URI uri, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + uri + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
