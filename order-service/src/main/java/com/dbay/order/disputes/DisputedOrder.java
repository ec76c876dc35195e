package com.dbay.order.disputes;

import com.dbay.platform.money.Doge;
import java.time.Instant;

/**
 * The facts of an order a dispute needs (read from the orders table); {@code price} is what its
 * escrow holds: the price plus shipping.
 */
public record DisputedOrder(
    String orderId,
    String listingId,
    String buyerId,
    String sellerId,
    Doge price,
    String status,
    Instant shippedAt,
    Instant createdAt) {}
