package com.dbay.lambda.auctioncloser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The three services as settlement sees them, with the idempotency the real ones promise: one order
 * per auction, one escrow per order (from the winner's hold, the rest released), releases keyed.
 */
class InMemorySettlement implements Settlement {

  final Map<String, Map<String, Object>> outcomes = new ConcurrentHashMap<>();
  final Map<String, Map<String, Object>> ordersByListing = new ConcurrentHashMap<>();
  final Map<String, Map<String, Object>> escrowsByOrder = new ConcurrentHashMap<>();

  /** (user, reference) → held amount; "CAPTURED" once it became escrow. */
  final Map<String, String> holds = new ConcurrentHashMap<>();

  final List<String> calls = new ArrayList<>();

  void sold(String listingId, String seller, String winner, String price, List<String> others) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("listingId", listingId);
    o.put("sold", true);
    o.put("sellerId", seller);
    o.put("winnerId", winner);
    o.put("finalPrice", price);
    o.put("reserveMet", true);
    o.put("otherBidders", others);
    outcomes.put(listingId, o);
  }

  void unsold(String listingId, String seller, List<String> bidders) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("listingId", listingId);
    o.put("sold", false);
    o.put("sellerId", seller);
    o.put("winnerId", null);
    o.put("finalPrice", null);
    o.put("reserveMet", false);
    o.put("otherBidders", bidders);
    outcomes.put(listingId, o);
  }

  @Override
  public synchronized Map<String, Object> outcome(String listingId) {
    calls.add("outcome");
    return new LinkedHashMap<>(outcomes.get(listingId));
  }

  @Override
  public synchronized Map<String, Object> createOrder(
      String listingId, String buyerId, String sellerId, String price) {
    calls.add("order");
    return ordersByListing.computeIfAbsent(
        listingId,
        l -> {
          Map<String, Object> order = new LinkedHashMap<>();
          order.put("orderId", "order-" + (ordersByListing.size() + 1));
          order.put("listingId", listingId);
          order.put("buyerId", buyerId);
          order.put("sellerId", sellerId);
          order.put("price", price);
          order.put("status", "PAID_IN_ESCROW");
          return order;
        });
  }

  @Override
  public synchronized Map<String, Object> fundEscrow(
      String listingId, String orderId, String buyerId, String sellerId, String amount) {
    calls.add("escrow");
    Map<String, Object> existing = escrowsByOrder.get(orderId);
    if (existing != null) {
      return existing;
    }
    String hold = buyerId + "/" + Settlement.holdReference(listingId);
    if (!holds.containsKey(hold) || "CAPTURED".equals(holds.get(hold))) {
      throw new ServiceHttp.Refused("no hold " + hold, 409);
    }
    holds.put(hold, "CAPTURED");
    Map<String, Object> escrow = new LinkedHashMap<>();
    escrow.put("orderId", orderId);
    escrow.put("amount", amount);
    escrow.put("status", "FUNDED");
    escrowsByOrder.put(orderId, escrow);
    return escrow;
  }

  @Override
  public synchronized Map<String, Object> releaseHold(String listingId, String userId) {
    calls.add("release:" + userId);
    String hold = userId + "/" + Settlement.holdReference(listingId);
    if (!"CAPTURED".equals(holds.get(hold))) {
      holds.put(hold, "0");
    }
    return Map.of();
  }
}
