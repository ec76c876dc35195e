package com.dbay.order.orders;

import com.dbay.order.wallet.WalletCalls;
import com.dbay.platform.money.Doge;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.DomainException.Kind;
import com.dbay.platform.starter.servicecall.ServiceCallSigningInterceptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ListingPurchases} on listing-service's internal purchases ({@code POST/DELETE
 * /api/v1/listing/internal/listings/{id}/purchases[/{orderId}]}), signed as order-service.
 */
@Component
class HttpListingPurchases implements ListingPurchases {

  private final RestClient listing;
  private final JsonMapper json;

  HttpListingPurchases(
      OrderProperties properties, ServiceCallSigningInterceptor signing, JsonMapper json) {
    this.listing = WalletCalls.client(properties.listingUrl(), signing);
    this.json = json;
  }

  @Override
  public Purchase take(
      String listingId,
      String orderId,
      String buyerId,
      int quantity,
      Doge unitPrice,
      String shippingService) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderId", orderId);
    body.put("buyerId", buyerId);
    body.put("quantity", quantity);
    if (unitPrice != null) {
      body.put("unitPrice", unitPrice.toString());
    }
    if (shippingService != null) {
      body.put("shippingService", shippingService);
    }
    JsonNode p =
        call(
            "POST",
            "/api/v1/listing/internal/listings/{id}/purchases",
            List.of(listingId),
            body,
            "listing " + listingId);
    return new Purchase(
        p.get("orderId").asString(),
        p.get("listingId").asString(),
        p.get("sellerId").asString(),
        p.path("title").asString(""),
        p.get("quantity").asInt(),
        Doge.parse(p.get("unitPrice").asString()),
        p.hasNonNull("shippingService") ? p.get("shippingService").asString() : null,
        Doge.parse(p.get("shippingCost").asString()),
        Doge.parse(p.get("total").asString()));
  }

  @Override
  public void giveBack(String listingId, String orderId) {
    call(
        "DELETE",
        "/api/v1/listing/internal/listings/{id}/purchases/{orderId}",
        List.of(listingId, orderId),
        null,
        "listing " + listingId);
  }

  private JsonNode call(
      String method, String uri, List<Object> variables, Object body, String what) {
    try {
      RestClient.RequestBodySpec request =
          listing
              .method(org.springframework.http.HttpMethod.valueOf(method))
              .uri(uri, variables.toArray())
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
            if (status == 404) {
              throw new DomainException(
                  Kind.NOT_FOUND,
                  "not-found",
                  null,
                  "There is no listing like that.",
                  List.of(),
                  Map.of());
            }
            DomainException refused =
                WalletCalls.problem(json, status == 422 ? 400 : status, text, what);
            if (status == 422) {
              // The listing's field rules (quantity, shipping service): the buyer's input.
              throw new DomainException(
                  Kind.INVALID, "validation", null, refused.getMessage(), List.of(), Map.of());
            }
            throw refused;
          });
    } catch (DomainException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new DomainException(
          Kind.UNAVAILABLE,
          "listing-unavailable",
          null,
          "The listing cannot be reached right now; nothing changed, try again.",
          List.of(),
          Map.of());
    }
  }
}
