package com.dbay.order.disputes;

import com.dbay.platform.money.Doge;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.DomainException.Kind;
import com.dbay.platform.starter.servicecall.ServiceCallSigningInterceptor;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wallet's internal escrow endpoints, signed as order-service. A ruling's money moves with the
 * Idempotency-Key {@code dispute-<id>-ruling}: a retry after a crash gets the wallet's first
 * answer, and the escrow (settled once, status FUNDED → REFUNDED/RELEASED/SPLIT) can never move
 * twice.
 */
@Component
public class EscrowClient {

  /** What the wallet holds or paid out for an order (amounts in koinu, null until settled). */
  public record Escrow(
      String orderId, String status, Doge amount, Doge buyerRefund, Doge sellerPayout, Doge fee) {}

  private final RestClient wallet;
  private final JsonMapper json;

  EscrowClient(DisputeProperties p, ServiceCallSigningInterceptor signing, JsonMapper json) {
    JdkClientHttpRequestFactory requests =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build());
    requests.setReadTimeout(Duration.ofSeconds(10));
    this.wallet =
        RestClient.builder()
            .baseUrl(p.walletUrl())
            .requestFactory(requests)
            .requestInterceptor(signing)
            .build();
    this.json = json;
  }

  /** The order's escrow, or null when the wallet has none. */
  public Escrow get(String orderId) {
    return wallet
        .get()
        .uri("/api/v1/wallet/internal/escrows/{orderId}", orderId)
        .exchange(
            (request, response) -> {
              if (response.getStatusCode().value() == 404) {
                return null;
              }
              return read(response.getStatusCode().value(), response.getBody().readAllBytes());
            });
  }

  /** Carries out a ruling: REFUND, RELEASE or SPLIT (buyerPercent 0-100, 2 decimals). */
  public Escrow settle(String orderId, Dispute.Outcome outcome, String buyerPercent, String key) {
    String action =
        switch (outcome) {
          case REFUND -> "refund";
          case RELEASE -> "release";
          case SPLIT -> "split";
        };
    var request =
        wallet
            .post()
            .uri("/api/v1/wallet/internal/escrows/{orderId}/" + action, orderId)
            .header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON);
    if (outcome == Dispute.Outcome.SPLIT) {
      request.body(Map.of("buyerPercent", buyerPercent));
    } else {
      request.body(Map.of());
    }
    return request.exchange(
        (req, response) ->
            read(response.getStatusCode().value(), response.getBody().readAllBytes()));
  }

  private Escrow read(int status, byte[] body) {
    if (status / 100 != 2) {
      throw new DomainException(
          status == 409 ? Kind.CONFLICT : Kind.UNAVAILABLE,
          status == 409 ? "escrow-not-movable" : "wallet-unavailable",
          null,
          "The wallet refused the escrow step (" + status + "): " + new String(body),
          List.of(),
          Map.of());
    }
    JsonNode e = json.readTree(body);
    return new Escrow(
        e.path("orderId").asString(),
        e.path("status").asString(),
        doge(e.get("amount")),
        doge(e.get("buyerRefund")),
        doge(e.get("sellerPayout")),
        doge(e.get("fee")));
  }

  private static Doge doge(JsonNode n) {
    return n == null || n.isNull() ? null : Doge.parse(n.asString());
  }
}
