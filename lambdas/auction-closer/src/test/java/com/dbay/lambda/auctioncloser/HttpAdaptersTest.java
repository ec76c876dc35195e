package com.dbay.lambda.auctioncloser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dbay.platform.servicecall.ServiceCallHeaders;
import com.dbay.platform.servicecall.ServiceCallSigner;
import com.sun.net.httpserver.HttpServer;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP adapters against a local server standing in for the services: which paths they call,
 * signed as which part, with which Idempotency-Keys, and how answers map to retry or failure.
 */
class HttpAdaptersTest {

  record Seen(String method, String uri, String caller, String key, String body) {}

  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private volatile int status = 200;
  private volatile String answer = "{}";

  HttpAdaptersTest() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          seen.add(
              new Seen(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().toString(),
                  exchange.getRequestHeaders().getFirst(ServiceCallHeaders.CALLER),
                  exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                  body));
          String path = exchange.getRequestURI().getPath();
          String reply = path.endsWith("/due") ? "{\"listingIds\":[\"A\",\"B\"]}" : answer;
          if (path.endsWith("/B/close")) {
            reply = "{\"endedNow\":false}";
          }
          byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(path.endsWith("/due") ? 200 : status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private ServiceHttp service(String caller) {
    ServiceCallSigner signer = new ServiceCallSigner(caller, new byte[32], Clock.systemUTC());
    return new ServiceHttp(
        "test", "http://127.0.0.1:" + server.getAddress().getPort() + "/", () -> signer);
  }

  @Test
  void the_closer_asks_for_what_is_due_and_counts_only_the_auctions_it_ended() {
    answer = "{\"endedNow\":true}";
    int closed =
        new HttpDueAuctions(service("auction-closer"))
            .closeDue(Instant.parse("2026-11-24T01:00:05Z"));

    assertThat(closed).isEqualTo(1);
    assertThat(seen)
        .extracting(Seen::method, Seen::uri, Seen::caller)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "GET",
                "/api/v1/auction/internal/auctions/due?asOf=2026-11-24T01%3A00%3A05Z",
                "auction-closer"),
            org.assertj.core.groups.Tuple.tuple(
                "POST", "/api/v1/auction/internal/auctions/A/close", "auction-closer"),
            org.assertj.core.groups.Tuple.tuple(
                "POST", "/api/v1/auction/internal/auctions/B/close", "auction-closer"));
  }

  @Test
  void settlement_calls_each_service_with_keys_derived_from_the_auction() {
    answer = "{\"orderId\":\"o-1\",\"status\":\"PAID_IN_ESCROW\"}";
    ServiceHttp http = service("auction-settlement");
    var settlement = new HttpSettlement(http, http, http);

    settlement.outcome("L 1");
    assertThat(settlement.createOrder("L1", "bob", "alice", "11.00000000"))
        .containsEntry("orderId", "o-1");
    settlement.fundEscrow("L1", "o-1", "bob", "alice", "11.00000000");
    settlement.releaseHold("L1", "carol");

    assertThat(seen).extracting(Seen::caller).containsOnly("auction-settlement");
    assertThat(seen)
        .extracting(Seen::method, Seen::uri, Seen::key)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "GET", "/api/v1/auction/internal/auctions/L%201/outcome", null),
            org.assertj.core.groups.Tuple.tuple(
                "POST", "/api/v1/order/internal/orders", "auction-L1-order"),
            org.assertj.core.groups.Tuple.tuple(
                "POST", "/api/v1/wallet/internal/escrows", "auction-L1-escrow"),
            org.assertj.core.groups.Tuple.tuple(
                "DELETE",
                "/api/v1/wallet/internal/holds/carol/auction-L1",
                "auction-L1-release-carol"));
    assertThat(seen.get(1).body())
        .isEqualTo(
            "{\"listingId\":\"L1\",\"buyerId\":\"bob\",\"sellerId\":\"alice\",\"price\":\"11.00000000\",\"source\":\"auction\"}");
    assertThat(seen.get(2).body()).contains("\"holdReference\":\"auction-L1\"");
  }

  @Test
  void a_server_error_is_retried_and_a_refusal_is_not() {
    ServiceHttp http = service("auction-settlement");
    var settlement = new HttpSettlement(http, http, http);
    status = 503;
    assertThatThrownBy(() -> settlement.outcome("L1")).isInstanceOf(UncheckedIOException.class);
    status = 409;
    assertThatThrownBy(() -> settlement.fundEscrow("L1", "o", "b", "s", "1"))
        .isInstanceOf(ServiceHttp.Refused.class)
        .hasMessageContaining("409");
  }

  @Test
  void an_unreachable_service_is_retried() {
    ServiceCallSigner signer =
        new ServiceCallSigner("auction-closer", new byte[32], Clock.systemUTC());
    var closer =
        new HttpDueAuctions(new ServiceHttp("auction-service", "http://127.0.0.1:1", () -> signer));
    assertThatThrownBy(() -> closer.closeDue(Instant.now()))
        .isInstanceOf(UncheckedIOException.class);
  }
}
