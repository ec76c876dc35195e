package com.dbay.order.orders.web;

import com.dbay.order.orders.Order;
import com.dbay.platform.money.Doge;
import java.time.Instant;

/** An order as its parties see it. */
record OrderView(
    String orderId,
    String source,
    String listingId,
    String buyerId,
    String sellerId,
    Doge price,
    String status,
    Instant createdAt) {

  static OrderView of(Order o) {
    return new OrderView(
        o.id(),
        o.source().name().toLowerCase(),
        o.listingId(),
        o.buyerId(),
        o.sellerId(),
        o.price(),
        o.status().name(),
        o.createdAt());
  }
}
