package com.dbay.wallet.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.test.TestCallers;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The built wallet-service jar as an operating-system process on a fixed port, the way it runs in
 * production: started, killed with SIGKILL (no shutdown hook, no graceful close of the pool or of
 * in-flight transactions) and started again on the same database. Plus the HTTP calls the crash
 * tests make: internal ones (a calling service, an idempotency key) and public ones as a user, with
 * the proof the gateway would add.
 */
final class WalletProcess implements AutoCloseable {

  /** What {@link Process#exitValue()} reports for a process ended by signal 9: 128 + 9. */
  static final int KILLED_BY_SIGKILL = 137;

  private static final Pattern POSTINGS = Pattern.compile("\"postings\":(\\d+)");

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  // The jar has no test flag, so it refuses the committed development secret: a random one unless
  // the run gave one.
  private final String gatewaySecret =
      System.getenv()
          .getOrDefault("DBAY_GATEWAY_SECRET", "crash-test-" + java.util.UUID.randomUUID());
  private final GatewayProof proof = new GatewayProof(gatewaySecret);

  /**
   * Random keys for the parts the wallet trusts; each internal call is signed as a part allowed on
   * it.
   */
  private final TestCallers callers = TestCallers.forPart("wallet-service");

  private final Map<String, String> environment;
  private final String log;
  private final int port;
  private final List<Duration> startTimes = new ArrayList<>();
  private Process process;

  /**
   * @param environment added to the inherited environment (the test run's {@code DBAY_PG_*} etc.)
   * @param log file under {@code target/} for the process's output (appended over restarts)
   */
  WalletProcess(Map<String, String> environment, String log) throws IOException {
    this.environment = new LinkedHashMap<>(environment);
    this.log = log;
    this.port = freePort();
  }

  /** Starts the jar and returns once it answers HTTP (migrations done, pool up). */
  void start() throws Exception {
    assertThat(process == null || !process.isAlive()).as("the wallet is already running").isTrue();
    Path jar;
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      jar =
          files
              .filter(
                  p ->
                      p.getFileName()
                          .toString()
                          .matches("wallet-service-[0-9][^-]*(-SNAPSHOT)?\\.jar"))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "run after `package`: the wallet's executable jar is missing"));
    }
    // The JVM flags of `./dbay up` (C1 only, SerialGC): a restart is what is being measured, and
    // the machine is shared.
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx512m",
                "-Dspring.jmx.enabled=false",
                "-jar",
                jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(log)));
    builder.environment().put("DBAY_WALLET_PORT", Integer.toString(port));
    builder.environment().put("DBAY_GATEWAY_SECRET", gatewaySecret);
    builder.environment().put("DBAY_TRUSTED_CALLERS_FILE", callers.trustedCallersFile());
    builder.environment().putAll(environment);
    long started = System.nanoTime();
    process = builder.start();
    long deadline = started + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("the wallet process exited; see %s", log).isTrue();
      try {
        if (get("/api/v1/wallet/internal/audit").statusCode() > 0) {
          startTimes.add(Duration.ofNanos(System.nanoTime() - started));
          return;
        }
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException("the wallet did not start within 120 s; see " + log);
  }

  /**
   * kill -9: {@link Process#destroyForcibly()} is SIGKILL on Unix (the JDK's ProcessHandleImpl
   * sends SIGKILL when forced, SIGTERM otherwise), and the exit value proves it: 128 + 9.
   */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("the wallet died").isTrue();
    assertThat(process.exitValue())
        .as("the wallet was ended by SIGKILL, not by a shutdown")
        .isEqualTo(KILLED_BY_SIGKILL);
  }

  /** How long each start took until the first HTTP answer. */
  List<Duration> startTimes() {
    return List.copyOf(startTimes);
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    if (process != null) {
      process.destroyForcibly();
    }
  }

  // ---- HTTP ----

  /**
   * An internal call, with a key unless null, signed as the part the endpoint table allows on it
   * (which scopes the idempotency keys); {@code caller} says who would make it in production.
   */
  HttpResponse<String> internal(String method, String path, String caller, String key, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json");
    callers.headersFor(method, path, body).forEach(request::header);
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return send(
        request.method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
  }

  /**
   * A public call as {@code user} (roles USER, plus ADMIN when {@code admin}), signed as the
   * gateway signs it.
   */
  HttpResponse<String> asUser(
      String user, boolean admin, String method, String path, String key, String body)
      throws IOException, InterruptedException {
    Set<String> roles = admin ? Set.of("USER", "ADMIN") : Set.of("USER");
    Identity identity = new Identity(user, null, user, null, roles);
    long now = proof.now();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("X-User-ID", user)
            .header("X-Cognito-Username", user)
            .header("X-User-Roles", String.join(",", new TreeSet<>(roles)))
            .header("X-Gateway-Timestamp", Long.toString(now))
            .header("X-Gateway-Signature", proof.sign(identity, method, path, now));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return send(
        request.method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
  }

  /** The user's deposit address (derived on first use). */
  String depositAddress(String user) throws IOException, InterruptedException {
    HttpResponse<String> response =
        asUser(user, false, "GET", "/api/v1/wallet/deposit-address", null, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Matcher matcher = Pattern.compile("\"address\":\"([^\"]+)\"").matcher(response.body());
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
    if (path.startsWith("/api/v1/wallet/internal/")) {
      callers.headersFor("GET", path, null).forEach(request::header);
    }
    return send(request);
  }

  /** The ledger's posting count from the audit, which must pass. */
  long auditedPostings() throws IOException, InterruptedException {
    HttpResponse<String> audit = get("/api/v1/wallet/internal/audit");
    assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
    Matcher matcher = POSTINGS.matcher(audit.body());
    assertThat(matcher.find()).as(audit.body()).isTrue();
    return Long.parseLong(matcher.group(1));
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
