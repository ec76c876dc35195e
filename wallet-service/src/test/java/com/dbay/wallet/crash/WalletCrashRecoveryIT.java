package com.dbay.wallet.crash;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The wallet service runs as its own process (the built jar) and is killed with SIGKILL while many
 * clients place holds over HTTP. After a restart the ledger audit must pass, and every request that
 * was acknowledged before the crash must be durable: repeating it with its key returns the same
 * answer and moves no money again.
 */
class WalletCrashRecoveryIT {

  private static final Pattern POSTINGS = Pattern.compile("\"postings\":(\\d+)");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process wallet;
  private int port;

  @AfterEach
  void stopTheWallet() {
    if (wallet != null) {
      wallet.destroyForcibly();
    }
  }

  @Test
  void acknowledgedHoldsSurviveAKillNineAndTheLedgerStillBalances() throws Exception {
    port = freePort();
    start();
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> users = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      users.add("crash-" + run + "-" + i);
      fund(users.get(i));
    }

    record Sent(String path, String key, String body) {}
    Map<Sent, String> acknowledged = new ConcurrentHashMap<>();
    List<Sent> inFlight = java.util.Collections.synchronizedList(new ArrayList<>());
    Map<String, Integer> refusals = new ConcurrentHashMap<>();
    AtomicBoolean crashed = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(12);
    for (int t = 0; t < 12; t++) {
      int thread = t;
      clients.submit(() -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int n = 0; !crashed.get(); n++) {
          String user = users.get(random.nextInt(users.size()));
          Sent sent = new Sent("/api/v1/wallet/internal/holds/" + user + "/auction-" + random.nextInt(20), run + "-" + thread + "-" + n,
              "{\"amount\":\"" + (1 + random.nextInt(300)) + "." + random.nextInt(100) + "\"}");
          inFlight.add(sent);
          try {
            HttpResponse<String> response = put(sent.path(), sent.key(), sent.body());
            if (response.statusCode() == 200) {
              acknowledged.put(sent, response.body());
            } else {
              refusals.merge(response.statusCode() + " " + response.body().replaceAll("\"instance\":\"[^\"]*\",?", ""), 1, Integer::sum);
            }
          } catch (IOException e) {
            refusals.merge(e.getClass().getSimpleName(), 1, Integer::sum);
            return null;
          }
        }
        return null;
      });
    }
    Thread.sleep(4_000);
    wallet.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    crashed.set(true);
    clients.shutdown();
    assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(acknowledged).as("requests acknowledged before the crash; others: %s", refusals).hasSizeGreaterThan(50);
    System.out.printf("crash test: %d holds acknowledged before kill -9, others %s%n", acknowledged.size(), refusals);

    start();
    HttpResponse<String> audit = get("/api/v1/wallet/internal/audit");
    assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
    long postingsAfterRestart = postings(audit.body());

    for (Map.Entry<Sent, String> done : acknowledged.entrySet()) {
      HttpResponse<String> repeat = put(done.getKey().path(), done.getKey().key(), done.getKey().body());
      assertThat(repeat.statusCode()).isEqualTo(200);
      assertThat(repeat.body()).isEqualTo(done.getValue());
    }
    HttpResponse<String> afterRepeats = get("/api/v1/wallet/internal/audit");
    assertThat(afterRepeats.statusCode()).isEqualTo(200);
    assertThat(postings(afterRepeats.body())).as("acknowledged requests repeated after the crash move nothing").isEqualTo(postingsAfterRestart);

    // Requests cut off by the crash may be retried with their keys: they happen at most once.
    for (Sent sent : List.copyOf(inFlight).subList(Math.max(0, inFlight.size() - 50), inFlight.size())) {
      int status = put(sent.path(), sent.key(), sent.body()).statusCode();
      assertThat(status).isIn(200, 409);
    }
    assertThat(get("/api/v1/wallet/internal/audit").statusCode()).isEqualTo(200);
  }

  private void start() throws Exception {
    Path jar;
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      jar = files.filter(p -> p.getFileName().toString().matches("wallet-service-[0-9][^-]*(-SNAPSHOT)?\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("run after `package`: the wallet's executable jar is missing"));
    }
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar.toString())
        .redirectErrorStream(true).redirectOutput(new File("target/wallet-crash-it.log"));
    builder.environment().put("DBAY_WALLET_PORT", Integer.toString(port));
    builder.environment().put("DBAY_PG_POOL_SIZE", "12");
    // Deposits here have made-up txids: keep them out of the hot wallet's coins, and no node to watch.
    builder.environment().put("DBAY_WALLET_SIGNING", "false");
    builder.environment().put("DBAY_WALLET_WATCH_INTERVAL", "0s");
    wallet = builder.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      assertThat(wallet.isAlive()).as("the wallet process exited; see target/wallet-crash-it.log").isTrue();
      try {
        if (get("/api/v1/wallet/internal/audit").statusCode() > 0) {
          return;
        }
      } catch (IOException notYet) {
        Thread.sleep(500);
      }
    }
    throw new IllegalStateException("the wallet did not start within 120 s");
  }

  private void fund(String user) throws Exception {
    String depositAddress = depositAddress(user);
    byte[] bytes = new byte[32];
    ThreadLocalRandom.current().nextBytes(bytes);
    String txid = HexFormat.of().formatHex(bytes);
    HttpResponse<String> seen = post("/api/v1/wallet/internal/deposits",
        "{\"txid\":\"" + txid + "\",\"vout\":0,\"address\":\"" + depositAddress + "\",\"amount\":\"1000\",\"blockHash\":\"b\",\"blockHeight\":1}");
    assertThat(seen.statusCode()).isEqualTo(200);
    assertThat(post("/api/v1/wallet/internal/deposits/" + txid + "/0/confirmations", "{\"confirmations\":40}").statusCode()).isEqualTo(200);
  }

  private String depositAddress(String user) throws Exception {
    com.dbay.platform.identity.GatewayProof proof = new com.dbay.platform.identity.GatewayProof(
        System.getenv().getOrDefault("DBAY_GATEWAY_SECRET", com.dbay.platform.starter.identity.IdentityAutoConfiguration.DEV_SECRET));
    com.dbay.platform.identity.Identity identity = new com.dbay.platform.identity.Identity(user, null, user, null, java.util.Set.of("USER"));
    long now = proof.now();
    String path = "/api/v1/wallet/deposit-address";
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path))
        .header("X-User-ID", user).header("X-Cognito-Username", user).header("X-User-Roles", "USER")
        .header("X-Gateway-Timestamp", Long.toString(now)).header("X-Gateway-Signature", proof.sign(identity, "GET", path, now))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Matcher matcher = Pattern.compile("\"address\":\"([^\"]+)\"").matcher(response.body());
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  private HttpResponse<String> put(String path, String key, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
        .header("Idempotency-Key", key).header("X-Caller-Service", "auction").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static long postings(String audit) {
    Matcher matcher = POSTINGS.matcher(audit);
    assertThat(matcher.find()).as(audit).isTrue();
    return Long.parseLong(matcher.group(1));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
