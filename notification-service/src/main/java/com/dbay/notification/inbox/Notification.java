package com.dbay.notification.inbox;

import java.time.Instant;
import java.util.UUID;

/** One in-app notification of one user. {@code link} is a path of the web app. */
public record Notification(
    UUID id,
    String userId,
    String kind,
    String title,
    String body,
    String link,
    Instant createdAt,
    Instant readAt) {

  public boolean unread() {
    return readAt == null;
  }
}
