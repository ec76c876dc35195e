package com.dbay.gateway;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Runs {@code cognito-local} (npm, pinned in {@code src/it/cognito-local}) on a free port with a
 * fresh data folder, and talks to it through the Cognito JSON API. Installs it with {@code npm ci}
 * when {@code node_modules} is missing.
 *
 * <p>What needs care: its tokens' {@code iss} is {@code http://<HOST>:<PORT>/<pool id>} built from
 * its environment (not from the host that was called; the default HOST is "localhost"), and its
 * discovery document named port 9229 whatever the real port was, so issuer and JWKS URL are
 * configured explicitly rather than discovered. Its signing key is fixed and public: only ever a
 * test issuer.
 */
final class CognitoLocal implements AutoCloseable {

  static final Path HOME = Path.of("src/it/cognito-local").toAbsolutePath();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final int port;
  private final Process process;
  private final Path data;

  private CognitoLocal(int port, Process process, Path data) {
    this.port = port;
    this.process = process;
    this.data = data;
  }

  static CognitoLocal start() throws Exception {
    if (!Files.isDirectory(HOME.resolve("node_modules/cognito-local"))) {
      run(HOME, List.of("npm", "ci", "--no-audit", "--no-fund"), Duration.ofMinutes(3));
    }
    int port = freePort();
    Path data = Files.createTempDirectory("cognito-local");
    ProcessBuilder builder =
        new ProcessBuilder(
                "node", HOME.resolve("node_modules/cognito-local/lib/bin/start.js").toString())
            .directory(data.toFile())
            .redirectErrorStream(true)
            .redirectOutput(data.resolve("cognito-local.log").toFile());
    builder.environment().put("PORT", Integer.toString(port));
    builder.environment().put("HOST", "127.0.0.1");
    CognitoLocal local = new CognitoLocal(port, builder.start(), data);
    local.awaitUp();
    return local;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  String issuer(String poolId) {
    return "http://127.0.0.1:" + port + "/" + poolId;
  }

  String jwks(String poolId) {
    return url() + "/" + poolId + "/.well-known/jwks.json";
  }

  JsonNode call(String action, Map<String, Object> body) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url() + "/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService." + action)
                .POST(
                    HttpRequest.BodyPublishers.ofString(StubServices.JSON.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          action + " failed: " + response.statusCode() + " " + response.body());
    }
    return StubServices.JSON.readTree(response.body().isBlank() ? "{}" : response.body());
  }

  private void awaitUp() throws Exception {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "cognito-local exited: " + Files.readString(data.resolve("cognito-local.log")));
      }
      try {
        call("ListUserPools", Map.of("MaxResults", 1));
        return;
      } catch (IOException | IllegalStateException notYet) {
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException(
        "cognito-local did not start: " + Files.readString(data.resolve("cognito-local.log")));
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static void run(Path dir, List<String> command, Duration timeout) throws Exception {
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(timeout.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)
        || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " failed in " + dir);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroyForcibly();
    deleteQuietly(data.toFile());
  }

  private static void deleteQuietly(File file) {
    File[] children = file.listFiles();
    if (children != null) {
      for (File child : children) {
        deleteQuietly(child);
      }
    }
    file.delete();
  }
}
