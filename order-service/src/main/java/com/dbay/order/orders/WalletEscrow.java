package com.dbay.order.orders;

import com.dbay.platform.money.Doge;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.DomainException.Kind;
import com.dbay.platform.starter.servicecall.ServiceCallSigningInterceptor;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link EscrowWallet} on wallet-service's internal escrows ({@code POST
 * /api/v1/wallet/internal/escrows/{orderId}/release|refund}), signed as order-service.
 */
@Component
class WalletEscrow implements EscrowWallet {

  private static final Logger log = LoggerFactory.getLogger(WalletEscrow.class);

  private final RestClient wallet;
  private final JsonMapper json;

  WalletEscrow(OrderProperties properties, ServiceCallSigningInterceptor signing, JsonMapper json) {
    this.wallet = WalletClients.client(properties.walletUrl(), signing);
    this.json = json;
  }

  @Override
  public void fund(
      String orderId, String buyerId, String sellerId, Doge amount, String holdReference) {
    Map<String, String> body = new java.util.LinkedHashMap<>();
    body.put("orderId", orderId);
    body.put("buyerId", buyerId);
    body.put("sellerId", sellerId);
    body.put("amount", amount.toString());
    if (holdReference != null) {
      body.put("holdReference", holdReference);
    }
    WalletClients.post(
        wallet,
        json,
        "/api/v1/wallet/internal/escrows",
        List.of(),
        "order-" + orderId + "-fund",
        body,
        "the payment of order " + orderId);
  }

  @Override
  public Settlement release(String orderId) {
    return settle(orderId, "release");
  }

  @Override
  public Settlement refund(String orderId) {
    return settle(orderId, "refund");
  }

  private Settlement settle(String orderId, String step) {
    JsonNode answer =
        WalletClients.post(
            wallet,
            json,
            "/api/v1/wallet/internal/escrows/{orderId}/" + step,
            List.of(orderId),
            "order-" + orderId + "-" + step,
            null,
            "the escrow of order " + orderId);
    return new Settlement(
        amount(answer, "sellerPayout"), amount(answer, "fee"), amount(answer, "buyerRefund"));
  }

  private static Doge amount(JsonNode answer, String field) {
    JsonNode v = answer.get(field);
    return v == null || v.isNull() ? Doge.ZERO : Doge.parse(v.asString());
  }

  /** The one way order-service talks to the wallet: signed, short timeouts, problems mapped. */
  static final class WalletClients {

    private WalletClients() {}

    static RestClient client(String baseUrl, ServiceCallSigningInterceptor signing) {
      JdkClientHttpRequestFactory requests =
          new JdkClientHttpRequestFactory(
              HttpClient.newBuilder()
                  .version(HttpClient.Version.HTTP_1_1)
                  .connectTimeout(Duration.ofSeconds(2))
                  .build());
      requests.setReadTimeout(Duration.ofSeconds(10));
      return RestClient.builder()
          .baseUrl(baseUrl)
          .requestFactory(requests)
          .requestInterceptor(signing)
          .build();
    }

    /**
     * POSTs {@code body} (null: none) with the key; answers the JSON. A 4xx of the wallet becomes
     * the same kind of problem here with the wallet's type and detail (insufficient funds is the
     * buyer's to know); a 5xx or no answer is 503, nothing changed here.
     */
    static JsonNode post(
        RestClient wallet,
        JsonMapper json,
        String uri,
        List<Object> variables,
        String key,
        Object body,
        String what) {
      try {
        RestClient.RequestBodySpec request =
            wallet
                .post()
                .uri(uri, variables.toArray())
                .header("Idempotency-Key", key)
                .header("Content-Type", "application/json");
        if (body != null) {
          request.body(body);
        }
        return request.exchange(
            (req, response) -> {
              String text = new String(response.getBody().readAllBytes());
              int status = response.getStatusCode().value();
              if (status / 100 == 2) {
                return json.readTree(text);
              }
              throw problem(json, status, text, what);
            });
      } catch (DomainException e) {
        throw e;
      } catch (RuntimeException e) {
        log.warn("wallet unreachable for {}: {}", what, e.toString());
        throw unavailable(what);
      }
    }

    static DomainException problem(JsonMapper json, int status, String text, String what) {
      String type = "wallet-refused";
      String detail = "The wallet refused " + what + ".";
      try {
        JsonNode p = json.readTree(text);
        if (p.hasNonNull("type")) {
          String t = p.get("type").asString();
          type = t.substring(t.lastIndexOf('/') + 1);
        }
        if (p.hasNonNull("detail")) {
          detail = p.get("detail").asString();
        }
      } catch (RuntimeException notJson) {
        // keep the generic words
      }
      Kind kind =
          switch (status) {
            case 400, 422 -> Kind.CONFLICT;
            case 403 -> Kind.FORBIDDEN;
            case 404 -> Kind.CONFLICT;
            case 409 -> Kind.CONFLICT;
            default -> null;
          };
      if (kind == null) {
        log.warn("wallet answered {} for {}: {}", status, what, text);
        return unavailable(what);
      }
      if (status == 404) {
        type = "escrow-not-funded";
        detail = "The order's escrow is not funded yet; try again in a moment.";
      }
      return new DomainException(kind, type, null, detail, List.of(), Map.of());
    }

    static DomainException unavailable(String what) {
      return new DomainException(
          Kind.UNAVAILABLE,
          "wallet-unavailable",
          null,
          "The wallet cannot be reached for " + what + " right now; nothing changed, try again.",
          List.of(),
          Map.of());
    }
  }
}
