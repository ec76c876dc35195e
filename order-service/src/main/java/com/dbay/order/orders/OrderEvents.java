package com.dbay.order.orders;

import com.dbay.platform.money.Doge;
import java.time.Instant;

/**
 * The events orders record, named as they travel on the bus (source dbay.order). Each detail
 * carries the buyer and the seller, the users a notification goes to.
 */
public final class OrderEvents {

  private OrderEvents() {}

  public record OrderCreated(
      String orderId,
      String source,
      String listingId,
      String buyerId,
      String sellerId,
      Doge price,
      String status,
      Instant createdAt) {}

  public record OrderShipped(
      String orderId,
      String listingId,
      String buyerId,
      String sellerId,
      String carrier,
      String trackingNumber,
      Instant shippedAt,
      Instant autoReleaseAt) {}

  public record OrderReceived(
      String orderId, String listingId, String buyerId, String sellerId, Instant receivedAt) {}

  /** The escrow was released: {@code sellerAmount} to the seller, {@code fee} to the platform. */
  public record OrderCompleted(
      String orderId,
      String listingId,
      String buyerId,
      String sellerId,
      Doge price,
      Doge sellerAmount,
      Doge fee,
      Instant completedAt) {}

  /** The escrow was refunded to the buyer ({@code refunded}); {@code by} who cancelled. */
  public record OrderCancelled(
      String orderId,
      String listingId,
      String buyerId,
      String sellerId,
      Doge refunded,
      String by,
      Instant cancelledAt) {}
}
