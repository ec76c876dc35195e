package com.dbay.order.orders;

import com.dbay.order.wallet.WalletCalls;
import com.dbay.platform.money.Doge;
import com.dbay.platform.starter.servicecall.ServiceCallSigningInterceptor;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link EscrowWallet} on wallet-service's internal escrows ({@code POST
 * /api/v1/wallet/internal/escrows[/{orderId}/release|refund|split]}, {@code GET …/{orderId}}),
 * signed as order-service: the one escrow client of orders, offers and disputes.
 */
@Component
class WalletEscrow implements EscrowWallet {

  private final RestClient wallet;
  private final JsonMapper json;

  WalletEscrow(OrderProperties properties, ServiceCallSigningInterceptor signing, JsonMapper json) {
    this.wallet = WalletCalls.client(properties.walletUrl(), signing);
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
    WalletCalls.post(
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
        WalletCalls.post(
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

  @Override
  public Escrow get(String orderId) {
    try {
      return wallet
          .get()
          .uri("/api/v1/wallet/internal/escrows/{orderId}", orderId)
          .exchange(
              (request, response) -> {
                int status = response.getStatusCode().value();
                String text = new String(response.getBody().readAllBytes());
                if (status == 404) {
                  return null;
                }
                if (status / 100 != 2) {
                  throw WalletCalls.problem(json, status, text, "the escrow of order " + orderId);
                }
                return escrow(json.readTree(text));
              });
    } catch (com.dbay.platform.problem.DomainException e) {
      throw e;
    } catch (RuntimeException e) {
      throw WalletCalls.unavailable("the escrow of order " + orderId);
    }
  }

  @Override
  public Escrow settle(String orderId, String action, String buyerPercent, String key) {
    if (!List.of("refund", "release", "split").contains(action)) {
      throw new IllegalArgumentException("no escrow step " + action);
    }
    JsonNode answer =
        WalletCalls.post(
            wallet,
            json,
            "/api/v1/wallet/internal/escrows/{orderId}/" + action,
            List.of(orderId),
            key,
            action.equals("split") ? Map.of("buyerPercent", buyerPercent) : Map.of(),
            "the escrow of order " + orderId);
    return escrow(answer);
  }

  private static Escrow escrow(JsonNode e) {
    return new Escrow(
        e.path("orderId").asString(),
        e.path("status").asString(),
        nullable(e.get("amount")),
        nullable(e.get("buyerRefund")),
        nullable(e.get("sellerPayout")),
        nullable(e.get("fee")));
  }

  private static Doge nullable(JsonNode v) {
    return v == null || v.isNull() ? null : Doge.parse(v.asString());
  }

  private static Doge amount(JsonNode answer, String field) {
    JsonNode v = answer.get(field);
    return v == null || v.isNull() ? Doge.ZERO : Doge.parse(v.asString());
  }
}
