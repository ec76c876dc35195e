package com.dbay.notification.email;

import java.time.Clock;
import org.springframework.stereotype.Service;

/** What the rest of the service hands to email: addresses as proven, notifications to mail. */
@Service
public class Mailbox {

  private final MailStore store;
  private final Clock clock;

  Mailbox(MailStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The address the gateway proved for this user (their token's email claim); blank: none. */
  public void rememberAddress(String userId, String email) {
    if (userId != null && !userId.isBlank() && email != null && email.contains("@")) {
      store.rememberAddress(userId, email.trim(), clock.instant());
    }
  }

  /** Queued in the caller's transaction; mailed with the user's other pending ones. */
  public void enqueue(
      String userId, String kind, String title, String body, String link, String eventId) {
    store.enqueue(userId, kind, title, body, link, eventId, clock.instant());
  }
}
