package com.dbay.order.offers;

import com.dbay.order.orders.OrderProperties;
import com.dbay.order.wallet.WalletCalls;
import com.dbay.platform.money.Doge;
import com.dbay.platform.starter.servicecall.ServiceCallSigningInterceptor;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * An offer's hold in the wallet ({@code PUT/DELETE /api/v1/wallet/internal/holds/{userId}/{ref}}):
 * one per offer, reference {@code offer-<id>}; setting it moves only the difference. Keys derive
 * from the offer and the amount, so a retry moves nothing twice.
 */
@Component
class WalletHolds {

  private final RestClient wallet;
  private final JsonMapper json;

  WalletHolds(OrderProperties properties, ServiceCallSigningInterceptor signing, JsonMapper json) {
    this.wallet = WalletCalls.client(properties.walletUrl(), signing);
    this.json = json;
  }

  /** Sets the offer's hold to exactly {@code amount}; refused (not enough funds) as a 4xx. */
  void set(Offer offer, Doge amount) {
    WalletCalls.send(
        wallet,
        json,
        HttpMethod.PUT,
        "/api/v1/wallet/internal/holds/{userId}/{reference}",
        List.of(offer.buyerId(), offer.holdReference()),
        offer.holdReference() + "-set-" + amount.koinu(),
        Map.of("amount", amount.toString()),
        "the hold of offer " + offer.id());
  }

  /** Releases the offer's hold; a repeat (or a hold never placed) changes nothing. */
  void release(Offer offer) {
    try {
      WalletCalls.send(
          wallet,
          json,
          HttpMethod.DELETE,
          "/api/v1/wallet/internal/holds/{userId}/{reference}",
          List.of(offer.buyerId(), offer.holdReference()),
          offer.holdReference() + "-release",
          null,
          "the hold of offer " + offer.id());
    } catch (com.dbay.platform.problem.DomainException e) {
      if (!e.type().toString().endsWith("/escrow-not-funded")) {
        throw e;
      }
      // 404: no hold was ever placed, nothing to release.
    }
  }
}
