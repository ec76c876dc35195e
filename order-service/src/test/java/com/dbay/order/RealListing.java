package com.dbay.order;

import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.identity.IdentityHeaders;
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
import java.util.Set;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real listing-service, started once per test JVM as its own process from its executable jar (a
 * test dependency of this module) against the run's PostgreSQL, MongoDB, Redis and Memcached,
 * trusting the same order-service key as {@link RealWallet}. Sellers list fixed-price items through
 * its public API; the checkout ITs then take units through its internal purchases endpoint, so
 * "never oversold" is proven against the listing-service itself.
 */
public final class RealListing {

  static final String GATEWAY_SECRET = "order-it-listing-gateway-secret-0123456789abcdef";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static RealListing instance;

  private final Process process;
  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final GatewayProof proof = new GatewayProof(GATEWAY_SECRET);

  public static synchronized RealListing get() {
    if (instance == null) {
      instance = new RealListing();
    }
    return instance;
  }

  /** Points the order-service under test at this listing-service. */
  public static void register(DynamicPropertyRegistry registry) {
    RealListing listing = get();
    registry.add("dbay.order.listing-url", () -> listing.base);
  }

  private RealListing() {
    try {
      TestStores.ensureDatabase("listing");
      Path trusted = Files.createTempFile("order-it-listing-trusted-", ".properties");
      Files.writeString(trusted, "order-service=" + RealWallet.get().orderKeyBase64() + "\n");
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      base = "http://127.0.0.1:" + port;
      Path log = Files.createTempFile("order-it-listing-", ".log");
      String java = ProcessHandle.current().info().command().orElse("java");
      ProcessBuilder builder =
          new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar().toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      var env = builder.environment();
      env.put("DBAY_LISTING_PORT", Integer.toString(port));
      env.put("DBAY_PG_HOST", TestStores.pgHost());
      env.put("DBAY_PG_PORT", Integer.toString(TestStores.pgPort()));
      env.put("DBAY_PG_USER", TestStores.pgUser());
      env.put("DBAY_PG_PASSWORD", TestStores.pgPassword());
      env.put("DBAY_PG_DB_PREFIX", TestStores.pgDbPrefix());
      env.put("DBAY_REDIS_URL", TestStores.redisUrl());
      env.put("DBAY_MONGO_URI", TestStores.mongoUri());
      env.put("DBAY_MEMCACHED_SERVERS", TestStores.memcachedServers());
      env.put("DBAY_GATEWAY_SECRET", GATEWAY_SECRET);
      env.put("DBAY_TRUSTED_CALLERS_FILE", trusted.toString());
      env.put("DBAY_PG_POOL_SIZE", "8");
      process = builder.start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
      long deadline = System.nanoTime() + Duration.ofSeconds(600).toNanos();
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException("listing-service exited at start-up:\n" + tail(log));
        }
        try {
          if (http.send(
                      HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                      HttpResponse.BodyHandlers.ofString())
                  .statusCode()
              == 200) {
            break;
          }
        } catch (IOException notYet) {
          // starting
        }
        if (System.nanoTime() > deadline) {
          process.destroy();
          throw new IllegalStateException("listing-service did not start:\n" + tail(log));
        }
        Thread.sleep(250);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot start listing-service", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Path jar() {
    for (String property : new String[] {"java.class.path", "surefire.test.class.path"}) {
      for (String entry : System.getProperty(property, "").split(File.pathSeparator)) {
        Path name = Path.of(entry).getFileName();
        String n = name == null ? "" : name.toString();
        if (n.startsWith("listing-service-") && n.endsWith(".jar") && !n.contains("-plain")) {
          return Path.of(entry);
        }
      }
    }
    throw new IllegalStateException(
        "listing-service's executable jar is not on the test classpath (build it: -pl order-service -am)");
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
   * A published fixed-price listing of {@code seller}: {@code quantity} stamps at {@code price}
   * DOGE, shipped by "Standard" at {@code shipping} DOGE. Answers its id.
   */
  public String fixedPrice(String seller, String price, int quantity, String shipping) {
    return fixedPrice(seller, price, quantity, shipping, false, null, null);
  }

  /**
   * Like {@link #fixedPrice(String, String, int, String)}, taking Best Offers when {@code offers},
   * with the seller's automatic accept and decline prices (null: none).
   */
  public String fixedPrice(
      String seller,
      String price,
      int quantity,
      String shipping,
      boolean offers,
      String autoAccept,
      String autoDecline) {
    long category = stamps(send("GET", "/api/v1/listing/categories", null, null).get("categories"));
    JsonNode form = send("GET", "/api/v1/listing/categories/" + category, null, null);
    ObjectNode specifics = JSON.createObjectNode();
    for (JsonNode s : form.get("specifics")) {
      if ("OPTIONAL".equals(s.get("requirement").asString())) {
        continue;
      }
      String type = s.get("type").asString();
      specifics.put(
          s.get("name").asString(),
          switch (type) {
            case "ENUM" -> s.get("allowedValues").get(0).asString();
            case "BOOLEAN" -> "true";
            case "NUMBER" -> "1";
            default -> "Test";
          });
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("title", "Order IT stamp " + System.nanoTime());
    body.put("description", "A stamp sold by the order ITs.");
    body.put("condition", "used");
    body.put("categoryId", category);
    body.set("itemSpecifics", specifics);
    body.putArray("shippingOptions").addObject().put("service", "Standard").put("cost", shipping);
    body.putArray("shipsTo").add("worldwide");
    body.put("format", "fixed");
    body.put("price", price);
    body.put("quantity", quantity);
    body.put("durationDays", 30);
    if (offers) {
      body.put("acceptsOffers", true);
      if (autoAccept != null) {
        body.put("autoAcceptPrice", autoAccept);
      }
      if (autoDecline != null) {
        body.put("autoDeclinePrice", autoDecline);
      }
    }
    String id =
        send("POST", "/api/v1/listing/listings", seller, body.toString()).get("id").asString();
    send("POST", "/api/v1/listing/listings/" + id + "/publish", seller, null);
    return id;
  }

  /** The seller ends the listing early (listing-service then publishes ListingEnded). */
  public void end(String seller, String id) {
    send("POST", "/api/v1/listing/listings/" + id + "/end", seller, null);
  }

  /** The listing as buyers see it (quantityAvailable, status). */
  public JsonNode listing(String id) {
    return send("GET", "/api/v1/listing/listings/" + id, null, null);
  }

  private static long stamps(JsonNode nodes) {
    for (JsonNode n : nodes) {
      if ("Stamps".equals(n.get("name").asString())) {
        return n.get("id").asLong();
      }
      if (n.has("children")) {
        long inner = stamps(n.get("children"));
        if (inner > 0) {
          return inner;
        }
      }
    }
    return -1;
  }

  private JsonNode send(String method, String path, String user, String body) {
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
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            "listing-service answered "
                + response.statusCode()
                + " to "
                + path
                + ": "
                + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
