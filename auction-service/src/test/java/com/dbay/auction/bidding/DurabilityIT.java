package com.dbay.auction.bidding;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.identity.IdentityHeaders;
import com.dbay.platform.money.Doge;
import com.dbay.platform.test.TestStores;
import java.io.File;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The durability promise under load, against auction-service running as its own process: a {@code
 * kill -9} mid-load and a Redis flush mid-load lose no acknowledged bid. Every bid answered 201 is
 * in PostgreSQL afterwards, the stored bids replay through the sequential proxy-bidding model to
 * the stored leader and price, and the hot state served afterwards agrees with PostgreSQL.
 */
class DurabilityIT {

  static final String SECRET = "auction-durability-it-secret-0123456789abcdef";
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final int BIDDERS = 12;

  static final AtomicLong rising = new AtomicLong(1);
  static int port;
  static Process service;
  static Path log;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  final GatewayProof proof = new GatewayProof(SECRET);

  @BeforeAll
  static void startService() throws Exception {
    TestStores.ensureDatabase("auction");
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    log = Files.createTempFile("auction-service-durability", ".log");
    // Bids are backed by funds: every bidder can hold far more than the rising maxima reach.
    for (int b = 0; b < BIDDERS; b++) {
      RealWallet.get().fund("bidder" + b, 1_000_000);
    }
    service = start();
  }

  @AfterAll
  static void stopService() {
    if (service != null) {
      service.destroyForcibly();
    }
  }

  static Process start() throws Exception {
    File jar =
        Files.list(Path.of("target"))
            .filter(p -> p.getFileName().toString().matches("auction-service-.*\\.jar"))
            .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("package auction-service first"))
            .toFile();
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1",
            "-jar",
            jar.getAbsolutePath(),
            "--server.port=" + port,
            "--dbay.identity.gateway-secret=" + SECRET);
    builder.command().addAll(RealWallet.get().serviceArguments());
    builder
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Process p = builder.start();
    HttpClient probe = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new AssertionError("auction-service died at start: " + Files.readString(log));
      }
      try {
        var r =
            probe.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return p;
        }
      } catch (java.io.IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    p.destroyForcibly();
    throw new AssertionError("auction-service did not start: " + Files.readString(log));
  }

  static Connection db() throws Exception {
    return DriverManager.getConnection(
        TestStores.jdbcUrl("auction"), TestStores.pgUser(), TestStores.pgPassword());
  }

  static String openAuction() throws Exception {
    String id = "L-dur-" + UUID.randomUUID();
    Instant now = Instant.now();
    try (Connection c = db();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO auctions (listing_id, seller_id, start_price, starts_at, original_ends_at,"
                    + " ends_at, status, current_price) VALUES (?, 'alice', ?, ?, ?, ?, 'ACTIVE', ?)")) {
      ps.setString(1, id);
      ps.setLong(2, Doge.KOINU_PER_DOGE);
      ps.setTimestamp(3, Timestamp.from(now.minusSeconds(60)));
      ps.setTimestamp(4, Timestamp.from(now.plus(Duration.ofDays(1))));
      ps.setTimestamp(5, Timestamp.from(now.plus(Duration.ofDays(1))));
      ps.setLong(6, Doge.KOINU_PER_DOGE);
      ps.executeUpdate();
    }
    return id;
  }

  /** What the bidders were told: every 201 by (bidder, idempotency key) with its sequence. */
  record Acknowledged(String bidder, String key, Doge max, long sequence) {}

  /** Bids from {@link #BIDDERS} threads until {@code stop}; errors (a dead service) are normal. */
  final class Load implements AutoCloseable {
    final Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();
    final AtomicInteger failures = new AtomicInteger();
    final AtomicBoolean stop = new AtomicBoolean();
    final ExecutorService pool = Executors.newFixedThreadPool(BIDDERS);

    Load(String id) {
      for (int b = 0; b < BIDDERS; b++) {
        String bidder = "bidder" + b;
        pool.submit(
            () -> {
              while (!stop.get()) {
                String key = UUID.randomUUID().toString();
                // Rising maxima with jitter: most bids are accepted (random ones would soon all be
                // below the minimum), and arrivals out of order still exercise refusals and
                // proxies.
                Doge max =
                    Doge.ofKoinu(
                        rising.incrementAndGet() * Doge.KOINU_PER_DOGE
                            + ThreadLocalRandom.current().nextLong(0, Doge.KOINU_PER_DOGE));
                try {
                  HttpResponse<String> r = post(id, bidder, key, max);
                  if (r.statusCode() == 201) {
                    long seq = JSON.readTree(r.body()).get("sequence").asLong();
                    acknowledged.put(bidder + "/" + key, new Acknowledged(bidder, key, max, seq));
                  }
                } catch (Exception e) {
                  failures.incrementAndGet();
                  sleep(50);
                }
              }
              return null;
            });
      }
    }

    @Override
    public void close() throws Exception {
      stop.set(true);
      pool.shutdown();
      assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void aKillDashNineMidLoadLosesNoAcknowledgedBid() throws Exception {
    String id = openAuction();
    int before;
    Load load = new Load(id);
    try (load) {
      waitForAcknowledged(load, 150);
      before = load.acknowledged.size();
      service.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hooks
      service = start();
      waitForAcknowledged(load, before + 100);
    }
    assertThat(load.failures.get()).as("the kill was felt by the bidders").isPositive();
    assertEveryAcknowledgedBidIsStoredAndReplays(id, load);
  }

  @Test
  void aRedisFlushMidLoadLosesNoAcknowledgedBidAndTheHotStateComesBack() throws Exception {
    String id = openAuction();
    Load load = new Load(id);
    try (load) {
      waitForAcknowledged(load, 150);
      flushRedis();
      int after = load.acknowledged.size();
      waitForAcknowledged(load, after + 150);
    }
    assertEveryAcknowledgedBidIsStoredAndReplays(id, load);
  }

  void waitForAcknowledged(Load load, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (load.acknowledged.size() < count) {
      assertThat(System.nanoTime()).as("%d bids acknowledged in time", count).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  void assertEveryAcknowledgedBidIsStoredAndReplays(String id, Load load) throws Exception {
    Map<Long, String[]> stored = new java.util.TreeMap<>();
    Set<String> answered = ConcurrentHashMap.newKeySet();
    String leader;
    long price;
    int bidCount;
    try (Connection c = db()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT sequence, bidder_id, max_bid, price_after FROM bids WHERE listing_id = ? ORDER BY sequence")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            stored.put(
                rs.getLong(1),
                new String[] {rs.getString(2), Long.toString(rs.getLong(3)), rs.getString(4)});
          }
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT bidder_id, idempotency_key FROM bid_requests WHERE listing_id = ?"
                  + " AND answer->>'outcome' = 'ACCEPTED'")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            answered.add(rs.getString(1) + "/" + rs.getString(2));
          }
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT leader_id, current_price, bid_count FROM auctions WHERE listing_id = ?")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isTrue();
          leader = rs.getString(1);
          price = rs.getLong(2);
          bidCount = rs.getInt(3);
        }
      }
    }
    for (Acknowledged a : load.acknowledged.values()) {
      assertThat(answered)
          .as("acknowledged bid %s is stored", a)
          .contains(a.bidder() + "/" + a.key());
      String[] row = stored.get(a.sequence());
      assertThat(row).as("acknowledged sequence %d is stored", a.sequence()).isNotNull();
      assertThat(row[0]).isEqualTo(a.bidder());
      assertThat(Long.parseLong(row[1])).isEqualTo(a.max().koinu());
    }
    ProxyBiddingModelTest.Model model =
        new ProxyBiddingModelTest.Model(Doge.parse("1"), Optional.empty());
    long expected = 1;
    for (Map.Entry<Long, String[]> e : stored.entrySet()) {
      assertThat(e.getKey()).as("no gap in the sequence").isEqualTo(expected++);
      assertThat(model.bid(e.getValue()[0], Doge.ofKoinu(Long.parseLong(e.getValue()[1]))))
          .as("the model accepts bid %d", e.getKey())
          .isTrue();
      assertThat(Doge.ofKoinu(Long.parseLong(e.getValue()[2]))).isEqualTo(model.price);
    }
    assertThat(leader).isEqualTo(model.leader());
    assertThat(Doge.ofKoinu(price)).isEqualTo(model.price);
    assertThat(bidCount).isEqualTo(stored.size());

    JsonNode hot = get(id);
    assertThat(hot.get("bidCount").asInt())
        .as("hot state agrees with PostgreSQL")
        .isEqualTo(bidCount);
    assertThat(Doge.parse(hot.get("currentPrice").asString())).isEqualTo(model.price);
  }

  static void flushRedis() throws Exception {
    URI redis = URI.create(TestStores.redisUrl());
    try (Socket s = new Socket(redis.getHost(), redis.getPort())) {
      OutputStream out = s.getOutputStream();
      out.write("FLUSHALL\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] reply = new byte[5];
      assertThat(s.getInputStream().readNBytes(reply, 0, 5)).isEqualTo(5);
      assertThat(new String(reply, StandardCharsets.US_ASCII)).isEqualTo("+OK\r\n");
    }
  }

  HttpResponse<String> post(String id, String user, String key, Doge max) throws Exception {
    String path = "/api/v1/auction/auctions/" + id + "/bids";
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString("{\"maxBid\":\"" + max + "\"}"));
    Identity identity = new Identity(user, null, user, null, Set.of("USER"));
    long now = proof.now();
    request
        .header(IdentityHeaders.USER_ID, user)
        .header(IdentityHeaders.COGNITO_USERNAME, user)
        .header(IdentityHeaders.ROLES, "USER")
        .header(IdentityHeaders.PROOF_TIMESTAMP, Long.toString(now))
        .header(IdentityHeaders.PROOF_SIGNATURE, proof.sign(identity, "POST", path, now));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode get(String id) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/auction/auctions/" + id))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
