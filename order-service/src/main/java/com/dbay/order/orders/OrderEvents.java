package com.dbay.order.orders;

import com.dbay.platform.money.Doge;
import java.time.Instant;

/** The events orders record, named as they travel on the bus (source dbay.order). */
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
}
