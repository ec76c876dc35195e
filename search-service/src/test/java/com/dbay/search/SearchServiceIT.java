package com.dbay.search;

import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.identity.IdentityHeaders;
import com.dbay.platform.test.TestCallers;
import com.dbay.platform.test.TestStores;
import com.dbay.search.indexing.IndexNames;
import com.dbay.search.indexing.ListingIndexer;
import com.dbay.search.indexing.OpenSearchHttp;
import com.dbay.search.listings.TitleSuggestionFeed;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the search ITs share: the service on a random port against the real stores, in indices of
 * its own (one prefix per test run), listing-service played by {@link StubListingService}, listings
 * written through the indexer's own code path, and HTTP calls with or without a gateway-proven
 * user.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class SearchServiceIT {

  protected static final String SECRET = "search-it-gateway-secret-0123456789abcdef";
  protected static final String PREFIX =
      "it-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT) + "-";
  protected static final OpenSearchHttp OPENSEARCH =
      new OpenSearchHttp(URI.create(TestStores.opensearchUrl()));

  /** Random keys of the parts search-service accepts (search-indexer, operator) and a stranger. */
  protected static final TestCallers CALLERS = TestCallers.forPart("search-service");

  @LocalServerPort protected int port;
  @Autowired protected ListingIndexer indexer;
  @Autowired protected IndexNames names;
  @Autowired protected TitleSuggestionFeed suggestionFeed;

  private final HttpClient http = HttpClient.newHttpClient();
  private final GatewayProof proof = new GatewayProof(SECRET);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestStores.ensureDatabase("search");
    registry.add("dbay.search.index-prefix", () -> PREFIX);
    registry.add("dbay.search.listing-url", () -> StubListingService.get().url());
    registry.add("dbay.identity.gateway-secret", () -> SECRET);
    registry.add("dbay.service-calls.trusted-callers-file", CALLERS::trustedCallersFile);
    // search-service's own key, for its signed calls to (the stub of) listing-service
    registry.add(
        "dbay.service-calls.own-keys-file",
        () -> StubListingService.CALLERS.ownKeysFile("search-service"));
    // Small pages, so a rebuild in a test walks several of them.
    registry.add("dbay.search.rebuild-page-size", () -> 3);
  }

  @AfterAll
  static void dropIndices() {
    OPENSEARCH.send("DELETE", PREFIX + "*", null);
  }

  public record Response(
      int status, String contentType, JsonNode json, Map<String, List<String>> headers) {
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : values.get(0);
    }
  }

  /** Headers that sign this internal call as {@code caller} (any part with a test key). */
  protected Map<String, String> signedAs(String caller, String method, String path, String body) {
    return CALLERS
        .signer(caller)
        .headers(
            method,
            URI.create("http://localhost:" + port + path),
            body == null ? new byte[0] : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  protected Response get(String path) {
    return call("GET", path, null, null, Map.of());
  }

  protected Response call(
      String method, String path, String user, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    headers.forEach(request::header);
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
      JsonNode json =
          response.body().isEmpty()
              ? OpenSearchHttp.JSON.nullNode()
              : OpenSearchHttp.JSON.readTree(response.body());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          json,
          response.headers().map());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Starts each test on a new, empty listings index (and no saved-search queries). A new index
   * rather than deleted documents: the in-memory suggestions follow the index's writes, and
   * listings are never deleted from it otherwise (an index swap is what they notice).
   */
  protected void emptyIndices() {
    OPENSEARCH.send("DELETE", names.listingsPattern(), null).orThrow("drop listings indices");
    indexer.ensureIndices();
    OPENSEARCH
        .send(
            "POST",
            names.savedSearches() + "/_delete_by_query?refresh=true&conflicts=proceed",
            OpenSearchHttp.JSON.readTree("{\"query\": {\"match_all\": {}}}"))
        .orThrow("empty saved searches");
  }

  /** Makes what was indexed searchable, and known to the in-memory suggestions. */
  protected void refresh() {
    OPENSEARCH.send("POST", names.listings() + "/_refresh", null).orThrow("refresh");
    suggestionFeed.poll();
  }

  /** A listing snapshot of the event contract. */
  protected static ObjectNode snapshot(
      String id,
      String title,
      List<Integer> categoryPath,
      String format,
      String condition,
      String price,
      String buyItNow,
      Instant endsAt,
      Map<String, String> specifics) {
    ObjectNode s = OpenSearchHttp.JSON.createObjectNode();
    s.put("listingId", id)
        .put("sellerId", "u-alice")
        .put("sellerName", "alice")
        .put("title", title)
        .put("description", "About " + title.toLowerCase(Locale.ROOT) + ", in good shape.")
        .put("categoryId", categoryPath.get(categoryPath.size() - 1));
    categoryPath.forEach(s.putArray("categoryPath")::add);
    s.put("condition", condition)
        .put("format", format)
        .put("status", "active")
        .put("price", price)
        .put("startPrice", price);
    if (buyItNow != null) {
      s.put("buyItNowPrice", buyItNow);
    }
    if (format.equals("fixed")) {
      s.put("quantity", 3);
    }
    s.put("startsAt", Instant.now().minusSeconds(3600).toString());
    if (endsAt != null) {
      s.put("endsAt", endsAt.toString());
    }
    ObjectNode spec = s.putObject("itemSpecifics");
    specifics.forEach(spec::put);
    s.put("thumbnailUrl", "https://img.dbay.dev/" + id + "/300.jpg");
    s.putArray("shipsTo").add("EU");
    s.put("shippingCost", "5.00000000");
    s.put("bidCount", 0);
    s.put("createdAt", Instant.now().minusSeconds(4000).toString());
    s.put("version", 1);
    return s;
  }
}
