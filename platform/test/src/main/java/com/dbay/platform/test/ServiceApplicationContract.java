package com.dbay.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service promises once it boots against the real stores of the environment contract: it
 * reports itself ready with each of them, exposes Prometheus metrics, answers an unknown route with
 * a problem document, and writes to and reads back from PostgreSQL and Redis. A service's {@code
 * <X>ApplicationIT} extends this (with {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}) and
 * adds the round trips of the stores only it has ({@link MongoRoundTrip}, {@link
 * MemcachedRoundTrip}, or its own).
 */
public abstract class ServiceApplicationContract {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  protected static final JsonMapper JSON = JsonMapper.builder().build();

  private final String service;
  private final List<String> readinessStores;

  @LocalServerPort protected int port;
  @Autowired protected JdbcTemplate jdbc;
  @Autowired protected PlatformTransactionManager transactions;
  @Autowired protected StringRedisTemplate redis;
  @Autowired private ApplicationContext context;

  /**
   * @param service the short name: database {@code <prefix><service>}, paths {@code
   *     /api/v1/<service>/}
   * @param extraStores readiness components beyond {@code db} and {@code redis}, e.g. {@code mongo}
   */
  protected ServiceApplicationContract(String service, String... extraStores) {
    this.service = service;
    this.readinessStores = Stream.concat(Stream.of("db", "redis"), Stream.of(extraStores)).toList();
  }

  @Test
  void isReadyWithEveryStoreItUses() throws Exception {
    HttpResponse<String> response = get("/actuator/health/readiness");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode readiness = JSON.readTree(response.body());
    assertThat(readiness.at("/status").asString()).isEqualTo("UP");
    for (String store : readinessStores) {
      assertThat(readiness.at("/components/" + store + "/status").asString())
          .as(store)
          .isEqualTo("UP");
    }
    assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
  }

  @Test
  void exposesPrometheusMetrics() throws Exception {
    HttpResponse<String> response = get("/actuator/prometheus");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("application=\"" + service + "-service\"");
  }

  @Test
  void answersAnUnknownRouteWithAProblemDocument() throws Exception {
    HttpResponse<String> response = get("/api/v1/" + service + "/no-such-thing");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(response.body()).at("/type").asString())
        .isEqualTo("https://dbay.dev/problems/not-found");
  }

  @Test
  void writesAndReadsBackFromPostgres() {
    String value =
        new TransactionTemplate(transactions)
            .execute(
                status -> {
                  jdbc.execute("CREATE TEMPORARY TABLE it_roundtrip (v TEXT) ON COMMIT DROP");
                  jdbc.update("INSERT INTO it_roundtrip (v) VALUES (?)", "round-trip");
                  return jdbc.queryForObject("SELECT v FROM it_roundtrip", String.class);
                });

    assertThat(value).isEqualTo("round-trip");
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM flyway_schema_history WHERE script LIKE 'V0_%'", Long.class))
        .as("the platform's tables are migrated")
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void writesAndReadsBackFromRedis() {
    String key = "it:" + service + ":" + UUID.randomUUID();

    redis.opsForValue().set(key, "round-trip", Duration.ofMinutes(1));

    assertThat(redis.opsForValue().get(key)).isEqualTo("round-trip");
    redis.delete(key);
  }

  public ApplicationContext context() {
    return context;
  }

  public String service() {
    return service;
  }

  protected HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
