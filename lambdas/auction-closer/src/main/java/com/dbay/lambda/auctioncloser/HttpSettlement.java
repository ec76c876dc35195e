package com.dbay.lambda.auctioncloser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link Settlement} over the internal APIs of auction-service (outcome), order-service (order,
 * idempotent by auction) and wallet-service (escrow from the hold, hold release), each call signed
 * as auction-settlement. The wallet's Idempotency-Keys are derived from the auction alone, so a
 * retried step gets the first answer back and never moves money twice.
 */
public final class HttpSettlement implements Settlement {

  /** The part name the services allow on these endpoints (internal-endpoints.tsv). */
  public static final String CALLER = "auction-settlement";

  private final ServiceHttp auction;
  private final ServiceHttp orders;
  private final ServiceHttp wallet;

  public HttpSettlement(ServiceHttp auction, ServiceHttp orders, ServiceHttp wallet) {
    this.auction = auction;
    this.orders = orders;
    this.wallet = wallet;
  }

  @Override
  public Map<String, Object> outcome(String listingId) {
    return auction.get("/api/v1/auction/internal/auctions/" + encode(listingId) + "/outcome");
  }

  @Override
  public Map<String, Object> createOrder(
      String listingId, String buyerId, String sellerId, String price) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("listingId", listingId);
    body.put("buyerId", buyerId);
    body.put("sellerId", sellerId);
    body.put("price", price);
    body.put("source", "auction");
    return orders.post("/api/v1/order/internal/orders", body, "auction-" + listingId + "-order");
  }

  @Override
  public Map<String, Object> fundEscrow(
      String listingId, String orderId, String buyerId, String sellerId, String amount) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderId", orderId);
    body.put("buyerId", buyerId);
    body.put("sellerId", sellerId);
    body.put("amount", amount);
    body.put("holdReference", Settlement.holdReference(listingId));
    return wallet.post("/api/v1/wallet/internal/escrows", body, "auction-" + listingId + "-escrow");
  }

  @Override
  public Map<String, Object> releaseHold(String listingId, String userId) {
    return wallet.delete(
        "/api/v1/wallet/internal/holds/"
            + encode(userId)
            + "/"
            + encode(Settlement.holdReference(listingId)),
        "auction-" + listingId + "-release-" + userId);
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
