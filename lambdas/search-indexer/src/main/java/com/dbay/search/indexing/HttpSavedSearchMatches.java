package com.dbay.search.indexing;

import com.dbay.platform.servicecall.ServiceCallSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reports matches to search-service's internal endpoint (never routed by the gateway), as the part
 * {@code search-indexer}.
 */
public final class HttpSavedSearchMatches implements SavedSearchMatches {

  static final String PATH = "api/v1/search/internal/saved-search-matches";

  /** The part search-service allows on the endpoint (dbay/internal-endpoints.tsv). */
  public static final String CALLER = "search-indexer";

  private final URI endpoint;
  private final Supplier<ServiceCallSigner> signer;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(3))
          .build();

  public HttpSavedSearchMatches(URI searchService, Supplier<ServiceCallSigner> signer) {
    String base = searchService.toString();
    this.endpoint = URI.create((base.endsWith("/") ? base : base + "/") + PATH);
    this.signer = signer;
  }

  public static HttpSavedSearchMatches fromEnvironment() {
    String url = System.getenv("DBAY_SEARCH_URL");
    return new HttpSavedSearchMatches(
        URI.create(url == null || url.isBlank() ? "http://127.0.0.1:8011" : url),
        ServiceCallSigner.fromEnvironment(CALLER));
  }

  @Override
  public void report(String listingId, String title, List<String> savedSearchIds) {
    if (savedSearchIds.isEmpty()) {
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("listingId", listingId);
    body.put("title", title);
    body.put("savedSearchIds", savedSearchIds);
    String json = OpenSearchHttp.JSON.writeValueAsString(body);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(10))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    signer
        .get()
        .headers("POST", endpoint, json.getBytes(StandardCharsets.UTF_8))
        .forEach(request::header);
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        // Failing the function makes the bus deliver the event again; the report is idempotent.
        throw new IllegalStateException(
            "search-service refused saved-search matches of "
                + listingId
                + ": "
                + response.statusCode()
                + " "
                + response.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("search-service unreachable at " + endpoint, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
