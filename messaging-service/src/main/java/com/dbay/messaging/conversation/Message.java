package com.dbay.messaging.conversation;

import java.time.Instant;

/** One message, its body exactly as written (never trimmed, never rewritten, never HTML). */
public record Message(
    String id,
    String threadId,
    String senderId,
    String recipientId,
    String body,
    Instant createdAt,
    Instant readAt) {

  static final int PREVIEW_LENGTH = 140;

  /** At most 140 characters of the body for lists and notifications; whole code points only. */
  public String preview() {
    if (body.codePointCount(0, body.length()) <= PREVIEW_LENGTH) {
      return body;
    }
    return body.substring(0, body.offsetByCodePoints(0, PREVIEW_LENGTH - 1)) + "…";
  }
}
