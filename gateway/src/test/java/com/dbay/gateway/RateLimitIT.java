package com.dbay.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.problem.ProblemTypes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RateLimitIT {

  static final String SECRET = "rate-limit-it-secret-0123456789abcdefghij";
  static final Tokens TOKENS = new Tokens();
  static final StubServices STUB = StubServices.trusting(SECRET, TOKENS);
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired ReactiveStringRedisTemplate redis;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    GatewayTestConfig.common(registry, STUB, SECRET);
    registry.add("dbay.gateway.rate-limits.login.per-minute", () -> "6");
    registry.add("dbay.gateway.rate-limits.login.burst", () -> "5");
    registry.add("dbay.gateway.rate-limits.bids.per-minute", () -> "60");
    registry.add("dbay.gateway.rate-limits.bids.burst", () -> "3");
  }

  @AfterAll
  static void stop() {
    STUB.close();
  }

  @BeforeEach
  void emptyTheBuckets() {
    redis
        .scan(ScanOptions.scanOptions().match("request_rate_limiter.*").count(1000).build())
        .flatMap(redis::delete)
        .blockLast();
  }

  HttpResponse<String> post(String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"username\":\"alice\",\"password\":\"guess\"}"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void loginBruteForceHitsTheRateLimitWithRetryAfter() throws Exception {
    List<Integer> statuses = new ArrayList<>();
    HttpResponse<String> last = null;
    for (int i = 0; i < 8; i++) {
      last = post("/api/v1/user/login/", null);
      statuses.add(last.statusCode());
    }

    assertThat(statuses.subList(0, 5)).containsOnly(200);
    assertThat(statuses.subList(5, 8)).containsOnly(429);
    assertThat(last.headers().firstValue("Retry-After")).hasValue("10");
  }

  @Test
  void bidsAreLimitedPerUserSoOneUserCannotStarveAnother() throws Exception {
    String alice = TOKENS.valid("bidder-a");
    String bob = TOKENS.valid("bidder-b");
    List<Integer> aliceStatuses = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      aliceStatuses.add(post("/api/v1/auction/auctions/42/bids", alice).statusCode());
    }
    HttpResponse<String> bobs = post("/api/v1/auction/auctions/42/bids", bob);

    assertThat(aliceStatuses).contains(429);
    assertThat(bobs.statusCode()).isEqualTo(200);
  }

  @Test
  void aRefusedRequestIsAProblemJsonAnswerWithRetryAfter() throws Exception {
    String carol = TOKENS.valid("bidder-" + UUID.randomUUID());
    HttpResponse<String> refused = null;
    for (int i = 0; i < 10 && refused == null; i++) {
      HttpResponse<String> r = post("/api/v1/auction/auctions/7/bids", carol);
      if (r.statusCode() == 429) {
        refused = r;
      }
    }

    assertThat(refused).as("a burst over the bids limit is refused").isNotNull();
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(refused.body())
        .contains("\"type\":\"" + ProblemTypes.BASE + "rate-limited\"")
        .contains("\"status\":429");
  }

  @Test
  void theLimitDoesNotApplyToOrdinaryReadsAtThatRate() throws Exception {
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/api/v1/listing/listings"))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
    }
  }
}
