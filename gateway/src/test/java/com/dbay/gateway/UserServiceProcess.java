package com.dbay.gateway;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * The real user-service, started from its built jar ({@code ../user-service/target}) against the
 * stores the test run was given (the DBAY_* variables), on a free port.
 */
final class UserServiceProcess implements AutoCloseable {

  private final Process process;
  private final Path log;
  final int port;

  private UserServiceProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  static UserServiceProcess start(String gatewaySecret) throws Exception {
    return start(gatewaySecret, Map.of());
  }

  /** {@code extraEnv}: more variables for the service, e.g. {@code DBAY_BOOTSTRAP_ADMINS}. */
  static UserServiceProcess start(String gatewaySecret, Map<String, String> extraEnv)
      throws Exception {
    File[] jars =
        Path.of("../user-service/target")
            .toFile()
            .listFiles(
                (dir, name) ->
                    name.startsWith("user-service-")
                        && name.endsWith(".jar")
                        && !name.endsWith("-plain.jar"));
    if (jars == null || jars.length == 0) {
      throw new IllegalStateException(
          "user-service is not built: run ./mvnw -pl user-service,gateway -am verify");
    }
    Arrays.sort(jars);
    int port = CognitoLocal.freePort();
    Path log = Files.createTempFile("user-service", ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-jar",
                jars[0].getAbsolutePath())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("DBAY_USER_PORT", Integer.toString(port));
    env.put("DBAY_GATEWAY_SECRET", gatewaySecret);
    env.put("DBAY_BCRYPT_COST", "4");
    env.putAll(extraEnv);
    UserServiceProcess service = new UserServiceProcess(builder.start(), log, port);
    service.awaitUp();
    return service;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  private void awaitUp() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    // Generous: on a loaded 2-core machine a Spring Boot start has taken over two minutes.
    Instant deadline = Instant.now().plusSeconds(300);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("user-service exited:\n" + tail());
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(url() + "/api/v1/user/.well-known/jwks.json"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("user-service did not start:\n" + tail());
  }

  private String tail() throws java.io.IOException {
    String all = Files.readString(log);
    return all.substring(Math.max(0, all.length() - 4000));
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroyForcibly();
  }
}
