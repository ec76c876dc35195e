package com.dbay.lambda.auctioncloser;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.dbay.platform.servicecall.ServiceCallSigner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * AuctionCloseWorkflow's tasks, by {@code action}:
 *
 * <ul>
 *   <li>{@code outcome} {listingId} → the ended auction's outcome (sold, sellerId, winnerId,
 *       finalPrice, otherBidders);
 *   <li>{@code order} {listingId, buyerId, sellerId, price} → {orderId, ...}, once per auction;
 *   <li>{@code escrow} {listingId, orderId, buyerId, sellerId, amount} → the escrow funded from the
 *       winner's hold, once;
 *   <li>{@code release} {listingId, userIds} → {released: n}: releases each one's hold.
 * </ul>
 *
 * Every action is idempotent, so a step the executor runs again after a crash finishes once.
 */
public class AuctionSettlementHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  private final Settlement settlement;

  /**
   * The Lambda runtime's: DBAY_AUCTION_URL, DBAY_ORDER_URL, DBAY_WALLET_URL; calls signed as
   * auction-settlement with the key from DBAY_SERVICE_KEYS_FILE.
   */
  public AuctionSettlementHandler() {
    this(fromEnvironment());
  }

  public AuctionSettlementHandler(Settlement settlement) {
    this.settlement = settlement;
  }

  private static Settlement fromEnvironment() {
    Supplier<ServiceCallSigner> signer = ServiceCallSigner.fromEnvironment(HttpSettlement.CALLER);
    return new HttpSettlement(
        new ServiceHttp(
            "auction-service",
            ServiceHttp.env("DBAY_AUCTION_URL", "http://127.0.0.1:8002"),
            signer),
        new ServiceHttp(
            "order-service", ServiceHttp.env("DBAY_ORDER_URL", "http://127.0.0.1:8005"), signer),
        new ServiceHttp(
            "wallet-service", ServiceHttp.env("DBAY_WALLET_URL", "http://127.0.0.1:8003"), signer));
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    if (input == null) {
      throw new IllegalArgumentException("input is required");
    }
    String listingId = text(input, "listingId");
    String action = input.get("action") == null ? "outcome" : text(input, "action");
    return switch (action) {
      case "outcome" -> settlement.outcome(listingId);
      case "order" ->
          settlement.createOrder(
              listingId, text(input, "buyerId"), text(input, "sellerId"), text(input, "price"));
      case "escrow" ->
          settlement.fundEscrow(
              listingId,
              text(input, "orderId"),
              text(input, "buyerId"),
              text(input, "sellerId"),
              text(input, "amount"));
      case "release" -> release(listingId, input.get("userIds"));
      default -> throw new IllegalArgumentException("unknown action " + action);
    };
  }

  private Map<String, Object> release(String listingId, Object userIds) {
    if (!(userIds instanceof List<?> users)) {
      throw new IllegalArgumentException("userIds must be a list");
    }
    List<String> released = new ArrayList<>();
    for (Object user : users) {
      if (!(user instanceof String id) || id.isBlank()) {
        throw new IllegalArgumentException("userIds must hold user ids");
      }
      settlement.releaseHold(listingId, id);
      released.add(id);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("listingId", listingId);
    result.put("released", released);
    return result;
  }

  private static String text(Map<String, Object> input, String field) {
    Object value = input.get(field);
    if (!(value instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return s;
  }
}
