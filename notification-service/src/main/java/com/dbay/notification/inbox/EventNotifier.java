package com.dbay.notification.inbox;

import com.dbay.notification.email.Mailbox;
import com.dbay.notification.preferences.Kinds;
import com.dbay.notification.preferences.Preferences;
import com.dbay.notification.push.Pushes;
import com.dbay.platform.events.EventEnvelope;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Turns one bus event into the notifications its rules ({@link NotificationRules}) call for. Runs
 * inside the consumer's transaction, which also records the event id: a redelivered event is
 * skipped before it gets here, and the unique (event, user, kind) key stops any second row. The
 * live frames leave after the commit ({@link LivePush}).
 */
@Service
public class EventNotifier {

  private final Inbox inbox;
  private final LivePush push;
  private final Preferences preferences;
  private final Mailbox mailbox;
  private final Pushes pushes;
  private final Clock clock;

  public EventNotifier(
      Inbox inbox,
      LivePush push,
      Preferences preferences,
      Mailbox mailbox,
      Pushes pushes,
      Clock clock) {
    this.inbox = inbox;
    this.push = push;
    this.preferences = preferences;
    this.mailbox = mailbox;
    this.pushes = pushes;
    this.clock = clock;
  }

  /**
   * @return the notifications created
   */
  public List<Notification> onEvent(EventEnvelope event) {
    JsonNode detail = event.detail();
    List<Notification> created = new ArrayList<>();
    if (event.source().equals("dbay.auction")) {
      trackBidders(event, detail, created);
    }
    for (NotificationRules.Rule rule :
        NotificationRules.forEvent(event.source(), event.detailType())) {
      String recipient = NotificationRules.text(detail, rule.recipient());
      if (recipient.isBlank() || !rule.when().test(detail)) {
        continue;
      }
      add(
          event,
          recipient,
          rule.kind(),
          NotificationRules.render(rule.title(), detail),
          NotificationRules.render(rule.body(), detail),
          NotificationRules.render(rule.link(), detail),
          created);
    }
    push.afterCommit(created);
    return created;
  }

  /**
   * The bidders of each auction, so that its end can tell those who did not win ("auction lost"):
   * AuctionSold names only the winner, AuctionUnsold's bidders lost too (reserve not met).
   */
  private void trackBidders(EventEnvelope event, JsonNode detail, List<Notification> created) {
    String listingId = NotificationRules.text(detail, "listingId");
    if (listingId.isBlank()) {
      return;
    }
    switch (event.detailType()) {
      case "BidPlaced" -> {
        String bidder = NotificationRules.text(detail, "bidderId");
        if (!bidder.isBlank()) {
          inbox.rememberBidder(listingId, bidder);
        }
      }
      case "AuctionSold", "AuctionUnsold" -> {
        String winner = NotificationRules.text(detail, "winnerId");
        Set<String> losers = new LinkedHashSet<>(inbox.bidders(listingId));
        losers.remove(winner);
        for (String loser : losers) {
          add(
              event,
              loser,
              NotificationRules.LOST,
              "Auction ended: you did not win",
              winner.isBlank()
                  ? "The auction ended without a sale (the reserve was not met)."
                  : "Another bidder won at "
                      + NotificationRules.doge(NotificationRules.text(detail, "finalPrice"))
                      + " DOGE.",
              "/auctions/" + listingId,
              created);
        }
        inbox.forgetBidders(listingId);
      }
      default -> {}
    }
  }

  private void add(
      EventEnvelope event,
      String userId,
      String kind,
      String title,
      String body,
      String link,
      List<Notification> created) {
    // Each channel as the user chose (an in-app "off" stores nothing; email goes out batched; a
    // browser push is queued per subscribed browser and sent after the commit).
    if (preferences.wants(userId, kind, Kinds.IN_APP)) {
      Notification n =
          new Notification(
              UUID.randomUUID(), userId, kind, title, body, link, clock.instant(), null);
      if (inbox.add(n, event.id())) {
        created.add(n);
      }
    }
    if (preferences.wants(userId, kind, Kinds.EMAIL)) {
      mailbox.enqueue(userId, kind, title, body, link, event.id());
    }
    if (preferences.wants(userId, kind, Kinds.PUSH)) {
      pushes.enqueue(userId, kind, title, body, link, event.id());
    }
  }
}
