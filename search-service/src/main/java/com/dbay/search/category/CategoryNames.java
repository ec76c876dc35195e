package com.dbay.search.category;

import com.dbay.search.SearchProperties;
import com.dbay.search.indexing.OpenSearchHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import net.rubyeye.xmemcached.MemcachedClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Names and parents of the categories, from listing-service's {@code GET
 * /api/v1/listing/categories} ({@code {categories: [{id, name, children: [...]}]}}). Kept in
 * Memcached for every instance ({@code dbay.search.category-cache-ttl}) and in memory for a few
 * seconds so a search does not pay a round trip for it. When listing-service cannot be reached the
 * facet still answers, with ids for names.
 */
@Component
public class CategoryNames {

  private static final Logger log = LoggerFactory.getLogger(CategoryNames.class);
  static final String KEY = "search:categories:v1";
  private static final Duration LOCAL = Duration.ofSeconds(15);

  public record Category(String id, String name, String parentId) {}

  private final URI endpoint;
  private final MemcachedClient memcached;
  private final int ttlSeconds;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private volatile Map<String, Category> local = Map.of();
  private volatile long localUntil;

  public CategoryNames(SearchProperties properties, ObjectProvider<MemcachedClient> memcached) {
    String base = properties.listingUrl().toString();
    this.endpoint =
        URI.create((base.endsWith("/") ? base : base + "/") + "api/v1/listing/categories");
    this.memcached = memcached.getIfAvailable();
    this.ttlSeconds = (int) Math.max(1, properties.categoryCacheTtl().toSeconds());
  }

  public Map<String, Category> all() {
    if (System.nanoTime() < localUntil) {
      return local;
    }
    Map<String, Category> loaded = load();
    local = loaded;
    localUntil = System.nanoTime() + (loaded.isEmpty() ? Duration.ofSeconds(2) : LOCAL).toNanos();
    return loaded;
  }

  public String name(String id) {
    Category c = all().get(id);
    return c == null ? id : c.name();
  }

  private Map<String, Category> load() {
    String json = null;
    if (memcached != null) {
      try {
        json = memcached.get(KEY);
      } catch (Exception e) {
        log.debug("category cache unavailable: {}", e.getMessage());
      }
    }
    if (json == null) {
      json = fetch();
      if (json != null && memcached != null) {
        try {
          memcached.set(KEY, ttlSeconds, json);
        } catch (Exception e) {
          log.debug("category cache unavailable: {}", e.getMessage());
        }
      }
    }
    return json == null ? Map.of() : parse(json);
  }

  private String fetch() {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(3)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        return response.body();
      }
      log.warn("listing-service answered {} for the category tree", response.statusCode());
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      log.warn("category tree unavailable from {}: {}", endpoint, e.getMessage());
    }
    return null;
  }

  static Map<String, Category> parse(String json) {
    JsonNode root = OpenSearchHttp.JSON.readTree(json);
    Map<String, Category> byId = new HashMap<>();
    walk(root.isArray() ? root : root.path("categories"), null, byId);
    return Map.copyOf(byId);
  }

  private static void walk(JsonNode nodes, String parent, Map<String, Category> byId) {
    for (JsonNode node : nodes) {
      String id = node.path("id").asString(null);
      if (id == null) {
        continue;
      }
      String parentId = node.hasNonNull("parentId") ? node.get("parentId").asString() : parent;
      byId.put(id, new Category(id, node.path("name").asString(id), parentId));
      walk(node.path("children"), id, byId);
    }
  }
}
