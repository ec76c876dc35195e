package com.dbay.order;

import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.identity.IdentityHeaders;
import com.dbay.platform.test.TestCallers;
import com.dbay.platform.test.TestStores;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Spring context for every order-service IT that calls over HTTP: the real PostgreSQL, the real
 * wallet-service ({@link RealWallet}) and listing-service ({@link RealListing}), the
 * internal-callers table's keys, and a {@link TestClock} the tests move (deadlines are tested by
 * moving it, never by waiting). The auto-release sweep's timer is off; tests run the sweep
 * themselves.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "dbay.identity.gateway-secret=" + OrderServiceIT.SECRET,
      "dbay.order.auto-release-interval=0s"
    })
@Import(OrderServiceIT.Clocks.class)
public abstract class OrderServiceIT {

  public static final String SECRET = "order-service-it-secret-0123456789abcdef";
  public static final TestCallers CALLERS = TestCallers.forPart("order-service");

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) {
    TestStores.ensureDatabase("order");
    registry.add("dbay.service-calls.trusted-callers-file", CALLERS::trustedCallersFile);
    RealWallet.register(registry);
    RealListing.register(registry);
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class Clocks {
    @Bean
    @Primary
    TestClock testClock() {
      return new TestClock();
    }
  }

  /** The system clock plus an offset the tests move forward (and back to zero). */
  public static final class TestClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public void advance(Duration by) {
      offset.accumulateAndGet(by, Duration::plus);
    }

    public void reset() {
      offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @LocalServerPort protected int port;
  @Autowired protected JdbcTemplate jdbc;
  @Autowired protected JsonMapper json;
  @Autowired protected TestClock clock;

  protected final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  protected final GatewayProof proof = new GatewayProof(SECRET);
  protected final RealWallet wallet = RealWallet.get();
  protected final RealListing listings = RealListing.get();

  public record Response(int status, String contentType, JsonNode json) {}

  /** A part's signed call to an internal endpoint. */
  protected Response internal(String caller, String method, String path, String body)
      throws Exception {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    URI uri = URI.create("http://localhost:" + port + path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
    CALLERS.signer(caller).headers(method, uri, bytes).forEach(request::header);
    return send(request.build());
  }

  /** A user's call through the gateway (its identity headers and proof). */
  protected Response call(
      String method, String pathAndQuery, String user, String role, String body, String key)
      throws Exception {
    URI uri = URI.create("http://localhost:" + port + pathAndQuery);
    Identity identity = new Identity(user, null, user, null, Set.of(role));
    long now = proof.now();
    String target = GatewayProof.target(uri.getRawPath(), uri.getRawQuery());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header(IdentityHeaders.USER_ID, user)
            .header(IdentityHeaders.COGNITO_USERNAME, user)
            .header(IdentityHeaders.ROLES, role)
            .header(IdentityHeaders.PROOF_TIMESTAMP, Long.toString(now))
            .header(IdentityHeaders.PROOF_SIGNATURE, proof.sign(identity, method, target, now))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return send(request.build());
  }

  protected Response get(String pathAndQuery, String user, String role) throws Exception {
    return call("GET", pathAndQuery, user, role, null, null);
  }

  protected Response post(String path, String user, String body) throws Exception {
    return call("POST", path, user, "USER", body, UUID.randomUUID().toString());
  }

  protected int anonymous(String pathAndQuery) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  protected Response send(HttpRequest request) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Response(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body()));
  }

  protected int outboxCount(String detailType, String orderId) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM platform_outbox WHERE detail_type = ? AND detail LIKE ?",
        Integer.class,
        detailType,
        "%" + orderId + "%");
  }
}
