package com.dbay.order.orders.web;

import com.dbay.order.orders.Order;
import com.dbay.order.orders.ShippingAddress;
import com.dbay.platform.money.Doge;
import java.time.Instant;

/**
 * An order as its parties see it: what was bought, its status and each step's time, and the
 * deadlines that matter next ({@code cancellableAt} while unshipped, {@code autoReleaseAt} while
 * shipped). {@code sellerAmount} and {@code fee} once the escrow was released. {@code total} is
 * what the escrow holds: {@code price} (all units) plus {@code shippingCost}.
 */
record OrderView(
    String orderId,
    String source,
    String listingId,
    String buyerId,
    String sellerId,
    Doge price,
    String status,
    Instant createdAt,
    String carrier,
    String trackingNumber,
    Instant shippedAt,
    Instant receivedAt,
    Instant completedAt,
    Instant cancelledAt,
    Doge sellerAmount,
    Doge fee,
    Instant cancellableAt,
    Instant autoReleaseAt,
    int quantity,
    String shippingService,
    Doge shippingCost,
    Doge total,
    ShippingAddress shippingAddress) {

  static OrderView of(Order o) {
    Order.Progress p = o.progress();
    return new OrderView(
        o.id(),
        o.source().name().toLowerCase(),
        o.listingId(),
        o.buyerId(),
        o.sellerId(),
        o.price(),
        o.status().name(),
        o.createdAt(),
        p.carrier(),
        p.trackingNumber(),
        p.shippedAt(),
        p.receivedAt(),
        p.completedAt(),
        p.cancelledAt(),
        p.sellerAmount(),
        p.fee(),
        o.status() == Order.Status.PAID_IN_ESCROW ? o.cancellableAt() : null,
        o.status() == Order.Status.SHIPPED ? o.autoReleaseAt() : null,
        o.delivery().quantity(),
        o.delivery().shippingService(),
        o.delivery().shippingCost(),
        o.total(),
        o.delivery().address());
  }
}
