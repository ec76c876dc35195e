package com.dbay.platform.starter.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.problem.ProblemTypes;
import com.dbay.platform.starter.support.Http;
import com.dbay.platform.starter.support.PlatformIntegrationTestBase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code @Idempotent} against a real PostgreSQL: the first result is the only result. */
class IdempotencyIT extends PlatformIntegrationTestBase {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  Http http;
  String bidder;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    bidder = "u-" + UUID.randomUUID();
  }

  @Test
  void aRepeatedRequestGetsTheFirstResponseWithoutRunningAgain() {
    String key = UUID.randomUUID().toString();

    HttpResponse<String> first = bid(key, "1.5", bidder, 0);
    HttpResponse<String> second = bid(key, "1.5", bidder, 0);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(second.statusCode()).isEqualTo(201);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(first.body()).contains("\"amount\":\"1.50000000\"");
    assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(bidsBy(bidder)).isEqualTo(1);
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefusedWith422() {
    String key = UUID.randomUUID().toString();
    bid(key, "1.5", bidder, 0);

    HttpResponse<String> other = bid(key, "2", bidder, 0);

    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(other.body()).contains(ProblemTypes.IDEMPOTENCY_KEY_REUSED.toString());
    assertThat(bidsBy(bidder)).isEqualTo(1);
  }

  @Test
  void aMissingOrInvalidKeyIsABadRequest() {
    HttpResponse<String> missing =
        http.postJson("/it/bids", "{\"amount\":\"1\"}", Map.of("X-User-ID", bidder));
    HttpResponse<String> invalid = bid("has spaces in it", "1", bidder, 0);

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains(ProblemTypes.IDEMPOTENCY_KEY_REQUIRED.toString());
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(bidsBy(bidder)).isZero();
  }

  @Test
  void keysAreScopedPerUser() {
    String key = UUID.randomUUID().toString();
    String otherBidder = "u-" + UUID.randomUUID();

    HttpResponse<String> mine = bid(key, "1", bidder, 0);
    HttpResponse<String> theirs = bid(key, "1", otherBidder, 0);

    assertThat(mine.statusCode()).isEqualTo(201);
    assertThat(theirs.statusCode()).isEqualTo(201);
    assertThat(theirs.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(bidsBy(bidder)).isEqualTo(1);
    assertThat(bidsBy(otherBidder)).isEqualTo(1);
  }

  @Test
  void concurrentDuplicatesRunOnceAndAllSeeTheSameResult() throws Exception {
    String key = UUID.randomUUID().toString();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(() -> bid(key, "3", bidder, 300));
      }
      List<HttpResponse<String>> responses = new ArrayList<>();
      for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
        responses.add(f.get());
      }

      assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
      assertThat(responses)
          .extracting(HttpResponse::body)
          .containsOnly(responses.getFirst().body());
      assertThat(bidsBy(bidder)).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void
      aDuplicateThatWaitedLongerThanAllowedForTheFirstIsToldItIsInProgressAndTheFirstStillRunsOnce()
          throws Exception {
    String key = UUID.randomUUID().toString();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      // The first holds its claim for longer than a duplicate waits
      // (dbay.idempotency.wait-for-in-progress=10s here).
      Future<HttpResponse<String>> first = pool.submit(() -> bid(key, "4", bidder, 13_000));
      Thread.sleep(1_000);

      HttpResponse<String> duplicate = bid(key, "4", bidder, 0);

      assertThat(duplicate.statusCode()).as(duplicate.body()).isEqualTo(409);
      assertThat(duplicate.body()).contains(ProblemTypes.IDEMPOTENCY_KEY_IN_PROGRESS.toString());
      assertThat(first.get().statusCode()).isEqualTo(201);
      HttpResponse<String> later = bid(key, "4", bidder, 0);
      assertThat(later.headers().firstValue("Idempotent-Replayed")).hasValue("true");
      assertThat(bidsBy(bidder)).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aServerErrorGivesTheKeyBackSoTheRetryRuns() {
    String key = UUID.randomUUID().toString();
    Map<String, String> headers = Map.of("Idempotency-Key", key, "X-User-ID", bidder);

    HttpResponse<String> failed = http.postJson("/it/flaky", "{}", headers);
    HttpResponse<String> retried = http.postJson("/it/flaky", "{}", headers);
    HttpResponse<String> replayed = http.postJson("/it/flaky", "{}", headers);

    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(replayed.body()).isEqualTo(retried.body());
    assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(retried.body()).contains("\"attempts\":2");
    assertThat(bidsBy(bidder))
        .as("the failed attempt's write was rolled back with its claim")
        .isEqualTo(1);
  }

  @Test
  void aRefusalIsRememberedLikeASuccess() {
    String key = UUID.randomUUID().toString();
    Map<String, String> headers = Map.of("Idempotency-Key", key, "X-User-ID", bidder);

    HttpResponse<String> first = http.postJson("/it/refused", "{}", headers);
    HttpResponse<String> again = http.postJson("/it/refused", "{}", headers);

    assertThat(first.statusCode()).isEqualTo(409);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
  }

  @Test
  void anInvalidBodyIsRefusedWithoutWritingAnything() {
    HttpResponse<String> invalid = bid(UUID.randomUUID().toString(), "0.001", bidder, 0);

    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).contains(ProblemTypes.VALIDATION.toString());
    assertThat(bidsBy(bidder)).isZero();
  }

  private HttpResponse<String> bid(String key, String amount, String user, long slowMillis) {
    return http.postJson(
        "/it/bids",
        "{\"amount\":\"" + amount + "\"}",
        Map.of(
            "Idempotency-Key", key, "X-User-ID", user, "X-Slow-Millis", Long.toString(slowMillis)));
  }

  private long bidsBy(String bidder) {
    return jdbc.queryForObject("SELECT count(*) FROM it_bids WHERE bidder = ?", Long.class, bidder);
  }
}
