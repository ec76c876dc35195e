package com.dbay.listing.support;

import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.identity.IdentityHeaders;
import com.dbay.platform.test.TestCallers;
import com.dbay.platform.test.TestStores;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The listing service on a random port against the real stores of the environment contract (and the
 * S3-compatible store), called over HTTP as the gateway would call it: with signed identity
 * headers.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "dbay.listing.clock-interval=1h",
      "dbay.identity.gateway-secret=" + ListingServiceIT.GATEWAY_SECRET
    })
public abstract class ListingServiceIT {

  /**
   * Its own proof key: the test run exports a random DBAY_GATEWAY_SECRET, and no test may use the
   * committed one.
   */
  static final String GATEWAY_SECRET = "listing-it-gateway-secret-0123456789abcdef";

  /** Random keys of the parts listing-service accepts on its internal endpoints, and a stranger. */
  public static final TestCallers CALLERS = TestCallers.forPart("listing-service");

  protected static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final GatewayProof PROOF = new GatewayProof(GATEWAY_SECRET);

  @LocalServerPort protected int port;
  @Autowired protected JdbcTemplate jdbc;

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) {
    TestStores.ensureDatabase("listing");
    registry.add("dbay.service-calls.trusted-callers-file", CALLERS::trustedCallersFile);
    String s3 = System.getenv("DBAY_S3_ENDPOINT");
    if (s3 == null || s3.isBlank()) {
      throw new IllegalStateException(
          "DBAY_S3_ENDPOINT is not set: run the tests with ./dbay test, which starts s3proxy");
    }
  }

  /** A user with a fresh id, so tests never see each other's data. */
  protected static Identity user(String name) {
    return new Identity(
        UUID.randomUUID().toString(),
        "",
        name + "-" + UUID.randomUUID().toString().substring(0, 6),
        "",
        Set.of("USER"));
  }

  protected static Identity admin() {
    return new Identity(UUID.randomUUID().toString(), "", "admin", "", Set.of("USER", "ADMIN"));
  }

  public record Answer(int status, String body, Map<String, List<String>> headers) {
    public JsonNode json() {
      return JSON.readTree(body);
    }

    public String contentType() {
      return headers.getOrDefault("content-type", List.of("")).getFirst();
    }
  }

  protected Answer get(String path, Identity as) {
    return send("GET", path, null, as, Map.of());
  }

  protected Answer post(String path, Object body, Identity as) {
    return send("POST", path, body, as, Map.of());
  }

  protected Answer put(String path, Object body, Identity as) {
    return send("PUT", path, body, as, Map.of());
  }

  protected Answer delete(String path, Identity as) {
    return send("DELETE", path, null, as, Map.of());
  }

  /** Headers that sign this internal call as {@code caller}; {@code body} exactly as sent. */
  protected Map<String, String> signedAs(String caller, String method, String path, String body) {
    return CALLERS
        .signer(caller)
        .headers(
            method,
            URI.create("http://127.0.0.1:" + port + path),
            body == null ? new byte[0] : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  protected Answer send(
      String method, String path, Object body, Identity as, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30));
    if (as != null) {
      long now = PROOF.now();
      URI target = URI.create(path);
      request
          .header(IdentityHeaders.USER_ID, as.userId())
          .header(IdentityHeaders.COGNITO_USERNAME, as.username())
          .header(IdentityHeaders.ROLES, String.join(",", as.roles()))
          .header(IdentityHeaders.PROOF_TIMESTAMP, String.valueOf(now))
          .header(
              IdentityHeaders.PROOF_SIGNATURE,
              PROOF.sign(
                  as, method, GatewayProof.target(target.getRawPath(), target.getRawQuery()), now));
    }
    headers.forEach(request::header);
    if (body != null) {
      request.header("Content-Type", "application/json");
      request.method(
          method,
          HttpRequest.BodyPublishers.ofString(
              body instanceof String s ? s : JSON.writeValueAsString(body)));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), response.headers().map());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The events this service wrote to its outbox for a listing, oldest first: [detail-type, detail].
   */
  protected List<Map.Entry<String, JsonNode>> events(String listingId) {
    return jdbc.query(
        "select detail_type, detail from platform_outbox where detail like ? order by seq",
        (rs, n) -> Map.entry(rs.getString(1), JSON.readTree(rs.getString(2))),
        "%" + listingId + "%");
  }

  protected long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  /** A valid auction in "Cell Phones & Smartphones" (id 3: Brand and Model required). */
  protected static Map<String, Object> phoneAuction() {
    Map<String, Object> form = new java.util.LinkedHashMap<>();
    form.put("title", "iPhone 15 Pro 256 GB, natural titanium");
    form.put("description", "Used for a year, always in a case. Battery health 91%.");
    form.put("condition", "used");
    form.put("categoryId", 3);
    form.put(
        "itemSpecifics",
        Map.of("Brand", "Apple", "Model", "iPhone 15 Pro", "Storage Capacity", "256 gb"));
    form.put("format", "auction");
    form.put("startPrice", "100");
    form.put("reservePrice", "250.5");
    form.put("buyItNowPrice", "400");
    form.put("durationDays", 7);
    form.put(
        "shippingOptions",
        List.of(
            Map.of("service", "Standard", "cost", "5.5"),
            Map.of("service", "Express", "cost", "12")));
    form.put("shipsTo", List.of("europe", "US"));
    return form;
  }

  protected static Map<String, Object> with(Map<String, Object> form, String key, Object value) {
    Map<String, Object> copy = new java.util.LinkedHashMap<>(form);
    if (value == null) {
      copy.remove(key);
    } else {
      copy.put(key, value);
    }
    return copy;
  }

  protected String createDraft(Map<String, Object> form, Identity seller) {
    Answer created = post("/api/v1/listing/listings", form, seller);
    if (created.status() != 201) {
      throw new AssertionError("draft not created: " + created.status() + " " + created.body());
    }
    return created.json().path("id").asString();
  }

  protected String createPublished(Map<String, Object> form, Identity seller) {
    String id = createDraft(form, seller);
    Answer published = post("/api/v1/listing/listings/" + id + "/publish", null, seller);
    if (published.status() != 200) {
      throw new AssertionError("not published: " + published.status() + " " + published.body());
    }
    return id;
  }
}
