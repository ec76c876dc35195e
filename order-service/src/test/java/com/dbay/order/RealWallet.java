package com.dbay.order;

import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.identity.IdentityHeaders;
import com.dbay.platform.money.Doge;
import com.dbay.platform.servicecall.ServiceCallSigner;
import com.dbay.platform.test.TestStores;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real wallet-service, started once per test JVM as its own process from its executable jar (a
 * test dependency of this module) against the run's PostgreSQL and Redis, trusting this module's
 * order-service key (auction-service's RealWallet, for order-service). Buyers are funded the way
 * the chain funds them (a deposit seen and confirmed through the wallet's internal deposit
 * endpoints); balances, holds and escrows are read back through the wallet's own API, so the order
 * ITs prove the money against the wallet itself, not a stand-in.
 */
public final class RealWallet {

  static final String GATEWAY_SECRET = "order-it-wallet-gateway-secret-0123456789abcdef";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static RealWallet instance;

  private final Process process;
  private final String base;
  private final byte[] orderKey = randomKey();
  private final byte[] watcherKey = randomKey();
  private final Path ownKeys;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final GatewayProof proof = new GatewayProof(GATEWAY_SECRET);

  public static synchronized RealWallet get() {
    if (instance == null) {
      instance = new RealWallet();
    }
    return instance;
  }

  /** Points the order-service under test at this wallet, signing as order-service. */
  public static void register(DynamicPropertyRegistry registry) {
    RealWallet wallet = get();
    registry.add("dbay.order.wallet-url", () -> wallet.base);
    registry.add("dbay.service-calls.own-keys-file", () -> wallet.ownKeys.toString());
  }

  /** order-service's key (base64), for another real part (RealListing) to trust. */
  String orderKeyBase64() {
    return Base64.getEncoder().encodeToString(orderKey);
  }

  private RealWallet() {
    try {
      TestStores.ensureDatabase("wallet");
      Path trusted = Files.createTempFile("order-it-wallet-trusted-", ".properties");
      Files.writeString(
          trusted,
          "order-service="
              + Base64.getEncoder().encodeToString(orderKey)
              + "\ndeposit-watcher="
              + Base64.getEncoder().encodeToString(watcherKey)
              + "\n");
      ownKeys = Files.createTempFile("order-it-own-keys-", ".properties");
      Files.writeString(
          ownKeys, "order-service=" + Base64.getEncoder().encodeToString(orderKey) + "\n");
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      base = "http://127.0.0.1:" + port;
      Path log = Files.createTempFile("order-it-wallet-", ".log");
      String java = ProcessHandle.current().info().command().orElse("java");
      ProcessBuilder builder =
          new ProcessBuilder(
                  java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", walletJar().toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      var env = builder.environment();
      env.put("DBAY_WALLET_PORT", Integer.toString(port));
      env.put("DBAY_PG_HOST", TestStores.pgHost());
      env.put("DBAY_PG_PORT", Integer.toString(TestStores.pgPort()));
      env.put("DBAY_PG_USER", TestStores.pgUser());
      env.put("DBAY_PG_PASSWORD", TestStores.pgPassword());
      env.put("DBAY_PG_DB_PREFIX", TestStores.pgDbPrefix());
      env.put("DBAY_REDIS_URL", TestStores.redisUrl());
      env.put("DBAY_GATEWAY_SECRET", GATEWAY_SECRET);
      env.put("DBAY_TRUSTED_CALLERS_FILE", trusted.toString());
      env.put("DBAY_DOGE_RPC_URL", "");
      // fund() reports made-up deposits and there is no node here to check them against: the
      // wallet's chain check (on by default, proven in wallet-service's ReportedDepositsIT) is off.
      env.put("DBAY_WALLET_CHAIN_VERIFYREPORTEDDEPOSITS", "false");
      env.put("DBAY_WALLET_HOT_WALLET", "false");
      env.put("DBAY_PG_POOL_SIZE", "8");
      process = builder.start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
      // Generous: on a loaded shared machine the wallet has been seen to need over three minutes.
      long deadline = System.nanoTime() + Duration.ofSeconds(600).toNanos();
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException("wallet-service exited at start-up:\n" + tail(log));
        }
        try {
          HttpResponse<String> health =
              http.send(
                  HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                  HttpResponse.BodyHandlers.ofString());
          if (health.statusCode() == 200) {
            break;
          }
        } catch (IOException notYet) {
          // starting
        }
        if (System.nanoTime() > deadline) {
          process.destroy();
          throw new IllegalStateException("wallet-service did not start:\n" + tail(log));
        }
        Thread.sleep(250);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot start wallet-service", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Path walletJar() {
    String configured = System.getProperty("dbay.it.wallet-jar");
    if (configured != null) {
      return Path.of(configured);
    }
    for (String property : new String[] {"java.class.path", "surefire.test.class.path"}) {
      String cp = System.getProperty(property, "");
      for (String entry : cp.split(File.pathSeparator)) {
        String name =
            Path.of(entry).getFileName() == null ? "" : Path.of(entry).getFileName().toString();
        if (name.startsWith("wallet-service-")
            && name.endsWith(".jar")
            && !name.contains("-plain")) {
          return Path.of(entry);
        }
      }
    }
    throw new IllegalStateException(
        "wallet-service's executable jar is not on the test classpath (build it: -pl order-service -am)");
  }

  private static String tail(Path log) {
    try {
      String text = Files.readString(log);
      return text.substring(Math.max(0, text.length() - 4000));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  /**
   * Gives the user {@code doge} spendable DOGE: a deposit to their address, seen and confirmed (60
   * confirmations: deep enough for any amount under the wallet's policy).
   */
  public void fund(String userId, long doge) {
    String address =
        send("GET", "/api/v1/wallet/deposit-address", userId, null, null).get("address").asString();
    byte[] txidBytes = new byte[32];
    ThreadLocalRandom.current().nextBytes(txidBytes);
    String txid = HexFormat.of().formatHex(txidBytes);
    send(
        "POST",
        "/api/v1/wallet/internal/deposits",
        null,
        watcherKey,
        "{\"txid\":\""
            + txid
            + "\",\"vout\":0,\"address\":\""
            + address
            + "\",\"amount\":\""
            + doge
            + "\",\"blockHash\":\"b\",\"blockHeight\":1}");
    send(
        "POST",
        "/api/v1/wallet/internal/deposits/" + txid + "/0/confirmations",
        null,
        watcherKey,
        "{\"confirmations\":60}");
  }

  /** What the wallet holds for the user under the reference (zero when no open hold). */
  public Doge held(String userId, String reference) {
    HttpResponse<String> response =
        raw(
            "GET",
            "/api/v1/wallet/internal/holds/" + userId + "/" + reference,
            null,
            orderKey,
            null);
    if (response.statusCode() == 404) {
      return Doge.ZERO;
    }
    JsonNode hold = check(response);
    return "OPEN".equals(hold.get("status").asString())
        ? Doge.parse(hold.get("amount").asString())
        : Doge.ZERO;
  }

  /** The user's balances: available, held, escrow (DOGE strings). */
  public JsonNode balance(String userId) {
    return send("GET", "/api/v1/wallet/balance", userId, null, null);
  }

  public Doge available(String userId) {
    return Doge.parse(balance(userId).get("available").asString());
  }

  /**
   * Funds the order's escrow from the buyer's available balance, as auction settlement does after
   * creating an auction's order (signed as order-service, which may fund escrows too).
   */
  public void fundEscrow(String orderId, String buyerId, String sellerId, String amount) {
    send(
        "POST",
        "/api/v1/wallet/internal/escrows",
        null,
        orderKey,
        "{\"orderId\":\""
            + orderId
            + "\",\"buyerId\":\""
            + buyerId
            + "\",\"sellerId\":\""
            + sellerId
            + "\",\"amount\":\""
            + amount
            + "\"}");
  }

  /** The order's escrow as the wallet has it (status, sellerPayout, fee, buyerRefund). */
  public JsonNode escrow(String orderId) {
    return send("GET", "/api/v1/wallet/internal/escrows/" + orderId, null, orderKey, null);
  }

  private JsonNode send(String method, String path, String user, byte[] key, String body) {
    return check(raw(method, path, user, key, body));
  }

  private static JsonNode check(HttpResponse<String> response) {
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          "wallet answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> raw(
      String method, String path, String user, byte[] key, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (user != null) {
      Identity identity = new Identity(user, null, user, null, Set.of("USER"));
      long now = proof.now();
      request
          .header(IdentityHeaders.USER_ID, user)
          .header(IdentityHeaders.COGNITO_USERNAME, user)
          .header(IdentityHeaders.ROLES, "USER")
          .header(IdentityHeaders.PROOF_TIMESTAMP, Long.toString(now))
          .header(IdentityHeaders.PROOF_SIGNATURE, proof.sign(identity, method, path, now));
    }
    if (key != null) {
      String caller = key == orderKey ? "order-service" : "deposit-watcher";
      new ServiceCallSigner(caller, key, Clock.systemUTC())
          .headers(
              method,
              URI.create(base + path),
              body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8))
          .forEach(request::header);
      request.header("Idempotency-Key", UUID.randomUUID().toString());
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
