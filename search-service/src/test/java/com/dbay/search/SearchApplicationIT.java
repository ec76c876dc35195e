package com.dbay.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.test.TestStores;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import net.rubyeye.xmemcached.MemcachedClient;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Refresh;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search service boots against the real stores of the environment contract, reports itself ready
 * with each of them, and can write to and read back from each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchApplicationIT {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired StringRedisTemplate redis;
  @Autowired MemcachedClient memcached;
  @Autowired OpenSearchClient opensearch;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestStores.ensureDatabase("search");
  }

  @Test
  void isReadyWithEveryStoreItUses() throws Exception {
    HttpResponse<String> response = get("/actuator/health/readiness");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode readiness = JSON.readTree(response.body());
    assertThat(readiness.at("/status").asString()).isEqualTo("UP");
    assertThat(readiness.at("/components/db/status").asString()).as("db").isEqualTo("UP");
    assertThat(readiness.at("/components/redis/status").asString()).as("redis").isEqualTo("UP");
    assertThat(readiness.at("/components/opensearch/status").asString()).as("opensearch").isEqualTo("UP");
    assertThat(readiness.at("/components/memcached/status").asString()).as("memcached").isEqualTo("UP");
    assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
  }

  @Test
  void exposesPrometheusMetrics() throws Exception {
    HttpResponse<String> response = get("/actuator/prometheus");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("application=\"search-service\"");
  }

  @Test
  void answersAnUnknownRouteWithAProblemDocument() throws Exception {
    HttpResponse<String> response = get("/api/v1/search/no-such-thing");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(response.body()).at("/type").asString()).isEqualTo("https://dbay.dev/problems/not-found");
  }

  @Test
  void writesAndReadsBackFromPostgres() {
    String value = new TransactionTemplate(transactions).execute(status -> {
      jdbc.execute("CREATE TEMPORARY TABLE it_roundtrip (v TEXT) ON COMMIT DROP");
      jdbc.update("INSERT INTO it_roundtrip (v) VALUES (?)", "round-trip");
      return jdbc.queryForObject("SELECT v FROM it_roundtrip", String.class);
    });

    assertThat(value).isEqualTo("round-trip");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE script LIKE 'V0_%'", Long.class))
        .as("the platform's tables are migrated").isGreaterThanOrEqualTo(2);
  }

  @Test
  void writesAndReadsBackFromRedis() {
    String key = "it:search:" + UUID.randomUUID();

    redis.opsForValue().set(key, "round-trip", Duration.ofMinutes(1));

    assertThat(redis.opsForValue().get(key)).isEqualTo("round-trip");
    redis.delete(key);
  }

  @Test
  void writesAndReadsBackFromMemcached() throws Exception {
    String key = "it-search-" + UUID.randomUUID();

    assertThat(memcached.set(key, 60, "round-trip")).isTrue();
    assertThat(memcached.<String>get(key)).isEqualTo("round-trip");
    memcached.delete(key);
  }

  @Test
  void indexesAndReadsBackFromOpenSearch() throws Exception {
    String index = "it-search-" + UUID.randomUUID();
    try {
      opensearch.index(i -> i.index(index).id("probe").document(Map.of("title", "round-trip")).refresh(Refresh.True));

      var found = opensearch.get(g -> g.index(index).id("probe"), Map.class);

      assertThat(found.found()).isTrue();
      assertThat(found.source()).containsEntry("title", "round-trip");
    } finally {
      opensearch.indices().delete(d -> d.index(index));
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
