package com.dbay.messaging.conversation;

import java.util.Optional;

/**
 * Whether an ADMIN may read a thread (never post in it): only while the thread's order is in an
 * open dispute, the one an administrator handles. The answer comes from order-service ({@link
 * OrderDisputeAccess}); when it cannot be asked, no admin is let in.
 */
public interface DisputeAccess {

  /** The order of an open dispute and its parties. */
  record DisputedOrder(String orderId, String listingId, String buyerId, String sellerId) {}

  boolean adminMayRead(String adminId, Conversation thread);

  /** The open dispute on this order, if there is one. */
  Optional<DisputedOrder> openDisputeOn(String orderId);
}
