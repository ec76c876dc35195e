package com.dbay.messaging.conversation;

import java.time.Instant;

/**
 * A private thread between a listing's buyer (who asked) and its seller. One per buyer and listing:
 * its id is derived from the two, so starting it twice finds the first. {@code orderId} is set for
 * threads about an order (not started from the SPA yet); an admin handling a dispute on that order
 * may read it ({@link DisputeAccess}).
 */
public record Conversation(
    String id,
    String listingId,
    String listingTitle,
    String orderId,
    String buyerId,
    String buyerName,
    String sellerId,
    String sellerName,
    Instant createdAt,
    LastMessage last) {

  /** The newest message's summary (null before the first message). */
  public record LastMessage(String messageId, String senderId, String preview, Instant at) {}

  public boolean hasParticipant(String userId) {
    return buyerId.equals(userId) || sellerId.equals(userId);
  }

  /** The participant who is not {@code userId}. */
  public String otherThan(String userId) {
    return buyerId.equals(userId) ? sellerId : buyerId;
  }

  public String nameOf(String userId) {
    return buyerId.equals(userId) ? buyerName : sellerName;
  }
}
