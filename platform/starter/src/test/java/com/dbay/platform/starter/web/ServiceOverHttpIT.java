package com.dbay.platform.starter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.problem.ProblemTypes;
import com.dbay.platform.starter.support.Http;
import com.dbay.platform.starter.support.PlatformIntegrationTestBase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What every service gets from the starter, seen over real HTTP with real PostgreSQL and Redis. */
@ExtendWith(OutputCaptureExtension.class)
class ServiceOverHttpIT extends PlatformIntegrationTestBase {

  @LocalServerPort int port;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void healthIsUpWithTheDatabaseAndRedisInReadiness() {
    HttpResponse<String> health = http.get("/actuator/health");
    HttpResponse<String> readiness = http.get("/actuator/health/readiness");
    HttpResponse<String> liveness = http.get("/actuator/health/liveness");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body())
        .contains("\"db\"")
        .contains("\"redis\"")
        .contains("\"readinessState\"");
    assertThat(liveness.statusCode()).isEqualTo(200);
  }

  @Test
  void prometheusMetricsAndInfoAreExposed() {
    HttpResponse<String> metrics = http.get("/actuator/prometheus");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("jvm_memory_used_bytes")
        .contains("application=\"platform-it\"");
    assertThat(http.get("/actuator/info").statusCode()).isEqualTo(200);
  }

  @Test
  void anUnknownRouteIsAProblemDocument() {
    HttpResponse<String> response = http.get("/no/such/route");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains(ProblemTypes.NOT_FOUND.toString());
  }

  @Test
  void anOversizedChunkedBodyIsRefusedWith413AndWritesNothing() {
    byte[] big =
        ("{\"amount\":\"1\",\"pad\":\"" + "x".repeat(10_000) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    // A publisher of unknown length makes the client send the body chunked, without Content-Length.
    HttpRequest request =
        HttpRequest.newBuilder(http.uri("/it/bids"))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
            .header("X-User-ID", "chunky")
            .POST(
                HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofByteArrays(List.of(big))))
            .build();

    HttpResponse<String> response = http.send(request);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains(ProblemTypes.PAYLOAD_TOO_LARGE.toString());
  }

  @Test
  void anOversizedDeclaredBodyIsRefusedWith413() {
    HttpResponse<String> response =
        http.postJson(
            "/it/bids",
            "{\"amount\":\"1\",\"pad\":\"" + "x".repeat(10_000) + "\"}",
            Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString(), "X-User-ID", "big"));

    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void aFilterThatSendsAnErrorStillProducesAProblemDocument() {
    HttpResponse<String> response = http.get("/it/denied");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains(ProblemTypes.UNAUTHORIZED.toString());
  }

  @Test
  void logLinesAreJsonCarryingTheCorrelationIdOfTheirRequest(CapturedOutput output) {
    String correlationId = "log-" + java.util.UUID.randomUUID();
    http.send(
        HttpRequest.newBuilder(http.uri("/it/flaky"))
            .header("Content-Type", "application/json")
            .header("X-Correlation-ID", correlationId)
            .header("X-User-ID", "logger-" + correlationId)
            .header("Idempotency-Key", correlationId)
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build());

    // The first call fails on purpose and the handler logs it at ERROR.
    assertThat(output.getOut().lines().filter(line -> line.contains(correlationId)))
        .isNotEmpty()
        .allSatisfy(
            line ->
                assertThat(line)
                    .startsWith("{")
                    .contains("\"correlationId\":\"" + correlationId + "\""))
        .anySatisfy(line -> assertThat(line).contains("\"message\":\"unexpected failure\""));
  }

  @Test
  void theCorrelationIdComesBack() {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(http.uri("/actuator/health"))
                .header("X-Correlation-ID", "it-corr-1")
                .GET()
                .build());

    assertThat(response.headers().firstValue("X-Correlation-ID")).hasValue("it-corr-1");
  }
}
