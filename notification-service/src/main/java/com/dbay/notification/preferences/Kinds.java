package com.dbay.notification.preferences;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every kind of notification, with its label and default channels. In-app is on for everything but
 * marketing; email for what needs acting on or is about money (outbid, won, sold, orders, offers,
 * disputes, withdrawals, messages); browser push only reaches browsers the user subscribed (the
 * opt-in), and then by default only for what cannot wait (outbid, won, ending soon, new message);
 * marketing is off everywhere.
 */
public final class Kinds {

  public static final String IN_APP = "in_app";
  public static final String EMAIL = "email";
  public static final String PUSH = "push";
  public static final List<String> CHANNELS = List.of(IN_APP, EMAIL, PUSH);

  public record Kind(String kind, String label, Set<String> defaults) {}

  private static final Set<String> IN_APP_ONLY = Set.of(IN_APP);
  private static final Set<String> IN_APP_EMAIL = Set.of(IN_APP, EMAIL);

  /**
   * What cannot wait: pushed to the browsers a user subscribed (subscribing one is the opt-in; with
   * no browser subscribed the push channel sends nothing).
   */
  private static final Set<String> IN_APP_EMAIL_PUSH = Set.of(IN_APP, EMAIL, PUSH);

  private static final Set<String> IN_APP_PUSH = Set.of(IN_APP, PUSH);

  public static final List<Kind> ALL =
      List.of(
          new Kind("outbid", "You were outbid", IN_APP_EMAIL_PUSH),
          new Kind("auction_won", "You won an auction", IN_APP_EMAIL_PUSH),
          new Kind("ending_soon", "A watched auction ends soon", IN_APP_PUSH),
          new Kind("auction_lost", "An auction you bid on ended without you", IN_APP_ONLY),
          new Kind("auction_sold", "Your item sold", IN_APP_EMAIL),
          new Kind("auction_unsold", "Your auction ended unsold", IN_APP_EMAIL),
          new Kind("question_asked", "A question on your listing", IN_APP_EMAIL),
          new Kind("question_answered", "Your question was answered", IN_APP_EMAIL),
          new Kind("order_paid", "An order was paid", IN_APP_EMAIL),
          new Kind("order_shipped", "Your order shipped", IN_APP_EMAIL),
          new Kind("order_received", "The buyer received the item", IN_APP_ONLY),
          new Kind("order_completed", "An order completed", IN_APP_EMAIL),
          new Kind("order_cancelled", "An order was cancelled", IN_APP_EMAIL),
          new Kind("offer_made", "You received an offer", IN_APP_EMAIL),
          new Kind("offer_accepted", "Your offer was accepted", IN_APP_EMAIL),
          new Kind("offer_declined", "Your offer was declined", IN_APP_EMAIL),
          new Kind("offer_countered", "Your offer was countered", IN_APP_EMAIL),
          new Kind("offer_expired", "Your offer expired", IN_APP_ONLY),
          new Kind(
              "offer_voided",
              "Your offer ended (the item sold out or the listing ended)",
              IN_APP_ONLY),
          new Kind("dispute_opened", "A dispute was opened", IN_APP_EMAIL),
          new Kind("dispute_answered", "A dispute was answered", IN_APP_EMAIL),
          new Kind("dispute_escalated", "A dispute went to DBay", IN_APP_EMAIL),
          new Kind("dispute_ruled", "A dispute was ruled", IN_APP_EMAIL),
          new Kind("deposit_credited", "A deposit was credited", IN_APP_ONLY),
          new Kind("withdrawal_sent", "A withdrawal was sent", IN_APP_ONLY),
          new Kind("withdrawal_confirmed", "A withdrawal was confirmed", IN_APP_EMAIL),
          new Kind("withdrawal_stuck", "A withdrawal is delayed", IN_APP_EMAIL),
          new Kind("new_message", "A new message", IN_APP_EMAIL_PUSH),
          new Kind("saved_search_matched", "A saved search found something", IN_APP_ONLY),
          new Kind("marketing", "News and offers from DBay", Set.of()));

  private static final Map<String, Kind> BY_NAME = byName();

  private Kinds() {}

  public static Optional<Kind> find(String kind) {
    return Optional.ofNullable(BY_NAME.get(kind));
  }

  public static boolean byDefault(String kind, String channel) {
    Kind k = BY_NAME.get(kind);
    return k != null && k.defaults().contains(channel);
  }

  private static Map<String, Kind> byName() {
    Map<String, Kind> m = new LinkedHashMap<>();
    ALL.forEach(k -> m.put(k.kind(), k));
    return Map.copyOf(m);
  }
}
