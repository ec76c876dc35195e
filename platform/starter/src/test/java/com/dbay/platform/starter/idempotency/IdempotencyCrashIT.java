package com.dbay.platform.starter.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.starter.support.PlatformItProcess;
import com.dbay.platform.test.TestStores;
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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code @Idempotent} survives kill -9 at every step: a service built on the starter runs as a real
 * process, a request claims its key and stops either before its work or after it (before the answer
 * is stored and committed), the process is killed with SIGKILL, a new one starts, and the client's
 * retry with the same key runs exactly once and is answered; the key is never stuck answering 409.
 */
class IdempotencyCrashIT {

  /** What {@link Process#exitValue()} reports for a process ended by signal 9: 128 + 9. */
  private static final int KILLED_BY_SIGKILL = 137;

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final List<Process> processes = new ArrayList<>();
  private JdbcTemplate jdbc;
  private Path work;
  private int port;

  @BeforeEach
  void setUp() throws IOException {
    TestStores.ensureDatabase("platform");
    jdbc =
        new JdbcTemplate(
            new DriverManagerDataSource(
                TestStores.jdbcUrl("platform"), TestStores.pgUser(), TestStores.pgPassword()));
    work = Files.createTempDirectory("idempotency-crash");
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
  }

  @AfterEach
  void tearDown() {
    processes.forEach(Process::destroyForcibly);
  }

  @ParameterizedTest(name = "killed {0}")
  @ValueSource(strings = {"before-work", "after-work"})
  void aRequestKilledBetweenItsStepsRunsOnceWhenRetriedAndItsKeyIsNotStuck(String pauseAt)
      throws Exception {
    String bidder = "crash-" + UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    Path paused = work.resolve("paused-" + pauseAt);

    Process first = start("first");
    CompletableFuture<HttpResponse<String>> interrupted =
        HTTP.sendAsync(
            bid(key, bidder)
                .header("X-Pause-At", pauseAt)
                .header("X-Pause-File", paused.toString())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    waitFor(paused, first);
    if (pauseAt.equals("after-work")) {
      // The work is done but not committed: nobody else can see it yet.
      assertThat(bidsBy(bidder)).isZero();
    }

    first.destroyForcibly();
    assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue())
        .as("ended by SIGKILL, not by a shutdown")
        .isEqualTo(KILLED_BY_SIGKILL);
    assertThat(interrupted).failsWithin(Duration.ofSeconds(20));
    assertThat(bidsBy(bidder)).as("nothing of the killed request survived").isZero();
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM platform_idempotency WHERE idem_key = ?", Long.class, key))
        .as("and its key is free")
        .isZero();

    start("second");
    HttpResponse<String> retried =
        HTTP.send(bid(key, bidder).build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> again =
        HTTP.send(bid(key, bidder).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
    assertThat(retried.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(again.body()).isEqualTo(retried.body());
    assertThat(bidsBy(bidder)).as("the bid was placed exactly once").isEqualTo(1);
  }

  private HttpRequest.Builder bid(String key, String bidder) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/it/pausing-bids"))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", key)
        .header("X-User-ID", bidder)
        .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":\"2.5\"}"));
  }

  private long bidsBy(String bidder) {
    return jdbc.queryForObject("SELECT count(*) FROM it_bids WHERE bidder = ?", Long.class, bidder);
  }

  /** Starts the service and returns once it answers HTTP. */
  private Process start(String name) throws Exception {
    File log = work.resolve(name + ".log").toFile();
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                PlatformItProcess.class.getName(),
                "--server.port=" + port,
                "--spring.application.name=platform-it",
                "--spring.flyway.locations=classpath:db/platform,classpath:db/it",
                "--spring.datasource.url=" + TestStores.jdbcUrl("platform"),
                "--spring.datasource.username=" + TestStores.pgUser(),
                "--spring.datasource.password=" + TestStores.pgPassword(),
                "--spring.data.redis.url=" + TestStores.redisUrl(),
                "--dbay.events.relay.enabled=false",
                "--dbay.events.consumer.enabled=false",
                "--dbay.events.stream=dbay:it:crash:" + UUID.randomUUID(),
                "--logging.structured.format.console="));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
            .start();
    processes.add(process);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("the service exited; see %s", log).isTrue();
      try {
        HttpRequest health =
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() > 0) {
          return process;
        }
      } catch (IOException notYet) {
        Thread.sleep(250);
      }
    }
    throw new IllegalStateException("the service did not start within 180 s; see " + log);
  }

  private static void waitFor(Path file, Process process) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(file)) {
      assertThat(process.isAlive()).isTrue();
      assertThat(System.nanoTime()).as("the request reached its pause").isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
