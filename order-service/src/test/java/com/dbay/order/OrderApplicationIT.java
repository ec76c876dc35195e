package com.dbay.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.test.TestStores;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The order service boots against the real stores of the environment contract, reports itself ready
 * with each of them, and can write to and read back from each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrderApplicationIT {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired StringRedisTemplate redis;
  @Autowired MongoTemplate mongo;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestStores.ensureDatabase("order");
  }

  @Test
  void isReadyWithEveryStoreItUses() throws Exception {
    HttpResponse<String> response = get("/actuator/health/readiness");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode readiness = JSON.readTree(response.body());
    assertThat(readiness.at("/status").asString()).isEqualTo("UP");
    assertThat(readiness.at("/components/db/status").asString()).as("db").isEqualTo("UP");
    assertThat(readiness.at("/components/redis/status").asString()).as("redis").isEqualTo("UP");
    assertThat(readiness.at("/components/mongo/status").asString()).as("mongo").isEqualTo("UP");
    assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
  }

  @Test
  void exposesPrometheusMetrics() throws Exception {
    HttpResponse<String> response = get("/actuator/prometheus");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("application=\"order-service\"");
  }

  @Test
  void answersAnUnknownRouteWithAProblemDocument() throws Exception {
    HttpResponse<String> response = get("/api/v1/order/no-such-thing");

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
    String key = "it:order:" + UUID.randomUUID();

    redis.opsForValue().set(key, "round-trip", Duration.ofMinutes(1));

    assertThat(redis.opsForValue().get(key)).isEqualTo("round-trip");
    redis.delete(key);
  }

  @Test
  void writesAndReadsBackFromMongo() {
    String id = UUID.randomUUID().toString();
    mongo.insert(new Document("_id", id).append("probe", "round-trip"), "it_roundtrip");

    Document found = mongo.findById(id, Document.class, "it_roundtrip");

    assertThat(found).isNotNull();
    assertThat(found.getString("probe")).isEqualTo("round-trip");
    assertThat(mongo.getDb().getName()).isEqualTo("dbay_order");
    mongo.remove(found, "it_roundtrip");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
