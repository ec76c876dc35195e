package com.dbay.messaging.conversation;

/**
 * A message was sent: for notification-service (the recipient is told). {@code orderId} is null for
 * a thread about a listing. {@code preview} is at most 140 characters of the body, as written.
 */
public record MessageSent(
    String threadId,
    String messageId,
    String listingId,
    String listingTitle,
    String orderId,
    String senderId,
    String senderName,
    String recipientId,
    String preview) {}
