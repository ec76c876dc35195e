package com.dbay.search.indexing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports matches to search-service's internal endpoint (never routed by the gateway), as the part
 * {@code search-indexer}.
 */
public final class HttpSavedSearchMatches implements SavedSearchMatches {

  static final String PATH = "api/v1/search/internal/saved-search-matches";
  public static final String CALLER_HEADER = "X-Caller-Service";
  public static final String TOKEN_HEADER = "X-Internal-Token";

  private final URI endpoint;
  private final String token;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  public HttpSavedSearchMatches(URI searchService, String token) {
    String base = searchService.toString();
    this.endpoint = URI.create((base.endsWith("/") ? base : base + "/") + PATH);
    this.token = token == null ? "" : token;
  }

  public static HttpSavedSearchMatches fromEnvironment() {
    String url = System.getenv("DBAY_SEARCH_URL");
    return new HttpSavedSearchMatches(
        URI.create(url == null || url.isBlank() ? "http://127.0.0.1:8011" : url),
        System.getenv("DBAY_SEARCH_INTERNAL_TOKEN"));
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
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(10))
            .header("content-type", "application/json")
            .header(CALLER_HEADER, "search-indexer")
            .POST(
                HttpRequest.BodyPublishers.ofString(OpenSearchHttp.JSON.writeValueAsString(body)));
    if (!token.isEmpty()) {
      request.header(TOKEN_HEADER, token);
    }
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
