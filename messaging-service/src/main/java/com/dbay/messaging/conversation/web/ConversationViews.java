package com.dbay.messaging.conversation.web;

import com.dbay.messaging.conversation.Conversation;
import com.dbay.messaging.conversation.Message;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of the messaging API (docs/contracts.md). */
final class ConversationViews {

  private ConversationViews() {}

  record StartThread(String listingId) {}

  record SendMessage(String body) {}

  record Party(String userId, String name) {}

  record LastMessage(String messageId, String senderId, String preview, Instant at) {}

  /**
   * A thread as one participant sees it: {@code role} is theirs (buyer or seller), {@code other}
   * the person they talk to, {@code blockedOther} whether they blocked that person.
   */
  record ThreadView(
      String threadId,
      String listingId,
      String listingTitle,
      String orderId,
      String role,
      Party other,
      Party buyer,
      Party seller,
      Instant createdAt,
      LastMessage lastMessage,
      long unreadCount,
      Boolean blockedOther) {

    static ThreadView of(Conversation c, String viewerId, long unread, Boolean blockedOther) {
      String role =
          c.buyerId().equals(viewerId) ? "buyer" : c.sellerId().equals(viewerId) ? "seller" : null;
      Party buyer = new Party(c.buyerId(), c.buyerName());
      Party seller = new Party(c.sellerId(), c.sellerName());
      Party other = role == null ? null : role.equals("buyer") ? seller : buyer;
      LastMessage last =
          c.last() == null
              ? null
              : new LastMessage(
                  c.last().messageId(), c.last().senderId(), c.last().preview(), c.last().at());
      return new ThreadView(
          c.id(),
          c.listingId(),
          c.listingTitle(),
          c.orderId(),
          role,
          other,
          buyer,
          seller,
          c.createdAt(),
          last,
          unread,
          blockedOther);
    }
  }

  record ThreadPage(List<ThreadView> items, String nextCursor) {}

  record MessageView(
      String messageId,
      String threadId,
      String senderId,
      String recipientId,
      String body,
      Instant createdAt,
      Instant readAt) {

    static MessageView of(Message m) {
      return new MessageView(
          m.id(), m.threadId(), m.senderId(), m.recipientId(), m.body(), m.createdAt(), m.readAt());
    }
  }

  /** Oldest first, so a page reads top to bottom; {@code nextCursor} reaches further back. */
  record MessagePage(List<MessageView> items, String nextCursor) {}

  record Unread(long unreadCount) {}
}
