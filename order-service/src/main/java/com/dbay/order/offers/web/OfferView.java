package com.dbay.order.offers.web;

import com.dbay.order.offers.Offer;
import com.dbay.order.orders.ShippingAddress;
import com.dbay.platform.money.Doge;
import java.time.Instant;

/**
 * An offer as its two parties see it. {@code amount} is the buyer's unit price, {@code
 * counterAmount} the seller's (once countered); {@code total} what the hold covers now (the unit
 * price on the table × quantity + shipping); {@code awaiting} whose answer it waits for (SELLER,
 * BUYER, or null once ended); {@code role} the caller's side. The shipping address only for the
 * parties, like the order's.
 */
public record OfferView(
    String offerId,
    String listingId,
    String buyerId,
    String sellerId,
    String role,
    String status,
    Doge amount,
    Doge counterAmount,
    int quantity,
    String shippingService,
    Doge shippingCost,
    Doge total,
    String message,
    String awaiting,
    Instant createdAt,
    Instant expiresAt,
    Instant updatedAt,
    String orderId,
    String endReason,
    ShippingAddress shippingAddress) {

  static OfferView of(Offer o, String viewerId) {
    String awaiting =
        switch (o.status()) {
          case OPEN -> "SELLER";
          case COUNTERED -> "BUYER";
          default -> null;
        };
    return new OfferView(
        o.id(),
        o.listingId(),
        o.buyerId(),
        o.sellerId(),
        o.sellerId().equals(viewerId) ? "seller" : "buyer",
        o.status().name(),
        o.amount(),
        o.counterAmount(),
        o.quantity(),
        o.shippingService(),
        o.shippingCost(),
        o.total(),
        o.message(),
        awaiting,
        o.createdAt(),
        o.expiresAt(),
        o.updatedAt(),
        o.orderId(),
        o.endReason(),
        o.address());
  }
}
