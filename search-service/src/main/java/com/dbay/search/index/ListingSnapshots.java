package com.dbay.search.index;

import com.dbay.platform.starter.servicecall.ServiceCallSigningInterceptor;
import com.dbay.search.SearchProperties;
import com.dbay.search.indexing.OpenSearchHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * listing-service's internal snapshot endpoint, {@code GET
 * /api/v1/listing/internal/listings?after=&limit=}, page by page: {@code {items: [snapshot...],
 * nextCursor}} (a bare array, {@code listings} or {@code next} are read too); no next cursor or an
 * empty page ends the walk.
 */
@Component
public class ListingSnapshots {

  public record Page(List<JsonNode> items, String nextCursor) {}

  /** listing-service refused or failed the snapshot request. */
  public static class SnapshotsUnavailable extends RuntimeException {
    SnapshotsUnavailable(String message) {
      super(message);
    }
  }

  private final URI base;
  private final ServiceCallSigningInterceptor signing;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(3))
          .build();

  /** Calls are signed as search-service, the caller listing-service allows on its snapshots. */
  public ListingSnapshots(SearchProperties properties, ServiceCallSigningInterceptor signing) {
    String url = properties.listingUrl().toString();
    this.base = URI.create(url.endsWith("/") ? url : url + "/");
    this.signing = signing;
  }

  public Page page(String after, int limit) {
    String query =
        "limit="
            + limit
            + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
    URI uri = base.resolve("api/v1/listing/internal/listings?" + query);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .header("accept", "application/json");
    signing.headers("GET", uri, new byte[0]).forEach(request::header);
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("listing-service unreachable at " + base, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw new SnapshotsUnavailable(
          "listing-service answered " + response.statusCode() + " for its snapshots");
    }
    JsonNode body = OpenSearchHttp.JSON.readTree(response.body());
    JsonNode items =
        body.isArray() ? body : body.has("items") ? body.path("items") : body.path("listings");
    List<JsonNode> list = new ArrayList<>();
    items.forEach(list::add);
    JsonNode next =
        body.isArray() ? null : body.has("nextCursor") ? body.get("nextCursor") : body.get("next");
    return new Page(list, next == null || next.isNull() || list.isEmpty() ? null : next.asString());
  }
}
