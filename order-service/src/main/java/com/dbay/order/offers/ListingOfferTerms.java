package com.dbay.order.offers;

import com.dbay.order.orders.OrderProperties;
import com.dbay.order.wallet.WalletCalls;
import com.dbay.platform.money.Doge;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.DomainException.Kind;
import com.dbay.platform.starter.servicecall.ServiceCallSigningInterceptor;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * listing-service's internal offer terms ({@code GET
 * /api/v1/listing/internal/listings/{id}/offer-terms}), signed as order-service.
 */
@Component
class ListingOfferTerms {

  private final RestClient listing;
  private final JsonMapper json;

  ListingOfferTerms(
      OrderProperties properties, ServiceCallSigningInterceptor signing, JsonMapper json) {
    this.listing = WalletCalls.client(properties.listingUrl(), signing);
    this.json = json;
  }

  OfferTerms of(String listingId) {
    JsonNode t;
    try {
      t =
          listing
              .get()
              .uri("/api/v1/listing/internal/listings/{id}/offer-terms", listingId)
              .exchange(
                  (req, response) -> {
                    int status = response.getStatusCode().value();
                    String text = new String(response.getBody().readAllBytes());
                    if (status == 404 || status == 400) {
                      throw new DomainException(
                          Kind.NOT_FOUND, "not-found", "There is no listing like that.");
                    }
                    if (status / 100 != 2) {
                      throw unavailable();
                    }
                    return json.readTree(text);
                  });
    } catch (DomainException e) {
      throw e;
    } catch (RuntimeException e) {
      throw unavailable();
    }
    List<OfferTerms.Shipping> shipping = new ArrayList<>();
    for (JsonNode s : t.path("shippingOptions")) {
      shipping.add(new OfferTerms.Shipping(s.get("service").asString(), doge(s.get("cost"))));
    }
    return new OfferTerms(
        t.get("listingId").asString(),
        t.get("sellerId").asString(),
        t.path("title").asString(""),
        t.get("format").asString(),
        t.get("status").asString(),
        doge(t.get("price")),
        t.get("quantityAvailable").asInt(),
        t.get("acceptsOffers").asBoolean(),
        doge(t.get("autoAcceptPrice")),
        doge(t.get("autoDeclinePrice")),
        shipping);
  }

  private static Doge doge(JsonNode n) {
    return n == null || n.isNull() ? null : Doge.parse(n.asString());
  }

  private static DomainException unavailable() {
    return new DomainException(
        Kind.UNAVAILABLE,
        "listing-unavailable",
        "The listing cannot be reached right now; nothing changed, try again.");
  }
}
